#!/bin/sh
# Builds a demo git repository with approval history: several authors, a rename, a status moved by
# hand, a change after approval, a spec with CRLF line endings. Reproducible: fixed dates, names and
# texts, so the same commits come out every time (commit ids depend only on this script and the
# specs under examples/demo).
#
#   examples/history/build.sh /tmp/specgate-history      # the folder must not exist yet
#   cd /tmp/specgate-history
#   specgate check directives/spec                       # approval-stale names Executive Summary
#   specgate diff directives/spec/2026-10-14_spec_webhook-retry-backoff.md --since approval
#   specgate history --audit directives/spec            # flags the hand moves of the ledger spec
#   specgate site . --out /tmp/specgate-history-site      # status timelines, approvals, burn-up
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
demo="$root/examples/demo"
if [ $# -ne 1 ]; then
    echo "usage: $0 TARGET-FOLDER (a folder that does not exist yet)" >&2
    exit 2
fi
target=$1
if [ -e "$target" ]; then
    echo "build.sh: $target already exists; give a new folder" >&2
    exit 2
fi
command -v git >/dev/null 2>&1 || { echo "build.sh: git is needed" >&2; exit 2; }

# The launcher for the moves made through Specgate: SPECGATE when set, else the repository's
# ./specgate (this script in a checkout), else the specgate on the PATH (this script as the release
# archive installs it, under share/doc/specgate/examples/history). Found before anything is made.
if [ -n "${SPECGATE:-}" ]; then
    launcher=$SPECGATE
elif [ -x "$root/specgate" ] && [ -f "$root/pom.xml" ]; then
    launcher=$root/specgate
elif launcher=$(command -v specgate 2>/dev/null); then
    :
else
    echo "build.sh: no specgate launcher: not in a checkout of Specgate and none on the PATH; install it (docs/install.md) or set SPECGATE to one" >&2
    exit 2
fi

specgate() { "$launcher" "$@"; }

# commit NAME EMAIL DATE MESSAGE: commits everything as NAME on DATE (10:00 UTC)
commit() {
    git add -A
    GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3T10:00:00+0000" \
        GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3T10:00:00+0000" \
        git -c commit.gpgsign=false commit -q -m "$4"
}

# set_status FILE STATUS: what a hand edit does (no gate, no approval record)
set_status() {
    sed "s/^\(\*\*Document Status:\*\* \)[A-Za-z]*/\1$2/" "$1" > "$1.tmp"
    mv "$1.tmp" "$1"
}

mkdir -p "$target"
cd "$target"
git init -q
git symbolic-ref HEAD refs/heads/main
git config core.autocrlf false

webhook=directives/spec/2026-10-14_spec_webhook-retry-backoff.md
ledger_old=directives/spec/2026-07-21_spec_ledger-export.md
ledger=directives/spec/2026-07-21_spec_ledger-export-sftp.md

# 1. Priya writes two drafts; the webhook spec has Windows line endings (CRLF). A draft has no
#    approval yet, and the retry window question (answered in step 3) is still open.
mkdir -p directives/spec
cp -R "$demo/docs" docs
sed -e '/^\*\*Approval:\*\* /d' \
    -e 's/^- \[x\] \(Should enterprise merchants get a configurable retry window?\) Not in this spec; a follow-up spec covers per-merchant windows\./- [ ] \1/' \
    -e 's/$/\r/' "$demo/$webhook" > "$webhook"
set_status "$webhook" Draft
cp "$demo/directives/spec/2026-07-21_spec_ledger-export-sftp.md" "$ledger_old"
set_status "$ledger_old" Draft
commit "Priya Raman" priya@example.com 2026-10-14 "Draft the webhook backoff and ledger export specs"

# 2. Tomasz sends the webhook spec to review (its gate passes)
specgate status "$webhook" Review --today 2026-10-20 >/dev/null
commit "Tomasz Nowak" tomasz@example.com 2026-10-20 "Send the webhook backoff spec to review"

# 3. Priya answers the last open question
specgate done "$webhook" "configurable retry window" >/dev/null
commit "Priya Raman" priya@example.com 2026-10-28 "Answer the retry window question"

# 4. Ana approves it: the gate runs, and the approval is bound to the content
specgate approve "$webhook" --by "Ana Ruiz" --today 2026-11-02 >/dev/null
commit "Ana Ruiz" ana@example.com 2026-11-02 "Approve the webhook backoff spec"

# 5. Sam renames the ledger spec and moves it to Review by hand (its gate would refuse)
git mv "$ledger_old" "$ledger"
set_status "$ledger" Review
commit "Sam Okafor" sam@example.com 2026-11-05 "Rename the ledger export spec; ready for review"

# 6. Tomasz ticks an implementation step (14.6, the dead-letter table): the approval holds
specgate done "$webhook" 14.6 >/dev/null
commit "Tomasz Nowak" tomasz@example.com 2026-11-10 "Dead-letter table and replay endpoint done"

# 7. Sam marks the ledger spec Approved by hand, with decisions still open
set_status "$ledger" Approved
commit "Sam Okafor" sam@example.com 2026-11-12 "Approve the ledger export spec"

# 8. Tomasz changes the approved Executive Summary: the approval is now stale
sed 's/up to 20 times/up to 25 times/' "$webhook" > "$webhook.tmp" && mv "$webhook.tmp" "$webhook"
commit "Tomasz Nowak" tomasz@example.com 2026-11-18 "Allow 25 attempts"

echo "Built $target: $(git rev-list --count HEAD) commits."
