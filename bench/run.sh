#!/usr/bin/env bash
# Side-by-side benchmark: Specgate's `check` against markdownlint-cli2 with MD043 (required
# headings) set to the template's headings, on the same generated corpora.
#
#   bench/run.sh                       # corpora of 1, 1,000 and 10,000 specs
#   SIZES="1 1000" RUNS=5 bench/run.sh # fewer sizes, more runs
#   SKIP_MDL=1 bench/run.sh            # Specgate only (markdownlint takes minutes at 10,000)
#   SITE=1 SKIP_MDL=1 bench/run.sh     # also time the static dashboard (`specgate site`)
#   CACHE=0 bench/run.sh               # skip the incremental-cache rows (on by default)
#
# Besides the cold check of each corpus it times, on each corpus of 1,000 specs or more, the
# re-check with the incremental cache (`check --cache`): nothing changed, and one spec changed
# before each run (CACHE=0 skips this). It ends with every target of issue 17 and whether it was
# met in this run.
#
# Knobs (environment): SIZES, RUNS (timed runs per command, default 5), MDL_RUNS (default 3, and
# 1 for corpora of 5,000 specs or more), WARMUP (untimed runs first, default 1; cold JVM either
# way: every run is a new process), SEED (corpus seed, default 42), DEFECTIVE_PERCENT (default 1),
# SPECGATE (command to time, default the ./specgate launcher; SPECGATE_JAVA picks its Java, e.g. a
# JDK 17 for the baseline users have), MDL_VERSION, SITE (also time
# `specgate site` on each corpus, SITE_RUNS times, default 1, no warm-up), CACHE_RUNS (default
# RUNS), MDL_MAX (time markdownlint-cli2 only on corpora of at most this many specs).
#
# Everything it makes goes to bench/work/ (git-ignored): the corpora, markdownlint-cli2 in
# bench/work/node, raw timings, and results-<date>.md with the table and the machine's state.
# Timings on a shared machine are noisy: the load average is recorded next to every measurement.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/work"
sizes="${SIZES:-1 1000 10000}"
runs="${RUNS:-5}"
warmup="${WARMUP:-1}"
seed="${SEED:-42}"
defective_percent="${DEFECTIVE_PERCENT:-1}"
mdl_version="${MDL_VERSION:-0.24.1}"
today="2026-11-25" # SpecCorpusGenerator.REFERENCE_DATE: the corpus checks clean as of this date
specgate="${SPECGATE:-$root/specgate}"
mkdir -p "$work"

log() { echo "bench: $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# --- tools -----------------------------------------------------------------------------------
need_time() {
    if [ ! -x /usr/bin/time ]; then
        if [ "$(id -u)" = 0 ]; then
            log "installing GNU time from Debian"
            apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
        else
            log "/usr/bin/time (GNU time) is needed: apt-get install time"; exit 2
        fi
    fi
}
have_hyperfine() {
    if command -v hyperfine >/dev/null 2>&1; then return 0; fi
    if [ "$(id -u)" = 0 ] && [ -z "${NO_INSTALL:-}" ]; then
        log "installing hyperfine from Debian"
        (apt-get install -y -qq hyperfine >/dev/null 2>&1 \
            || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1)) || true
    fi
    command -v hyperfine >/dev/null 2>&1
}
need_time
command -v jq >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get install -y -qq jq >/dev/null 2>&1; } || true
command -v jq >/dev/null 2>&1 || { log "jq is needed: apt-get install jq"; exit 2; }

# --- build -----------------------------------------------------------------------------------
log "building (mvn package, tests skipped) [load $(load)]"
(cd "$root" && mvn -B -q -DskipTests -pl specgate-cli,specgate-bench -am package \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) \
    >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 2; }
bench_cp="$root/specgate-bench/target/classes:$(cat "$root/specgate-bench/target/classpath.txt")"
# The launcher's first run after a build prepares its start-up cache (if any): not timed.
"$specgate" --version >/dev/null
jar="$root/specgate-cli/target/specgate.jar"
jar_stamp() { stat -c %Y "$jar" 2>/dev/null || echo none; }
jar_before="$(jar_stamp)"

