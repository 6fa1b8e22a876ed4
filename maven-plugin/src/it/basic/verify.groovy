// The class was generated where the app's code compiled against it, and the app trained it.
def classFile = new File(basedir, 'target/classes/com/example/IrisMlpTrainer.class')
assert classFile.isFile() : "no ${classFile}"
def log = new File(basedir, 'build.log').text
assert log.contains('deltac: 1 spec compiled, 0 up to date') : 'the spec was not compiled'
assert log =~ /accuracy (9[0-9]|100)\.[0-9]+%/ : 'the app did not print its accuracy'
assert log.contains('Tests run: 1, Failures: 0')
return true
