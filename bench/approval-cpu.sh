#!/usr/bin/env bash
# The approval checks of a cold check, alone and side by side (bench/ApprovalCpu.java): each run
# reads and parses a corpus (not timed), then times the approval checks a check makes, ROUNDS
# rounds, printing process/thread CPU ms per round; RUNS runs per jar, alternating, with the load
# average before each run. Round 1 is a cold run's cost (the native digest's link included); the
# later rounds the steady cost.
#
#   bench/approval-cpu.sh /work/corpora/corpus-10000 /tmp/old.jar specgate-cli/target/specgate.jar
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java RUNS=5 ROUNDS=3 bench/approval-cpu.sh DIR JAR...
#
# The launcher's flags (C1 only); on Java 22+ native access is enabled as the jar's manifest does.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA:-java}"
corpus="$1"
shift
native=()
if "$java" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1; then
    native=(--enable-native-access=ALL-UNNAMED)
fi
for run in $(seq "${RUNS:-3}"); do
    for jar in "$@"; do
        printf '%s run %s, load %s: ' "$jar" "$run" "$(cut -d' ' -f1 /proc/loadavg)"
        "$java" -XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData -XX:TieredStopAtLevel=1 \
            "${native[@]}" -cp "$jar" "$root/bench/ApprovalCpu.java" "$corpus" "${ROUNDS:-3}"
    done
done
