#!/usr/bin/env bash
# Times `specgate history` over a git repository of many specs and commits (issue 16's target:
# 1,000 specs and 5,000 commits in at most 5 s).
#
#   bench/history.sh                          # 1,000 specs, 5,000 commits, 3 runs
#   SPECS=200 COMMITS=1000 RUNS=5 bench/history.sh
#   CORPUS=demo SKIP_BUILD=1 bench/history.sh  # copies of examples/demo's specs, the jar as built
#   OLD_JAR=/tmp/old.jar bench/history.sh     # alternates the old and the new jar, run by run
#   AUDIT=1 bench/history.sh                  # times `specgate history --audit`
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/history.sh   # the Java run (`java` on the
#                                             PATH by default: say which when comparing rounds)
#   JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData -XX:TieredStopAtLevel=1" \
#       bench/history.sh                      # the JVM flags the ./specgate launcher uses
#
# Each run prints its wall time, CPU time (user + system, from /usr/bin/time when present) and
# peak memory, with the load average before it: on a shared machine compare CPU times.
#
# The repository is built with git fast-import from the generated corpus (SpecCorpusGenerator):
# one commit adds every spec, then each further commit changes one spec, by one of five authors:
# a status move (Draft -> Review -> Approved -> Implementation -> Draft), a ticked box, an edited
# line, and every 250th commit a rename. Everything goes to bench/work/history-<specs>-<commits>.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/work"
specs="${SPECS:-1000}"
commits="${COMMITS:-5000}"
runs="${RUNS:-3}"
seed="${SEED:-42}"
mkdir -p "$work"
log() { echo "bench: $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
command -v git >/dev/null || { log "git is needed"; exit 2; }
command -v python3 >/dev/null || { log "python3 is needed"; exit 2; }

corpus="${CORPUS:-generated}"
if [ -z "${SKIP_BUILD:-}" ]; then
    log "building (mvn package, tests skipped) [load $(load)]"
    (cd "$root" && mvn -B -q -DskipTests -pl specgate-cli,specgate-bench -am package \
        dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) \
        >"$work/build-history.log" 2>&1 || { cat "$work/build-history.log" >&2; exit 2; }
fi
jar="$root/specgate-cli/target/specgate.jar"

repo="$work/history-$corpus-$specs-$commits"
if [ ! -f "$repo/.built" ]; then
    rm -rf "$repo" "$repo.corpus"
    log "making $specs specs ($corpus)"
    if [ "$corpus" = demo ]; then
        mkdir -p "$repo.corpus/directives/spec"
        demo=("$root"/examples/demo/directives/spec/*.md)
        for i in $(seq 1 "$specs"); do
            src="${demo[$(( i % ${#demo[@]} ))]}"
            name="$(basename "$src" .md)"
            cp "$src" "$repo.corpus/directives/spec/${name}-$i.md"
        done
    else
        bench_cp="$root/specgate-bench/target/classes:$(cat "$root/specgate-bench/target/classpath.txt")"
        java -cp "$bench_cp" dev.specgate.bench.corpus.CorpusMain corpus --out "$repo.corpus" \
            --specs "$specs" --defective 0 --seed "$seed" >&2
    fi
    git init -q "$repo"
    log "writing $commits commits with git fast-import"
    python3 - "$repo.corpus" "$commits" <<'PY' | (cd "$repo" && git fast-import --quiet)
import os, re, sys
corpus, commits = sys.argv[1], int(sys.argv[2])
files = sorted(os.path.relpath(os.path.join(d, f), corpus)
               for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".md"))
texts = {p: open(os.path.join(corpus, p), encoding="utf-8").read() for p in files}
paths = list(files)
authors = ["Ana Ruiz", "Priya Raman", "Tomasz Nowak", "Sam Okafor", "Kenji Watanabe"]
cycle = ["Draft", "Review", "Approved", "Implementation"]
class Out:
    def write(self, s):
        sys.stdout.buffer.write(s.encode("utf-8"))
out = Out()
t = 1_790_000_000
def data(s):
    b = s.encode("utf-8")
    out.write("data %d\n%s\n" % (len(b), s))
def commit(n, msg, changes):
    global t
    t += 3600
    a = authors[(n // 7) % len(authors)]
    email = a.lower().replace(" ", ".") + "@example.com"
    out.write("commit refs/heads/main\n")
    out.write("author %s <%s> %d +0000\n" % (a, email, t))
    out.write("committer %s <%s> %d +0000\n" % (a, email, t))
    data(msg)
    for c in changes:
        out.write(c)
def modify(p):
    b = texts[p].encode("utf-8")
    return "M 100644 inline %s\ndata %d\n%s\n" % (p, len(b), texts[p])
commit(0, "Add the specs", [modify(p) for p in paths])
for n in range(1, commits):
    i = n % len(paths)
    p = paths[i]
    kind = n % 4
    changes = []
    if n % 250 == 0:
        new = re.sub(r"_spec_", "_spec_renamed-%d-" % n, p, count=1)
        changes.append("D %s\n" % p)
        paths[i] = p = new
        texts[p] = texts.pop([k for k in texts if k not in paths][0])
    s = texts[p]
    if kind == 0:
        m = re.search(r"^\*\*Document Status:\*\* (\w+)", s, re.M)
        if m:
            cur = m.group(1)
            nxt = cycle[(cycle.index(cur) + 1) % 4] if cur in cycle else "Draft"
            s = s[:m.start(1)] + nxt + s[m.end(1):]
    elif kind == 1:
        s = s.replace("- [ ]", "- [x]", 1)
    else:
        s = s + "\nEdited in commit %d.\n" % n
    texts[p] = s
    changes.append(modify(p))
    commit(n, "Change %d" % n, changes)
PY
    (cd "$repo" && git checkout -q main)
    touch "$repo/.built"
fi

args=(history)
[ -n "${AUDIT:-}" ] && args+=(--audit)
read -r -a opts <<<"${JAVA_OPTS:-}"
java="${JAVA:-java}"
jars=("$jar")
[ -n "${OLD_JAR:-}" ] && jars=("$OLD_JAR" "$jar")
log "timing: specgate ${args[*]} over $specs specs and $commits commits, $runs runs, $("$java" -version 2>&1 | head -n 1) [load $(load)]"
for r in $(seq 1 "$runs"); do
    for j in "${jars[@]}"; do
        name="new"
        [ "$j" = "${OLD_JAR:-}" ] && name="old"
        before="$(load)"
        start=$(date +%s%N)
        if [ -x /usr/bin/time ]; then
            cpu="$( (cd "$repo" && /usr/bin/time -f '%U+%S s cpu, %M KB' \
                "$java" "${opts[@]}" -jar "$j" "${args[@]}" . >/dev/null 2>"$work/history-run.err" \
                || true) ; tail -n 1 "$work/history-run.err")"
        else
            (cd "$repo" && "$java" "${opts[@]}" -jar "$j" "${args[@]}" . >/dev/null || true)
            cpu="cpu not measured"
        fi
        end=$(date +%s%N)
        echo "run $r $name: $(( (end - start) / 1000000 )) ms wall, $cpu (load before: $before)"
    done
done
