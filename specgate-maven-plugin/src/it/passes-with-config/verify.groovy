def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] directives/spec/2026-10-03_spec_webhook-retry-dashboard.md:243:17: warning [placeholder-template]')
assert log.contains('Specgate: checked 2 specs: 0 errors, 1 warning')
assert log.contains('BUILD SUCCESS')
return true
