// A format the plugin does not write is one line listing the formats, with no Java exception text
// behind it (Maven appends a cause's message to the goal's).
def log = new File(basedir, 'build.log').text
assert log.contains("Specgate: format 'xml' is not one of text, json, sarif, junit, github -> [Help 1]")
assert !log.contains('No enum constant')
assert log.contains('BUILD FAILURE')
return true
