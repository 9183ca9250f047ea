// trace and format reach the plugin: a spec in Implementation whose File Organization paths do not
// exist fails with layout-missing, and the SARIF report is written to target/specgate.sarif.
def log = new File(basedir, 'build.log').text
assert log.contains('error [layout-missing]')
assert log.contains('BUILD FAILURE')
def sarif = new File(basedir, 'target/specgate.sarif')
assert sarif.isFile()
def text = sarif.text
assert text.contains('"version" : "2.1.0"') || text.contains('"version": "2.1.0"')
assert text.contains('layout-missing')
return true
