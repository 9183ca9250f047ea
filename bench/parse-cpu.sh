#!/usr/bin/env bash
# The parse path's CPU, side by side: decodes and parses the specs of a corpus in memory on one
# thread (bench/ParseCpu.java), ROUNDS rounds per run, RUNS runs per jar alternating, with the load
# average before each run. Compare a jar saved before a change with one built after it:
#
#   cp specgate-cli/target/specgate.jar /tmp/old.jar   # before the change
#   bench/parse-cpu.sh bench/work/corpus-10000 /tmp/old.jar specgate-cli/target/specgate.jar
#   SPECS=2000 ROUNDS=8 RUNS=3 bench/parse-cpu.sh DIR JAR...
#
# C1 only (-XX:TieredStopAtLevel=1), as the launcher runs. Take the later rounds (the first
# compiles) and the lowest of the runs: other processes only ever add time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA:-java}"
corpus="$1"
shift
for run in $(seq "${RUNS:-3}"); do
    for jar in "$@"; do
        printf '%s run %s, load %s: ' "$jar" "$run" "$(cut -d' ' -f1 /proc/loadavg)"
        "$java" -XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData -XX:TieredStopAtLevel=1 \
            -cp "$jar" "$root/bench/ParseCpu.java" "$corpus" "${SPECS:-2000}" "${ROUNDS:-8}"
    done
done
