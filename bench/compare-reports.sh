#!/usr/bin/env bash
# Before/after byte comparison of `specgate check`'s reports: runs two builds of the CLI on the
# same inputs, from the same working directory with the same relative paths, and compares their
# standard output byte for byte and their exit codes.
#
#   bench/compare-reports.sh OLD_JAR NEW_JAR
#   OLD_JAR=/path/old/specgate.jar NEW_JAR=/path/new/specgate.jar bench/compare-reports.sh
#
# Each case is `java $JAVA_OPTS -jar JAR check PATH --today 2026-11-25 --format F --no-config`
# for every F in text, json, sarif, junit, github, and PATH in turn:
#   demo      examples/demo (as a directory)
#   fixtures  every *.md under specgate-core/src/test/resources/, alone, and every folder there
#             that holds *.md files (at any depth), as a whole
#   corpus    a generated corpus (SpecCorpusGenerator through CorpusMain, compiled from this
#             repository's specgate-bench sources against NEW_JAR; generated once, checked by both)
#   config    every folder of the repository holding a .specgate.yml, and the *.md files under it:
#             run without --no-config (so that the configuration is followed), and the folder
#             with --no-config as well
#   options   examples/demo and the whole fixture folder again with --trace, and with --strict
#   multi     (beyond the single-PATH cases) several PATHs in one run: two folders made here
#             from fixtures, each with its own .specgate.yml (strict: `strict: true`; lenient:
#             `placeholder-template: off`, `unreadable-file: warning`), checked alone and
#             together in both orders following their configurations, and together with
#             --no-config; and examples/demo with a fixture folder (--no-config)
#
# Knobs (environment): JAVA_OPTS (JVM flags for both jars; default
# "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", start-up only, set JAVA_OPTS= for none), JOBS
# (cases run in parallel, default 1), CORPUS_SPECS (default 300), CORPUS_DEFECTIVE (default 46: two
# of each planted defect), CORPUS_SEED (default 42), TODAY (default 2026-11-25), ONLY (a regular
# expression: run only the cases whose "group format path options" line matches it).
#
# Reads nothing outside the repository except the two jars (and the java, javac, jq and git it
# runs); every folder run without --no-config holds its own .specgate.yml, so the search for one
# stops there. Writes only to bench/work/compare-reports/ (git-ignored): corpus/, projects/,
# cases.tsv, out/{old,new}/N.* (stdout, stderr, exit code of case N), diff/N.diff, and
# results.txt (the lines printed).
#
# Output: one line per case whose stdout or exit code differs, classified:
#   INTENDED(a)  SARIF only, and only the tool driver's version/semanticVersion lines differ
#   FINDING      anything else
# then lines for cases whose stderr alone differs (not counted as differences), the SARIF rule
# category check, and a summary "N cases, M identical". Exit status: 0 when every difference is
# intended, 1 when there is a finding, 2 on a usage or set-up error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/work/compare-reports"
today="${TODAY:-2026-11-25}"
formats=(text json sarif junit github)
java_opts="${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

die() { echo "compare-reports: $*" >&2; exit 2; }

# --- one case (run by the parallel workers): old then new, stdout/stderr/exit code to files ---
if [ "${1:-}" = "--case" ]; then
    IFS=$'\t' read -r n group fmt cfg opts path <<<"$2"
    cd "$root"
    IFS='|' read -ra paths <<<"$path"
    args=(check "${paths[@]}" --today "$today" --format "$fmt")
    if [ "$cfg" = "no-config" ]; then args+=(--no-config); fi
    # shellcheck disable=SC2206
    if [ "$opts" != "-" ]; then args+=($opts); fi
    for side in old new; do
        jar="$OLD_JAR"; [ "$side" = new ] && jar="$NEW_JAR"
        o="$work/out/$side/$n"
        set +e
        # shellcheck disable=SC2086
        java $java_opts -jar "$jar" "${args[@]}" >"$o.out" 2>"$o.err" </dev/null
        echo $? >"$o.rc"
        set -e
    done
    exit 0
fi

