// The reports name specs as the log and the command line do, relative to where the build runs
// (GitHub annotations need the repository's paths), never by the absolute path Maven hands the
// plugin.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def report = new File(basedir, 'target/specgate.txt').text
assert report.contains('::error file=directives/spec/2026-10-02_spec_webhook-retry-queue.md,line=5,col=11,')
assert !report.contains(basedir.absolutePath)
return true
