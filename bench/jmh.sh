#!/usr/bin/env bash
# JMH benchmarks of the check in a warm process (never run by `mvn verify`, which only compiles
# them): throughput over a generated corpus in MB/s, and re-checking one 50 KB spec (the editor
# case) in ms.
#
#   bench/jmh.sh                      # both benchmarks, default iterations
#   bench/jmh.sh -wi 2 -i 3 -f 1      # any JMH options; e.g. a benchmark name regex at the end
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/jmh.sh
#
# Results: bench/work/jmh-<date>.json and a short table on stdout, with the load average.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/work"
java="${JAVA:-java}"
mkdir -p "$work"

(cd "$root" && mvn -B -q -DskipTests -pl specgate-bench -am package \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) \
    >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 2; }
cp="$root/specgate-bench/target/classes:$(cat "$root/specgate-bench/target/classpath.txt")"

out="$work/jmh-$(date -u +%Y-%m-%dT%H%MZ).json"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -cp "$cp" org.openjdk.jmh.Main -rf json -rff "$out" "$@" \
    'dev.specgate.bench.jmh.*' | grep -E '^(Benchmark|Check|Recheck|Lsp|#( Run| Warmup| Measurement| VM version))' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "benchmark | score (± 99.9 % error) | median iteration | best iteration"
echo "---|---|---|---"
# On a shared machine the load swings between iterations: the median and best iteration show
# what the code does when it has a core to itself.
jq -r 'def num: if type == "number" then . else 0 end;
  def median: sort | if length == 0 then 0 elif length % 2 == 1 then .[length / 2 | floor]
    else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def r(d): . * d | round / d;
  .[] | (.benchmark | split(".") | last) as $b |
  if .primaryMetric.scoreUnit == "ms/op" then
    (.primaryMetric.rawData | flatten) as $it |
    "\($b) | \(.primaryMetric.score | r(1000)) ms (± \(.primaryMetric.scoreError | num | r(1000))) | \($it | median | r(1000)) ms | \($it | min | r(1000)) ms"
  else
    (.secondaryMetrics.bytes.rawData | flatten | map(. / 1e6)) as $it |
    "\($b) | \(.secondaryMetrics.bytes.score | num / 1e6 | r(10)) MB/s (± \(.secondaryMetrics.bytes.scoreError | num / 1e6 | r(10))) | \($it | median | r(10)) MB/s | \($it | max | r(10)) MB/s"
  end' "$out"
echo
echo "raw: $out"