old_jar="${1:-${OLD_JAR:-}}"
new_jar="${2:-${NEW_JAR:-}}"
[ -n "$old_jar" ] && [ -n "$new_jar" ] || die "usage: $0 OLD_JAR NEW_JAR (or OLD_JAR=... NEW_JAR=... $0)"
[ -f "$old_jar" ] || die "no such jar: $old_jar"
[ -f "$new_jar" ] || die "no such jar: $new_jar"
OLD_JAR="$(cd "$(dirname "$old_jar")" && pwd)/$(basename "$old_jar")"
NEW_JAR="$(cd "$(dirname "$new_jar")" && pwd)/$(basename "$new_jar")"
export OLD_JAR NEW_JAR JAVA_OPTS="$java_opts" TODAY="$today"
command -v jq >/dev/null 2>&1 || die "jq is needed (apt-get install jq)"
# same environment for both sides; nothing in it should reach a report, but pin it anyway
export LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR GITHUB_ACTIONS GITHUB_WORKSPACE CI 2>/dev/null || true

cd "$root"
mkdir -p "$work"
rm -rf "$work/out" "$work/diff"
mkdir -p "$work/out/old" "$work/out/new" "$work/diff"
results="$work/results.txt"
: >"$results"
say() { echo "$*" | tee -a "$results"; }

# --- the cases --------------------------------------------------------------------------------
specs="${CORPUS_SPECS:-300}"
defective="${CORPUS_DEFECTIVE:-46}"
seed="${CORPUS_SEED:-42}"
corpus_rel="bench/work/compare-reports/corpus"
fixtures="specgate-core/src/test/resources"
cases="$work/cases.tsv"
: >"$cases"
n=0
add() { # add GROUP CONFIG OPTS PATH: one case per format
    local f
    for f in "${formats[@]}"; do
        n=$((n + 1))
        printf '%04d\t%s\t%s\t%s\t%s\t%s\n' "$n" "$1" "$f" "$2" "$3" "$4" >>"$cases"
    done
}
add demo no-config - examples/demo
while IFS= read -r -d '' f; do
    add fixtures no-config - "$f"
done < <(find "$fixtures" -type f -name '*.md' -print0 | LC_ALL=C sort -z)
while IFS= read -r -d '' d; do
    if [ -n "$(find "$d" -type f -name '*.md' -print -quit)" ]; then
        add fixtures no-config - "$d"
    fi
done < <(find "$fixtures" -type d -print0 | LC_ALL=C sort -z)
add corpus no-config - "$corpus_rel"
while IFS= read -r y; do
    d="$(dirname "$y")"
    add config config - "$d"
    add config no-config - "$d"
    while IFS= read -r -d '' f; do
        add config config - "$f"
    done < <(find "$d" -type f -name '*.md' -print0 | LC_ALL=C sort -z)
done < <(git -C "$root" ls-files -- '.specgate.yml' '*/.specgate.yml' | LC_ALL=C sort)
# two projects, each following its own .specgate.yml (made afresh from fixtures on every run)
projects_rel="bench/work/compare-reports/projects"
rm -rf "${root:?}/$projects_rel"
mkdir -p "$root/$projects_rel/strict/directives/spec" "$root/$projects_rel/lenient/directives/spec"
cp "$fixtures/rules/placeholder-template/2026-03-02_spec_placeholders-left-in-draft.md" \
    "$root/$projects_rel/strict/directives/spec/"
printf 'strict: true\n' >"$root/$projects_rel/strict/.specgate.yml"
cp "$fixtures/rules/placeholder-template/2026-03-02_spec_placeholders-left-in-draft.md" \
    "$fixtures/rules/unreadable-file/2026-03-02_spec_latin1-encoded.md" \
    "$root/$projects_rel/lenient/directives/spec/"
printf 'rules:\n  placeholder-template: off\n  unreadable-file: warning\n' >"$root/$projects_rel/lenient/.specgate.yml"
s_dir="$projects_rel/strict"; l_dir="$projects_rel/lenient"
add multi config - "$s_dir"
add multi config - "$l_dir"
add multi config - "$s_dir|$l_dir"
add multi config - "$l_dir|$s_dir"
add multi no-config - "$s_dir|$l_dir"
add multi no-config - "examples/demo|$fixtures/clean"
for o in --trace --strict; do
    add options no-config "$o" examples/demo
    add options no-config "$o" "$fixtures"
done
if [ -n "${ONLY:-}" ]; then
    awk -F'\t' -v re="$ONLY" '($2 " " $3 " " $6 " " $5) ~ re' "$cases" >"$cases.only"
    mv "$cases.only" "$cases"
