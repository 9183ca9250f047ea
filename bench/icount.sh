#!/usr/bin/env bash
# Instructions of a cold `check`, counted by valgrind's callgrind: a number that repeats where
# wall and CPU times on a loaded machine do not.
#
#   bench/icount.sh CORPUS RUNS BASE.jar [JAR...]     (each jar compared with the first)
#   JOBS=3 JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java TODAY=2026-11-25 bench/icount.sh ...
#   CACHE=1 bench/icount.sh ...    # `check --cache` with nothing changed (see below)
#
# Runs `check --today TODAY CORPUS` of each jar under `valgrind --tool=callgrind` RUNS times,
# the jars alternated run by run (the order reversed every other round), and prints each run's
# instruction count (every thread's, the JVM's own start, interpreter, compilers and collector
# included) with the load before it, then per jar the median, its difference from the first
# jar's median (relative) and in how many rounds it counted fewer. A run whose exit code
# differs from the first jar's first run is marked (a changed verdict is no speed change); a
# run that exits 2 or more (nothing to check, an error, killed) is said with the check's first
# line and left out, the others still summed up, and the script exits 1.
#
# CACHE=1 counts a re-check with the incremental cache and nothing changed instead: each jar gets
# its own copy of CORPUS in the work folder (a jar's cache is keyed by the jar: two jars sharing
# one would rewrite it for each other), filled by one run of that jar outside valgrind, and each
# counted run is `check --cache --today TODAY .` in that copy.
#
# What makes the count repeat: `-Xbatch -XX:CICompilerCount=1` compile synchronously on one
# compiler thread, so which methods are compiled, and when, no longer depends on how the
# threads are scheduled. Without them two runs of one jar differed by 7 %; with them, by
# 0.07 % (corpus-1000, load ~20), and three runs on 300 specs within 0.47 % (load 23-27;
# docs/performance.md, s19-icount): a difference must be several times the spread printed.
# The launcher's other flags (C1 only, serial collector) are kept.
#
# What it does not measure: instructions are not time. Cache and memory stalls, branch misses,
# page faults, the kernel's time (reading the files, mapping memory) and the second core's help
# are not counted, and -Xbatch compiles differently from a real run (the application thread
# waits for each compile, so more code runs compiled earlier). A change that counts fewer
# instructions must also not be slower in a whole-run A/B ("How to compare side by side"); one
# that trades instructions for memory traffic (a table for a computation) can count fewer and
# run slower. Under valgrind a run is ~50-100× slower: corpus-1000 took ~3 minutes at load ~20,
# 300 specs 15-28 minutes at load 25-40 with several at once. The count does not depend on the
# load, so JOBS=N runs N at once (1 by default): on a shared machine that takes others' CPU.
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: bench/icount.sh CORPUS RUNS JAR [JAR...]" >&2
    exit 2
fi
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
today="${TODAY:-2026-11-25}"
corpus="$(cd "$1" && pwd)"
runs="$2"
jobs="${JOBS:-1}"
shift 2
jars=("$@")
for jar in "${jars[@]}"; do
    [ -f "$jar" ] || { echo "icount.sh: $jar is not a file" >&2; exit 2; }
