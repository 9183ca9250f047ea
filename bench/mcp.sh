#!/usr/bin/env bash
# The MCP server warm: check of a whole project, get_spec and list_specs timed end to end through
# the official Java SDK's client, and the server's peak memory (McpServerBench).
#
#   bench/mcp.sh                       # 1,000 and 10,000 specs
#   SIZES=1000 RUNS=30 bench/mcp.sh
#   SERVER_OPTS="-Xmx200m" bench/mcp.sh
#
# Corpora go to bench/work/mcp-<N>/ (kept between runs); results to stdout with the load average.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/work"
java="${JAVA:-java}"
sizes="${SIZES:-1000 10000}"
mkdir -p "$work"

(cd "$root" && mvn -B -q -DskipTests -pl specgate-bench -am package \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) \
    >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 2; }
cp="$root/specgate-bench/target/classes:$(cat "$root/specgate-bench/target/classpath.txt")"

for n in $sizes; do
    # shellcheck disable=SC2086
    "$java" -cp "$cp" dev.specgate.bench.mcp.McpServerBench "$work/mcp-$n" "$n" \
        "${WARMUP:-5}" "${RUNS:-20}" ${SERVER_OPTS:-}
    echo
done
