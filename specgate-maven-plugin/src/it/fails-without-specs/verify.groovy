// A project with no spec at all fails the build, as the command line exits 2: never a silent pass.
def log = new File(basedir, 'build.log').text
assert log.contains('Specgate: no specs found under')
// and it says what it looked for, as the command line does
assert log.contains('looked for Markdown files in a directives/spec/ folder')
assert log.contains('failIfNoSpecs')
assert log.contains('BUILD FAILURE')
return true
