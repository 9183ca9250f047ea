// A report file that is one of the specs the run checks is refused, as check --output refuses it:
// writing the report there would replace the spec. The spec (BOM, CRLF) is left byte for byte.
def log = new File(basedir, 'build.log').text
assert log.contains('is a spec this run checks: writing the report there would replace it')
assert log.contains('BUILD FAILURE')
def spec = new File(basedir, 'directives/spec/2026-10-02_spec_webhook-retry-queue.md').bytes
def expected = new File(basedir, 'expected/2026-10-02_spec_webhook-retry-queue.md').bytes
assert spec == expected
return true