# --- corpora ---------------------------------------------------------------------------------
for n in $sizes; do
    dir="$work/corpus-$n"
    # the approval records in the corpus are written by core's approval code: a change of how the
    # fingerprint reads a spec makes a new corpus, so that approvals are measured as this build
    # records them
    defective=$(( n * defective_percent / 100 ))
    stamp="seed=$seed specs=$n defective=$defective generator=$(sha1sum "$root"/specgate-bench/src/main/java/dev/specgate/bench/corpus/*.java "$root"/specgate-core/src/main/resources/dev/specgate/core/template/*.md "$root"/specgate-core/src/main/java/dev/specgate/core/approval/*.java | sha1sum | cut -c1-12)"
    if [ "$(cat "$dir/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
        log "generating $n specs ($defective defective) in $dir"
        rm -rf "$dir"
        java -cp "$bench_cp" dev.specgate.bench.corpus.CorpusMain corpus --out "$dir" \
            --specs "$n" --defective "$defective" --seed "$seed" >&2
        java -cp "$bench_cp" dev.specgate.bench.corpus.CorpusMain md043 \
            --out "$dir/.markdownlint-cli2.jsonc" >/dev/null
        echo "$stamp" >"$dir/corpus.stamp"
    fi
done

# --- markdownlint-cli2 -----------------------------------------------------------------------
mdl="$work/node/node_modules/.bin/markdownlint-cli2"
if [ -z "${SKIP_MDL:-}" ] && [ ! -x "$mdl" ]; then
    log "installing markdownlint-cli2@$mdl_version into $work/node"
    mkdir -p "$work/node"
    npm install --silent --no-audit --no-fund --prefix "$work/node" "markdownlint-cli2@$mdl_version" >&2
fi

# --- timing ----------------------------------------------------------------------------------
# time_cmd NAME N RUNS CMD...: runs CMD in the corpus folder RUNS times (after WARMUP untimed
# runs); each run under GNU time, which appends "wall user sys maxrss_kb" to a log. Wall comes
# from hyperfine when it is there, else from GNU time. Prints "wall_s cpu_s rss_mb load".
raw="$work/raw"
mkdir -p "$raw"
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }
time_cmd() {
    local name="$1" n="$2" r="$3"; shift 3
    local dir="$work/corpus-$n" tlog="$raw/$name-$n.time" before after wall
    rm -f "$tlog"
    before="$(load)"
    if have_hyperfine; then
        # GNU time inside hyperfine: hyperfine's wall, GNU time's CPU and peak RSS per run;
        # PREPARE (a shell command) runs before each run, untimed
        local prep=()
        if [ -n "${PREPARE:-}" ]; then prep=(--prepare "$PREPARE"); fi
        (cd "$dir" && hyperfine --style none -N -i --warmup "$warmup" --runs "$r" "${prep[@]}" \
            --export-json "$raw/$name-$n.json" \
            "/usr/bin/time -a -o $tlog -f '%e %U %S %M' $*" >/dev/null 2>&1)
        wall="$(jq -r '.results[0].times[]' "$raw/$name-$n.json" | median)"
    else
        local i
        for ((i = 0; i < warmup + r; i++)); do
            if [ -n "${PREPARE:-}" ]; then (cd "$dir" && sh -c "$PREPARE"); fi
            (cd "$dir" && /usr/bin/time -a -o "$tlog" -f '%e %U %S %M' "$@" >/dev/null 2>&1) || true
        done
        wall="$(tail -n "$r" "$tlog" | awk '{print $1}' | median)"
    fi
    after="$(load)"
    local cpu rss
    cpu="$(grep -v '^Command' "$tlog" | tail -n "$r" | awk '{print $2 + $3}' | median)"
    rss="$(grep -v '^Command' "$tlog" | tail -n "$r" | awk '{print $4 / 1024}' | median)"
    echo "$wall $cpu $rss $before|$after"
}

# The Java the ./specgate launcher runs (its own order of choice), for the results' header.
jdk25="/usr/lib/jvm/temurin-25-jdk-amd64"
launcher_java() {
    if [ -n "${SPECGATE_JAVA:-}" ]; then echo "$SPECGATE_JAVA"
    elif [ -x "$jdk25/bin/java" ]; then echo "$jdk25/bin/java"
    elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"
    else echo java; fi
}

