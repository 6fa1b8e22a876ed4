assert new File(basedir, 'target/test-classes/com/example/XorTrainer64.class').isFile()
assert !new File(basedir, 'target/classes/com/example/XorTrainer64.class').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('deltac: 1 spec compiled, 0 up to date')
assert log.contains('Tests run: 1, Failures: 0')
return true
