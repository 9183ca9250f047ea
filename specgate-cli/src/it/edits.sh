#!/usr/bin/env bash
# End to end, through real processes, how Specgate writes files and never passes in silence:
#  1. `check --output` onto a symbolic link, a FIFO and a pipe (/dev/fd/N) writes through them and
#     replaces none of them;
#  2. ROUNDS (default 50) rounds of two concurrent `done` runs on one spec, each ticking its own
#     item: a run that reports success has its tick in the file, any other run says the spec
#     changed on disk and changed nothing. No tick is ever lost;
#  3. an edited spec keeps its mode and its hard links;
#  4. as root (with setpriv and the user nobody): a user who may write another user's spec through
#     its group edits it, and the spec keeps its owner;
#  5. never a silent pass: `check a b` where a and b have their own .specgate.yml checks each with
#     its own; a folder under a spec root that a normal user cannot read is an unreadable-file
#     error naming it, with exit 1 (run as nobody when the script runs as root).
#
# Usage: specgate-cli/src/it/edits.sh
# Runs ./specgate at the repository root (which builds the jar on first use) unless SPECGATE
# names another command, such as "java -jar specgate-cli/target/specgate.jar" (split at spaces).
# Exit 0 when everything holds; 1, naming the failed check, otherwise. EditsScriptIT runs it in
# `mvn verify`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
if [ -n "${SPECGATE:-}" ]; then
    read -r -a specgate <<<"$SPECGATE"
else
    specgate=("$root/specgate")
fi
rounds="${ROUNDS:-50}"
today=2026-11-25
fixture="$root/specgate-cli/src/test/resources/specs/2026-10-02_spec_webhook-retry-queue.md"

work="$(mktemp -d)"
reader=""
cleanup() {
    if [ -n "$reader" ]; then kill "$reader" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "edits.sh: FAIL: $*" >&2
    exit 1
}
sg() { "${specgate[@]}" "$@"; }

project="$work/project"
specs="$project/directives/spec"
mkdir -p "$specs"
spec="$specs/$(basename "$fixture")"
cp "$fixture" "$spec"
clean="No problems found in 1 spec."

# 1a. A symbolic link: its target gets the report, the link stays a link.
echo old >"$work/real-report.txt"
ln -s real-report.txt "$work/report.txt"
rc=0
sg check --today "$today" -o "$work/report.txt" "$project" || rc=$?
[ "$rc" -eq 0 ] || fail "check -o onto a symbolic link exited $rc"
[ -L "$work/report.txt" ] || fail "check -o replaced the symbolic link with a file"
grep -qF "$clean" "$work/real-report.txt" || fail "the link's target did not get the report"

# 1b. A FIFO: written through, still a FIFO afterwards.
mkfifo "$work/report.pipe"
cat "$work/report.pipe" >"$work/from-fifo.txt" &
reader=$!
rc=0
sg check --today "$today" -o "$work/report.pipe" "$project" || rc=$?
[ "$rc" -eq 0 ] || fail "check -o onto a FIFO exited $rc"
[ -p "$work/report.pipe" ] || fail "check -o replaced the FIFO with a file"
wait "$reader"
reader=""
grep -qF "$clean" "$work/from-fifo.txt" || fail "the FIFO's reader did not get the report"

# 1c. A pipe given as /dev/fd/N (process substitution).
rc=0
sg check --today "$today" -o >(cat >"$work/from-fd.txt") "$project" || rc=$?
[ "$rc" -eq 0 ] || fail "check -o /dev/fd/N exited $rc"
wait $! 2>/dev/null || true
grep -qF "$clean" "$work/from-fd.txt" || fail "the pipe behind /dev/fd/N did not get the report"

# 2. Two `done` runs at once, round after round. Open items: id, text and line in the spec.
ids=()
lines=()
while IFS= read -r row; do
    id="${row%% *}"
    text="${row#* }"
    count="$(grep -cF -- "- [ ] $text" "$spec" || true)"
    [ "$count" -eq 1 ] || continue
    ids+=("$id")
    lines+=("$(grep -nF -- "- [ ] $text" "$spec" | cut -d: -f1)")
