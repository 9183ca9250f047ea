// The plugin declared in a parent without <inherited>false</inherited> runs in the module too: the
// parent's specs pass, the module (no spec in its folder) fails, and the build log says why and
// what to do, as docs/integrations.md does, not only the switch that would hide a misplaced folder.
def log = new File(basedir, 'build.log').text
assert log.contains('Specgate: checked 1 spec: 0 errors, 0 warnings')
def api = new File(basedir, 'api').canonicalPath
assert log.contains("on project multi-module-inherited-api: Specgate: no specs found under ${api}:")
assert log.contains('(a module inherits the plugins its parent declares in <build><plugins>:'
        + ' declare it in the module whose folder holds directives/ with'
        + ' <inherited>false</inherited> beside its <version>, or set failIfNoSpecs to false to allow this)')
assert log.contains('BUILD FAILURE')
return true
