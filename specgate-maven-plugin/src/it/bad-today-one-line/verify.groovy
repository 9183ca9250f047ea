// A bad parameter is one line naming the value and what is allowed, with no Java exception text
// behind it (Maven appends a cause's message to the goal's).
def log = new File(basedir, 'build.log').text
assert log.contains("Specgate: today '2026-13-01' is not a real date in YYYY-MM-DD form -> [Help 1]")
assert !log.contains('could not be parsed')
assert !log.contains('MonthOfYear')
assert log.contains('BUILD FAILURE')
return true
