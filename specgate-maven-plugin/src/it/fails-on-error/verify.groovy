def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] directives/spec/2026-10-02_spec_webhook-retry-queue.md:5:11: error [field-value] \'Type\' is \'Refactoring\'')
assert log.contains('Specgate: checked 1 spec: 1 error, 0 warnings')
assert log.contains('BUILD FAILURE')
return true
