// A parent found beside the module by its <relativePath> (../parent/pom.xml), not in a folder above
// it: the module inherits the plugin all the same, and the build log says so, naming where the
// parent is. It gave only the switch that would also hide a misplaced spec folder.
def log = new File(basedir, 'build.log').text
assert log.contains('Specgate: checked 1 spec: 0 errors, 0 warnings')
def api = new File(basedir, 'api').canonicalPath
assert log.contains("on project multi-module-sibling-parent-api: Specgate: no specs found under ${api}:")
assert log.contains('(a module inherits the plugins its parent (in ../parent/, by its <relativePath>)'
        + ' declares in <build><plugins>: declare it in the module whose folder holds directives/ with'
        + ' <inherited>false</inherited> beside its <version>, or set failIfNoSpecs to false to allow this)')
assert log.contains('BUILD FAILURE')
return true
