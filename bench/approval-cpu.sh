#!/usr/bin/env bash
# What approvals cost a cold check, measured against the same specs without their records.
#
# From CORPUS (a folder of specs with approval records and no .specgate.yml, such as a
# bench/run.sh corpus) it makes three copies in bench/work/approvals/ (kept for the next run):
#   with  CORPUS with `rules: {approval-missing: off}` (each record read, each approved spec hashed)
#   none  the same specs with their approval record lines deleted: the baseline (nothing read,
#         nothing hashed; approval-missing is off, so it is not run either)
#   twin  `with` under `approval-field: Sign-off` (the records stay in the text, none is read):
#         a second column, what the records' lines cost the parse without their check
# then runs cold `check --today 2026-11-25` of with, twin and none per jar, alternating run by run
# (the order reversed every other round), and prints each run's wall, user and sys seconds and
# peak RSS with the load before it, then per jar the medians and the paired with − none and
# with − twin differences, CPU (user + sys) and wall.
#
#   bench/approval-cpu.sh bench/work/corpus-10000 6 /tmp/old.jar specgate-cli/target/specgate.jar
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/approval-cpu.sh DIR ROUNDS JAR...
#
# The launcher's flags (C1 only, serial collector, huge pages where offered). HARNESS=1 instead
# times the approval checks alone in one JVM (bench/ApprovalCpu.java, on the `with` copy):
# ROUNDS rounds per run, process and thread CPU ms each, RUNS runs (3) per jar; round 1 is a cold
# run's cost (the native digest's link included), the later rounds the steady cost.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA:-java}"
corpus="$(cd "$1" && pwd)"
rounds="$2"
shift 2
if [ -e "$corpus/.specgate.yml" ]; then
    echo "approval-cpu.sh: $corpus has a .specgate.yml: give a corpus without one" >&2
    exit 2
fi
work="$root/bench/work/approvals/$(printf '%s' "$corpus" | cksum | cut -d' ' -f1)"
if [ ! -e "$work/done" ]; then
    rm -rf "$work"
    mkdir -p "$work"
    cp -r "$corpus" "$work/with"
    printf 'rules:\n  approval-missing: off\n' > "$work/with/.specgate.yml"
    cp -r "$work/with" "$work/twin"
    printf 'approval-field: Sign-off\n' >> "$work/twin/.specgate.yml"
    cp -r "$work/with" "$work/none"
    # a record's line as Specgate writes it: a bold line, a list item's or a front matter key's
    find "$work/none" -name '*.md' -exec sed -i -E \
        '/^(- )?\*\*Approval:\*\* [0-9]{4}-[0-9]{2}-[0-9]{2} by .*sha256:|^Approval: /d' {} +
    echo "records: $(grep -rlE '^(- )?\*\*Approval:\*\*|^Approval: ' "$work/with" | wc -l) specs with," \
        "$(grep -rlE '^(- )?\*\*Approval:\*\*|^Approval: ' "$work/none" | wc -l) left in none" >&2
    touch "$work/done"
fi
flags=(-XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData -XX:TieredStopAtLevel=1)
if "$java" -XX:+UseTransparentHugePages -version >/dev/null 2>&1 \
    && grep -q '\[always\]\|\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
    flags+=(-XX:+UseTransparentHugePages)
fi
if "$java" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1; then
    flags+=(--enable-native-access=ALL-UNNAMED)
fi

if [ "${HARNESS:-0}" = 1 ]; then
    for run in $(seq "${RUNS:-3}"); do
        for jar in "$@"; do
            printf '%s run %s, load %s: ' "$jar" "$run" "$(cut -d' ' -f1 /proc/loadavg)"
            "$java" "${flags[@]}" -cp "$jar" "$root/bench/ApprovalCpu.java" "$work/with" "$rounds"
        done
    done
    exit 0
fi

log="$work/runs-$(date -u +%Y-%m-%dT%H%MZ).log"
runs=()
for jar in "$@"; do for c in with twin none; do runs+=("$c $jar"); done; done
for r in $(seq "$rounds"); do
    order=("${runs[@]}")
    if (( r % 2 == 0 )); then mapfile -t order < <(printf '%s\n' "${runs[@]}" | tac); fi
    for run in "${order[@]}"; do
        c=${run%% *}
        jar=${run#* }
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$java" "${flags[@]}" \
            -Djava.util.logging.config.file=/dev/null -jar "$jar" check --today 2026-11-25 \
            "$work/$c" >/dev/null 2>&1 || true
        echo "round $r $c $jar wall/user/sys/rssKB: $(tail -1 "$work/time") load: $load" | tee -a "$log"
    done
done
python3 - "$log" <<'EOF'
import re, sys, statistics as st, collections
runs = collections.defaultdict(dict)
loads = []
for line in open(sys.argv[1]):
    m = re.search(r'round (\d+) (\S+) (\S+) wall/user/sys/rssKB: (\S+) (\S+) (\S+) (\S+) load: (\S+)', line)
    if m:
        r, c, j, w, u, s, rss, l = m.groups()
        runs[j].setdefault(int(r), {})[c] = (float(w), float(u) + float(s))
        loads.append(float(l))
print(f"load {min(loads)}-{max(loads)}")
for j, rr in runs.items():
    for other in ('none', 'twin'):
        both = [v for v in rr.values() if 'with' in v and other in v]
        for k, name in ((1, 'cpu'), (0, 'wall')):
            w = [v['with'][k] for v in both]
            o = [v[other][k] for v in both]
            d = [a - b for a, b in zip(w, o)]
            print(f"{j} {name}: with {st.median(w):.3f} {other} {st.median(o):.3f}"
                  f" paired with-{other} {st.median(d):+.3f} ({100 * st.median(d) / st.median(o):+.1f}%)"
                  f" n={len(d)} higher in {sum(x > 0 for x in d)}")
EOF