stamp="$(date -u +%Y-%m-%dT%H%MZ)"
results="$work/results-$stamp.md"
{
    echo "# Specgate vs markdownlint-cli2 ($stamp)"
    echo
    echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(uname -sr)"
    echo "- specgate: \`$specgate check --today $today .\` on $("$(launcher_java)" -version 2>&1 | head -1) (the Java the launcher picks: SPECGATE_JAVA, else a JDK 25 at $jdk25, else JAVA_HOME or the PATH; SPECGATE_JAVA=/path/to/jdk-17/bin/java times the Java 17 baseline)"
    echo "- markdownlint-cli2 $mdl_version on node $(node --version 2>/dev/null || echo none), MD043 only"
    echo "- runs: $runs timed after $warmup warm-up (markdownlint: ${MDL_RUNS:-3}, 1 at 5,000+ specs); medians; load = 1/5/15-min load average before|after"
    echo
    echo "| specs | MB | specgate wall s | CPU s | peak RSS MB | markdownlint wall s | CPU s | peak RSS MB | wall ratio | load (1/5/15 min) before → after |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$results"

# meets VALUE LIMIT le|ge: "met" or "missed by X" (X the difference); "-" without a value
meets() {
    awk -v v="$1" -v l="$2" -v op="$3" 'BEGIN {
        if (v == "" || v == "-") { print "not measured"; exit }
        if ((op == "le" && v + 0 <= l + 0) || (op == "ge" && v + 0 >= l + 0)) print "met";
        else printf "missed by %.3g (%.2f× the target)\n", (op == "le" ? v - l : l - v), (op == "le" ? v / l : l / v) }'
}