done
command -v valgrind >/dev/null || { echo "icount.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

flags=(-Xbatch -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData
    -XX:TieredStopAtLevel=1)
if "$java" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1; then
    flags+=(--enable-native-access=ALL-UNNAMED)
fi

work="$(mktemp -d /tmp/icount.XXXXXX)"
trap 'rm -rf "$work"' EXIT
results="$work/results"
: > "$results"
echo "corpus $corpus$([ "${CACHE:-0}" = 1 ] && echo " (check --cache, nothing changed)"), $runs runs per jar, $jobs at once, $(nproc) cores, java $("$java" -version 2>&1 | head -1)"
cache="${CACHE:-0}"
# the folder a jar's runs check: CORPUS, or with CACHE=1 the jar's own copy, its cache filled
place() {
    if [ "$cache" = 1 ]; then echo "$work/corpus.$1"; else echo "$corpus"; fi
}
if [ "$cache" = 1 ]; then
    for i in "${!jars[@]}"; do
        # the specs' own time stamps kept: copies just written are too new for their entries to
        # be trusted by time stamp (ResultValidity.RACY_NANOS), and the first counted run would
        # read and checksum every spec
        cp -Rp "$corpus" "$(place "$i")"
        (cd "$(place "$i")" && "$java" "${flags[@]}" -jar "${jars[$i]}" check --cache \
            --today "$today" . >/dev/null 2>&1) || true
    done
fi
# one run: its count, exit code and the load before it into $work/run.R.I
one() {
    local r=$1 i=$2 jar=$3 out="$work/run.$1.$2" rc=0 load args=(check --today "$today" "$corpus")
    local dir=.
    if [ "$cache" = 1 ]; then
        dir="$(place "$4")"
        args=(check --cache --today "$today" .)
    fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    (cd "$dir" && valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$out.vg" \
        "$java" "${flags[@]}" -Djava.util.logging.config.file=/dev/null -jar "$jar" \
        "${args[@]}") >/dev/null 2>"$out.err" || rc=$?
    printf '%s %s %s\n' "$rc" "$load" \
        "$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out.vg" 2>/dev/null | tail -1)" > "$out"
}

# RUNS rounds, the jars alternated (the order reversed every other round); JOBS runs at once
tasks=()
for r in $(seq "$runs"); do
    order=("${jars[@]}")
    if (( r % 2 == 0 )); then mapfile -t order < <(printf '%s\n' "${jars[@]}" | tac); fi
    for i in "${!order[@]}"; do
        pos=$i
        if (( r % 2 == 0 )); then pos=$(( ${#jars[@]} - 1 - i )); fi
        tasks+=("$r $i ${order[$i]} $pos")
    done
done
running=0
for t in "${tasks[@]}"; do
    if (( running >= jobs )); then wait -n; running=$((running - 1)); fi
    # shellcheck disable=SC2086
    one $t &
    running=$((running + 1))
done
wait

# a failed run is said and left out; the others are still counted
first_rc=
failed=0
for t in "${tasks[@]}"; do
    read -r r i jar pos <<< "$t"
    read -r rc load ir < "$work/run.$r.$i"
    if (( rc >= 2 )) || [ -z "$ir" ]; then
        echo "round $r  $jar FAILED: exit $rc (not a check's verdict), left out:" \
            "$(head -1 "$work/run.$r.$i.err")"
        failed=$((failed + 1))
        continue
    fi
    if [ -z "$first_rc" ]; then first_rc=$rc; fi
    note=""
    if [ "$rc" != "$first_rc" ]; then note=" EXIT $rc (first run: $first_rc)"; fi
    printf 'round %s  %-40s %15s instructions  exit %s  load %s%s\n' \
        "$r" "$jar" "$ir" "$rc" "$load" "$note"
    # keyed by the jar's place in the arguments, so that one jar given twice (an A/A check of
    # the tool itself) is counted as two
    printf '%s %s %s\n' "$r" "$((pos + 1)):$jar" "$ir" >> "$results"
done

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -s "$results" ]; then
    echo "icount.sh: no run counted ($failed failed)" >&2
    exit 1
fi
awk -v base="1:${jars[0]}" '
    { ir[$2, $1] = $3; n[$2]++; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } rounds[$1] = 1 }
    function median(jar,   v, i, c, j, t) {
        c = 0
        for (i in rounds) if ((jar, i) in ir) v[++c] = ir[jar, i] + 0
        for (i = 2; i <= c; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
    }
    END {
        mb = median(base)
        for (i = 1; i <= k; i++) {
            jar = order[i]; m = median(jar)
            lo = 0; rr = 0; spread_lo = 0; spread_hi = 0
            for (r in rounds) if ((jar, r) in ir) {
                x = ir[jar, r] + 0
                if (spread_lo == 0 || x < spread_lo) spread_lo = x
                if (x > spread_hi) spread_hi = x
                if (jar != base && ((base, r) in ir)) { rr++; if (x < ir[base, r] + 0) lo++ }
            }
            printf "%-40s median %15.0f  (%.1f M; runs within %.3f %%)", jar, m, m / 1e6, 100 * (spread_hi - spread_lo) / m
            if (jar != base) printf "  vs first: %+.0f (%+.3f %%), fewer in %d of %d rounds", m - mb, 100 * (m - mb) / mb, lo, rr
            printf "\n"
        }
    }' "$results"
if (( failed > 0 )); then
    echo "icount.sh: $failed run(s) failed" >&2
    exit 1
fi
