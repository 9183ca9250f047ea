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
    'dev.specgate.bench.jmh.*' | grep -E '^(Benchmark|Check|Recheck|#( Run| Warmup| Measurement| VM version))' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "benchmark | score"
echo "---|---"
jq -r 'def num: if type == "number" then . else 0 end;
  .[] | (.benchmark | split(".") | last) as $b |
  if .primaryMetric.scoreUnit == "ms/op" then
    "\($b) | \(.primaryMetric.score * 1000 | round / 1000) ms per check (± \(.primaryMetric.scoreError | num * 1000 | round / 1000))"
  else
    "\($b) | \(.secondaryMetrics.bytes.score | num / 1e5 | round / 10) MB/s (± \(.secondaryMetrics.bytes.scoreError | num / 1e5 | round / 10))"
  end' "$out"
echo
echo "raw: $out"