targets=()
for n in $sizes; do
    dir="$work/corpus-$n"
    mb="$(du -sb "$dir/directives/spec" | awk '{printf "%.1f", $1 / 1e6}')"
    log "timing specgate on $n specs [load $(load)]"
    read -r sw sc sr sl <<<"$(time_cmd specgate "$n" "$runs" "$specgate" check --today "$today" .)"
    if [ -z "${SKIP_MDL:-}" ] && [ "$n" -le "${MDL_MAX:-1000000000}" ]; then
        mruns="${MDL_RUNS:-3}"
        if [ "$n" -ge 5000 ] && [ -z "${MDL_RUNS:-}" ]; then mruns=1; fi
        log "timing markdownlint-cli2 on $n specs ($mruns runs) [load $(load)]"
        read -r mw mc mr ml <<<"$(WARMUP=0 warmup=0 time_cmd mdl "$n" "$mruns" "$mdl" "directives/spec/*.md")"
        ratio="$(awk -v a="$mw" -v b="$sw" 'BEGIN {printf "%.1f×", a / b}')"
        mw="$(printf '%.3f' "$mw")"; mc="$(printf '%.2f' "$mc")"; mr="$(printf '%.0f' "$mr")"
        ml="; mdl ${ml/|/ → }"
    else
        mw="-"; mc="-"; mr="-"; ml=""; ratio="-"
    fi
    printf '| %s | %s | %.3f | %.2f | %.0f | %s | %s | %s | %s | sg %s%s |\n' \
        "$n" "$mb" "$sw" "$sc" "$sr" "$mw" "$mc" "$mr" "$ratio" "${sl/|/ → }" "$ml" >>"$results"
    sw3="$(printf '%.3f' "$sw")"; sr0="$(printf '%.0f' "$sr")"
    faster=""
    if [ "$ratio" != - ]; then faster=", ${ratio} faster than markdownlint-cli2"; fi
    case "$n" in
        1) targets+=("1 spec: wall ${sw3} s (target <= 0.100 s: $(meets "$sw" 0.100 le))${faster}") ;;
        1000) targets+=("1,000 specs: wall ${sw3} s${faster} (target >= 60×: $(meets "${ratio%×}" 60 ge))") ;;
        10000) targets+=("10,000 specs: wall ${sw3} s (target <= 1.5 s: $(meets "$sw" 1.5 le)), peak RSS ${sr0} MB (target <= 150 MB: $(meets "$sr" 150 le))${faster} (target >= 130×: $(meets "${ratio%×}" 130 ge))") ;;
    esac
done
if [ "${CACHE:-1}" != 0 ]; then
    {
        echo
        echo "Re-check with the incremental cache (\`$specgate check --cache --today $today .\`), ${CACHE_RUNS:-$runs} runs after $warmup warm-up, medians; the cache is filled by an untimed run first:"
        echo
        echo "| specs | case | wall s | CPU s | peak RSS MB | load (1/5/15 min) before → after |"
        echo "|---:|---|---:|---:|---:|---|"
    } >>"$results"
    for n in $sizes; do
        [ "$n" -ge 1000 ] || continue
        dir="$work/corpus-$n"
        rm -rf "$dir/.specgate-cache"
        (cd "$dir" && "$specgate" check --cache --today "$today" . >/dev/null 2>&1) || true
        log "timing specgate check --cache, nothing changed, on $n specs [load $(load)]"
        read -r cw cc cr cl <<<"$(time_cmd cache-same "$n" "${CACHE_RUNS:-$runs}" "$specgate" check --cache --today "$today" .)"
        printf '| %s | nothing changed | %.3f | %.2f | %.0f | %s |\n' "$n" "$cw" "$cc" "$cr" "${cl/|/ → }" >>"$results"
        # one spec changed before each run: it alternates between its text and its text plus a line
        one="$(find "$dir/directives/spec" -name '*.md' | sort | sed -n "$(( n / 2 ))p")"
        cp "$one" "$work/one-changed.orig"
        log "timing specgate check --cache, one spec changed, on $n specs [load $(load)]"
        printf '%s\n' "if cmp -s '$one' '$work/one-changed.orig'; then printf '\\nA changed line.\\n' >>'$one'; else cp '$work/one-changed.orig' '$one'; fi" >"$work/prepare-one.sh"
        read -r ow oc or ol <<<"$(PREPARE="sh $work/prepare-one.sh" time_cmd cache-one "$n" "${CACHE_RUNS:-$runs}" "$specgate" check --cache --today "$today" .)"
        cp "$work/one-changed.orig" "$one"
        printf '| %s | one spec changed | %.3f | %.2f | %.0f | %s |\n' "$n" "$ow" "$oc" "$or" "${ol/|/ → }" >>"$results"
        rm -rf "$dir/.specgate-cache"
        if [ "$n" = 10000 ]; then
            targets+=("10,000 specs with the cache, nothing changed: wall $(printf '%.3f' "$cw") s (target <= 0.4 s: $(meets "$cw" 0.4 le))")
            targets+=("10,000 specs with the cache, one spec changed: wall $(printf '%.3f' "$ow") s (target <= 0.5 s: $(meets "$ow" 0.5 le))")
        fi
    done
fi
if [ -n "${SITE:-}" ]; then
    {
        echo
        echo "Dashboard: \`$specgate site --today $today . --out bench/work/site-N\` (every page of every spec), ${SITE_RUNS:-1} run(s), medians:"
        echo
        echo "| specs | MB in | site wall s | CPU s | peak RSS MB | MB written | load (1/5/15 min) before → after |"
        echo "|---:|---:|---:|---:|---:|---:|---|"
    } >>"$results"
    for n in $sizes; do
        dir="$work/corpus-$n"
        mb="$(du -sb "$dir/directives/spec" | awk '{printf "%.1f", $1 / 1e6}')"
        log "timing specgate site on $n specs [load $(load)]"
        read -r tw tc tr tl <<<"$(WARMUP=0 warmup=0 time_cmd site "$n" "${SITE_RUNS:-1}" "$specgate" site --today "$today" . --out "$work/site-$n")"
        out_mb="$(du -sb "$work/site-$n" | awk '{printf "%.1f", $1 / 1e6}')"
        printf '| %s | %s | %.2f | %.2f | %.0f | %s | %s |\n' \
            "$n" "$mb" "$tw" "$tc" "$tr" "$out_mb" "${tl/|/ → }" >>"$results"
        if [ "$n" = 10000 ]; then
            targets+=("site of 10,000 specs: wall $(printf '%.2f' "$tw") s (target <= 6 s: $(meets "$tw" 6 le))")
        fi
    done
fi
{
    echo
    for t in "${targets[@]}"; do echo "- $t"; done
    echo
    echo "Raw timings: bench/work/raw/ (hyperfine JSON, GNU time logs: wall user sys maxrss_kb)."
    if [ "$(jar_stamp)" != "$jar_before" ]; then
        echo
        echo "**Warning: the jar was rebuilt during the run (sources changed): Specgate's rows mix two builds.**"
    fi
} >>"$results"
cat "$results"
log "written to $results"