fi
total="$(wc -l <"$cases" | tr -d ' ')"
[ "$total" -gt 0 ] || die "no case selected"

# --- the corpus: generated once, with the new build --------------------------------------------
gen_src="specgate-bench/src/main/java/dev/specgate/bench/corpus"
stamp="seed=$seed specs=$specs defective=$defective jar=$(sha1sum <"$NEW_JAR" | cut -c1-12) generator=$(cat "$gen_src"/*.java | sha1sum | cut -c1-12)"
use_corpus=no
if awk -F'\t' '$2 == "corpus" {found = 1} END {exit !found}' "$cases"; then use_corpus=yes; fi
if [ "$use_corpus" = yes ] && [ "$(cat "$work/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "compare-reports: generating the corpus ($specs specs, $defective defective, seed $seed) with NEW_JAR" >&2
    rm -rf "$work/gen-classes" "$root/$corpus_rel" "$work/corpus.stamp"
    mkdir -p "$work/gen-classes"
    javac --release 17 -nowarn -cp "$NEW_JAR" -d "$work/gen-classes" "$gen_src"/*.java \
        || die "cannot compile the corpus generator against $NEW_JAR"
    java -cp "$work/gen-classes:$NEW_JAR" dev.specgate.bench.corpus.CorpusMain corpus \
        --out "$root/$corpus_rel" --specs "$specs" --defective "$defective" --seed "$seed" >&2 \
        || die "the corpus generator failed (with NEW_JAR)"
    echo "$stamp" >"$work/corpus.stamp"
fi

say "old: $OLD_JAR ($(java -jar "$OLD_JAR" --version 2>&1 | head -1))"
say "new: $NEW_JAR ($(java -jar "$NEW_JAR" --version 2>&1 | head -1))"
say "cwd: $root; java $java_opts -jar JAR check PATH --today $today --format F [--no-config] [OPTS]"
if [ "$use_corpus" = yes ]; then say "corpus: $corpus_rel ($(cat "$work/corpus.stamp"))"; fi
echo "compare-reports: running $total cases on both jars with ${JOBS:-1} job(s)" >&2

# --- run ----------------------------------------------------------------------------------------
tr '\n' '\0' <"$cases" | xargs -0 -P "${JOBS:-1}" -I{} bash "$root/bench/compare-reports.sh" --case {}

# --- compare ------------------------------------------------------------------------------------
# the SARIF tool driver's version lines, the only intended difference in a report
driver_version='^ *"(version|semanticVersion)" : "[^"]*",?$'
same=0; intended=0; findings=0; stderr_only=0
declare -A g_total=() g_same=() g_findings=()
groups=()
sarif_cases=0; sarif_categories_same=0
while IFS=$'\t' read -r num group fmt cfg opts path; do
    o="$work/out/old/$num"; w="$work/out/new/$num"
    desc="$group $fmt ${path//|/ }"
    if [ "$cfg" = config ]; then desc="$desc (following its .specgate.yml)"; fi
    if [ "$opts" != - ]; then desc="$desc $opts"; fi
    rc_old="$(cat "$o.rc")"; rc_new="$(cat "$w.rc")"
    if [ -z "${g_total[$group]:-}" ]; then
        groups+=("$group"); g_total[$group]=0; g_same[$group]=0; g_findings[$group]=0
    fi
    g_total[$group]=$((g_total[$group] + 1))
    if [ "$fmt" = sarif ] && [ -s "$o.out" ] && [ -s "$w.out" ] \
        && jq -e . "$o.out" >/dev/null 2>&1 && jq -e . "$w.out" >/dev/null 2>&1; then
        sarif_cases=$((sarif_cases + 1))
        # category and tags of every rule both reports list (a rule listed by one only is a
        # difference of the rule set, which the byte comparison reports)
        changed_categories="$(jq -n -r --slurpfile a "$o.out" --slurpfile b "$w.out" '
            def m(d): [(d[0].runs // [])[].tool.driver.rules[]?
                | {key: .id, value: [.properties.category, (.properties.tags // [])]}] | from_entries;
            m($a) as $x | m($b) as $y
            | [$x | keys[] | select($y[.] != null and $y[.] != $x[.])] | join(" ")')"
        if [ -z "$changed_categories" ]; then
            sarif_categories_same=$((sarif_categories_same + 1))
        else
            say "SARIF-CATEGORIES differ ($changed_categories): $desc (see diff/$num.diff)"
        fi
    fi
    if cmp -s "$o.out" "$w.out" && [ "$rc_old" = "$rc_new" ]; then
        same=$((same + 1))
        g_same[$group]=$((g_same[$group] + 1))
        if ! cmp -s "$o.err" "$w.err"; then
            stderr_only=$((stderr_only + 1))
            diff -u --label "old/$num.err" --label "new/$num.err" "$o.err" "$w.err" >"$work/diff/$num.stderr.diff" || true
            say "STDERR-ONLY #$num $desc: stdout and exit code identical ($rc_old), stderr differs (diff/$num.stderr.diff)"
        fi
        continue
    fi
    diff -u --label "old/$num.out" --label "new/$num.out" "$o.out" "$w.out" >"$work/diff/$num.diff" || true
    if ! cmp -s "$o.err" "$w.err"; then
        diff -u --label "old/$num.err" --label "new/$num.err" "$o.err" "$w.err" >>"$work/diff/$num.diff" || true
    fi
    changed="$(grep -E '^[-+]' "$work/diff/$num.diff" | grep -vE '^(---|\+\+\+) ' || true)"
    nlines="$(printf '%s\n' "$changed" | grep -c . || true)"
    first="$(cmp "$o.out" "$w.out" 2>/dev/null | sed -E 's/.*differ: (byte [0-9]+), (line [0-9]+).*/\1, \2/' || true)"
    what="exit $rc_old -> $rc_new"
    [ -n "$first" ] && what="$what, stdout differs from $first ($nlines changed lines)"
    class="FINDING"
    if [ "$fmt" = sarif ] && [ "$rc_old" = "$rc_new" ] && cmp -s "$o.err" "$w.err" \
        && ! printf '%s\n' "$changed" | sed -E 's/^[-+]//' | grep -qvE "$driver_version" \
        && [ "$(jq -c 'del(.runs[].tool.driver.version, .runs[].tool.driver.semanticVersion)' "$o.out")" \
           = "$(jq -c 'del(.runs[].tool.driver.version, .runs[].tool.driver.semanticVersion)' "$w.out")" ]; then
        class="INTENDED(a)"
        what="$what: tool driver version only: $(printf '%s' "$changed" | tr -s ' ' | tr '\n' ' ')"
        intended=$((intended + 1))
    else
        findings=$((findings + 1))
        g_findings[$group]=$((g_findings[$group] + 1))
    fi
    say "$class #$num $desc: $what (diff/$num.diff)"
done <"$cases"

say "SARIF rule categories (category and tags of each rule id in both): $sarif_cases SARIF cases, $sarif_categories_same identical"
# what the cases exercised (from the new side's reports)
json_outs=(); sarif_outs=()
while IFS=$'\t' read -r num group fmt cfg opts path; do
    if [ "$fmt" = json ] && [ -s "$work/out/new/$num.out" ]; then json_outs+=("$work/out/new/$num.out"); fi
    if [ "$fmt" = sarif ] && [ -s "$work/out/new/$num.out" ]; then sarif_outs+=("$work/out/new/$num.out"); fi
done <"$cases"
if [ "${#json_outs[@]}" -gt 0 ]; then
    say "rules with findings (json reports): $(jq -r '.files[]?.diagnostics[]?.rule' "${json_outs[@]}" | LC_ALL=C sort -u | tr '\n' ' ')"
fi
if [ "${#sarif_outs[@]}" -gt 0 ]; then
    say "SARIF rule categories seen: $(jq -r '(.runs // [])[].tool.driver.rules[]? | "\(.id)=\(.properties.category)"' "${sarif_outs[@]}" | LC_ALL=C sort -u | tr '\n' ' ')"
fi
for g in "${groups[@]}"; do
    say "  $g: ${g_total[$g]} cases, ${g_same[$g]} identical, ${g_findings[$g]} findings"
done
say "$total cases, $same identical; $intended intended (SARIF driver version), $findings findings; $stderr_only with stdout and exit code identical but stderr different"
say "details: $work/{cases.tsv,out/,diff/}"
[ "$findings" -eq 0 ]