done < <(sg progress "$spec" | sed -n 's/^ *\[ \] \([0-9][0-9.]*\) \(.*\)$/\1 \2/p')
n=${#ids[@]}
[ "$n" -ge 2 ] || fail "the fixture has $n open items with unique text; need 2"

ticked=0
stale=0
for ((round = 0; round < rounds; round++)); do
    cp "$fixture" "$spec"
    a=$(((2 * round) % n))
    b=$(((2 * round + 1) % n))
    sg done "$spec" "${ids[a]}" >"$work/a.out" 2>"$work/a.err" &
    pa=$!
    sg done "$spec" "${ids[b]}" >"$work/b.out" 2>"$work/b.err" &
    pb=$!
    ra=0
    wait "$pa" || ra=$?
    rb=0
    wait "$pb" || rb=$?
    cp "$fixture" "$work/expected"
    succeeded=0
    for run in "a $ra ${ids[a]} ${lines[a]}" "b $rb ${ids[b]} ${lines[b]}"; do
        read -r name rc id line <<<"$run"
        if [ "$rc" -eq 0 ]; then
            sed -i "${line}s/\[ \]/[x]/" "$work/expected"
            ticked=$((ticked + 1))
            succeeded=$((succeeded + 1))
        elif [ "$rc" -eq 1 ] \
            && grep -qF "changed on disk since it was read; nothing was written" "$work/$name.err"; then
            stale=$((stale + 1))
        else
            fail "round $round: done $id exited $rc: $(cat "$work/$name.err")"
        fi
    done
    [ "$succeeded" -ge 1 ] || fail "round $round: both runs were refused"
    if ! cmp -s "$spec" "$work/expected"; then
        diff "$work/expected" "$spec" >&2 || true
        fail "round $round: a tick was lost (done ${ids[a]} exited $ra, done ${ids[b]} exited $rb)"
    fi
done
left="$(find "$specs" -mindepth 1 ! -name "$(basename "$spec")" ! -name ".$(basename "$spec").specgate.lock")"
[ -z "$left" ] || fail "files left beside the spec: $left"

# 3. An edit keeps the spec's mode and hard links.
cp "$fixture" "$spec"
chmod 640 "$spec"
ln "$spec" "$work/same-spec.md"
rc=0
sg done "$spec" "${ids[0]}" >/dev/null 2>"$work/link.err" || rc=$?
[ "$rc" -eq 0 ] || fail "done on a hard-linked spec exited $rc: $(cat "$work/link.err")"
[ "$spec" -ef "$work/same-spec.md" ] || fail "done split the spec from its hard link"
[ "$(sed -n "${lines[0]}p" "$work/same-spec.md" | grep -c '\[x\]')" -eq 1 ] \
    || fail "the spec's other name does not see the tick"
[ "$(stat -c %a "$spec")" = 640 ] || fail "done changed the spec's mode to $(stat -c %a "$spec")"
rm "$work/same-spec.md"
summary="mode and hard link kept"

# 4. As root: a user who may write another user's spec (through its group) edits it; the spec
# keeps its owner (written in place: only root may give a file away).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 \
    && id nobody >/dev/null 2>&1 && getent group nogroup >/dev/null 2>&1; then
    as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    chmod 755 "$work" "$project" "$project/directives"
    cp "$fixture" "$spec"
    chgrp nogroup "$specs" "$spec"
    chmod 775 "$specs"
    chmod 664 "$spec"
    rm -f "$specs/.$(basename "$spec").specgate.lock"
    inode="$(stat -c %i "$spec")"
    if (cd "$work" && "${as_nobody[@]}" "${specgate[@]}" --version) >/dev/null 2>&1; then
        rc=0
        (cd "$work" && "${as_nobody[@]}" "${specgate[@]}" done "$spec" "${ids[0]}") \
            >/dev/null 2>"$work/owner.err" || rc=$?
        [ "$rc" -eq 0 ] || fail "done as another user exited $rc: $(cat "$work/owner.err")"
        [ "$(stat -c %U:%G "$spec")" = "root:nogroup" ] \
            || fail "done as nobody changed the spec's owner to $(stat -c %U:%G "$spec")"
        [ "$(stat -c %i "$spec")" = "$inode" ] || fail "done as nobody replaced the spec"
        [ "$(sed -n "${lines[0]}p" "$spec" | grep -c '\[x\]')" -eq 1 ] \
            || fail "done as nobody did not tick ${ids[0]}"
        summary="$summary, owner kept for another user's edit"
    else
        summary="$summary (nobody cannot run the jar here: owner check skipped)"
    fi
fi

# 5a. Two projects, each with its own configuration: both are checked, each with its own.
for p in a b; do
    mkdir -p "$work/mono/$p/directives/spec"
    # a changed Type voids the fixture's approval: drop the record (approval-missing is a warning)
    sed -e 's/\*\*Type:\*\* Architecture Change/**Type:** Refactoring/' -e '/^\*\*Approval:\*\*/d' "$fixture" \
        >"$work/mono/$p/directives/spec/$(basename "$fixture")"
done
printf 'rules:\n  field-value: off\n' >"$work/mono/a/.specgate.yml"
printf 'rules:\n  field-value: warning\n' >"$work/mono/b/.specgate.yml"
rc=0
sg check --today "$today" "$work/mono/a" "$work/mono/b" >"$work/mono.out" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail "check a b exited $rc: $(cat "$work/mono.out")"
grep -q "Checked 2 specs" "$work/mono.out" || fail "check a b did not check both: $(cat "$work/mono.out")"
grep -q "mono/b/directives/spec/.*warning \[field-value\]" "$work/mono.out" \
    || fail "b's own configuration was not followed: $(cat "$work/mono.out")"
! grep -q "mono/a/directives/spec/.*field-value" "$work/mono.out" \
    || fail "a's own configuration was not followed: $(cat "$work/mono.out")"
summary="$summary; check a b followed each project's configuration"

# 5b. An unreadable folder under a spec root: an error naming it, exit 1 (a normal user only:
# root reads anything).
unread="$work/unread"
mkdir -p "$unread/directives/spec/secret"
cp "$fixture" "$unread/directives/spec/"
cp "$fixture" "$unread/directives/spec/secret/"
chmod 755 "$work" "$unread" "$unread/directives" "$unread/directives/spec"
chmod 644 "$unread/directives/spec/$(basename "$fixture")"
chmod 000 "$unread/directives/spec/secret"
runner=()
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
        runner=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    else
        runner=(skip)
    fi
fi
if [ "${runner[0]:-}" != skip ] \
    && (cd "$work" && "${runner[@]}" "${specgate[@]}" --version) >/dev/null 2>&1; then
    rc=0
    (cd "$work" && "${runner[@]}" "${specgate[@]}" check --today "$today" "$unread") \
        >"$work/unread.out" 2>&1 || rc=$?
    [ "$rc" -eq 1 ] || fail "check with an unreadable folder exited $rc: $(cat "$work/unread.out")"
    grep -q "directives/spec/secret:1:1: error \[unreadable-file\] cannot search this folder for specs: permission denied" \
        "$work/unread.out" || fail "the unreadable folder was not named: $(cat "$work/unread.out")"
    summary="$summary; an unreadable folder failed the check, named"
else
    summary="$summary (unreadable-folder check skipped: no normal user to run it)"
fi
chmod 755 "$unread/directives/spec/secret"

echo "edits.sh: check -o wrote through a symbolic link, a FIFO and /dev/fd/N;" \
    "$rounds rounds of two concurrent done runs: $ticked ticked, $stale refused as stale," \
    "no tick lost; $summary"
