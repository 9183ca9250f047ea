// A project with no spec at all fails the build, as the command line exits 2: never a silent pass.
def log = new File(basedir, 'build.log').text
assert log.contains('Specgate: no specs found under')
assert log.contains('failIfNoSpecs')
assert log.contains('BUILD FAILURE')
return true
