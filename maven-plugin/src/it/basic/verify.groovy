// The class was generated where the app's code compiled against it, and the app trained it.
def classFile = new File(basedir, 'target/classes/com/example/IrisMlpTrainer.class')
assert classFile.isFile() : "no ${classFile}"
def log = new File(basedir, 'build.log').text
assert log.contains('deltac: 1 spec compiled, 0 up to date') : 'the spec was not compiled'
// the README's App prints this (a fixed seed: the same figure every run)
assert log.contains('accuracy 95.33%') : 'the app did not print the README\'s accuracy 95.33%'
assert log.contains('Tests run: 1, Failures: 0')
return true
