// Both specs' problems are reported, each positioned as IDE consoles link them, and the build failed once.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*com\/example\/shapes\.java:\[4,32\] shape mismatch in product: W is 3×5 but x is 4×n/ : 'no shapes error'
assert log =~ /\[ERROR\] \S*com\/example\/typo\.java:\[4,32\] unknown function sigmod \(did you mean sigmoid\?\)/ : 'no typo error'
assert log.contains('deltac: 2 problems in the specs under')
return true
