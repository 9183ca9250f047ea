def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] directives/spec/2026-10-02_spec_webhook-retry-queue.md:5:11: error [field-value] \'Type\' is \'Refactoring\'')
// marked Approved by hand: an approval recorded with specgate approve would have run the gate
assert log.contains('[WARNING] directives/spec/2026-10-02_spec_webhook-retry-queue.md:273:1: warning [approval-missing] the spec says Approved but records no approval')
assert log.contains('Specgate: checked 1 spec: 1 error, 1 warning')
assert log.contains('BUILD FAILURE')
return true
