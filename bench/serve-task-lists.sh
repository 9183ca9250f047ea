#!/usr/bin/env bash
# serve's rebuild of the overview after a spec save, with many task lists (bench/ServeTaskLists.java):
# a copy of CORPUS with COUNT copies of the web tests' task list in directives/tasks, made afresh
# for each run; RUNS runs per jar, alternating, with the load average before each run.
#
#   bench/serve-task-lists.sh /work/corpora/corpus-1000 /tmp/old.jar specgate-cli/target/specgate.jar
#   COUNT=1000 ROUNDS=9 RUNS=2 bench/serve-task-lists.sh CORPUS JAR...
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA:-java}"
corpus="$1"
shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
task="$root/specgate-web/src/test/resources/task-lists/2026-11-25_task_refund-idempotency-keys.md"
for run in $(seq "${RUNS:-2}"); do
    for jar in "$@"; do
        rm -rf "$work/p"
        mkdir -p "$work/p"
        cp -r "$corpus/directives" "$work/p/"
        mkdir -p "$work/p/directives/tasks"
        for i in $(seq "${COUNT:-1000}"); do
            cp "$task" "$work/p/directives/tasks/2026-11-25_task_refund-keys-$i.md"
        done
        printf '%s run %s, load %s: ' "$jar" "$run" "$(cut -d' ' -f1 /proc/loadavg)"
        "$java" -XX:+UseSerialGC -cp "$jar" "$root/bench/ServeTaskLists.java" "$work/p" "${ROUNDS:-9}"
    done
done
