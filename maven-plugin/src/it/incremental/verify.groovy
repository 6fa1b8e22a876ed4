// The second build compiled nothing: the spec, the plugin and the configuration are unchanged.
def log = new File(basedir, 'build.log').text
assert log.contains('deltac: 0 specs compiled, 1 up to date') : 'the second build compiled the spec again'
def state = new File(basedir, 'target/deltac/compile.state')
assert state.text.startsWith('com/example/iris_mlp.java\t') : state.text
return true
