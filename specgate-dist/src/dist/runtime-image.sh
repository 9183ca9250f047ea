#!/usr/bin/env bash
# Makes the self-contained runtime image next to the release archive (run by the build's
# runtime-image profile, only where a JDK 25 exists):
#   runtime-image.sh JDK RELEASE_TAR_GZ OUT_DIR TRAINING_SPECS_DIR [EXTRA_TRAINING_SPECS_DIR...]
# OUT_DIR gets the release archive's layout plus lib/specgate/runtime (a jlink image of the modules
# the jar needs) and lib/specgate/specgate.aot (a JDK 25 AOT cache made by a training run of the
# image's own Java over copies of realistic specs); OUT_DIR.tar.gz is the archive of it.
set -euo pipefail
jdk="$1" archive="$2" out="$3" specs="$4"
shift 4 # the rest: folders of extra training specs
log() { echo "runtime-image: $*" >&2; }

rm -rf "$out" "$out.tar.gz"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
tar -xzf "$archive" -C "$stage"
mv "$stage"/specgate-*/ "$out"
jar="$out/lib/specgate/specgate.jar"
class_path="$jar"
if [ -f "$out/lib/specgate/specgate-start.jar" ]; then
    class_path="$out/lib/specgate/specgate-start.jar:$jar" # as bin/specgate runs it
fi

# The modules the jar uses (jdeps), and a few it loads by name at run time.
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar" 2>/dev/null || true)"
if [ -z "$modules" ]; then
    modules="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,jdk.unsupported"
fi
modules="$modules,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.net,jdk.zipfs"
log "jlink --add-modules $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --output "$out/lib/specgate/runtime"

# One training run (one JVM: StartupTraining) records the classes a check loads and links, and
# their profiles: a plain check of one spec; a plain check of all of them (findings among them); a
# check with the incremental cache, half of whose specs changed since a first (unrecorded) run, so
# that it reads the cache, reuses results, parses and checks specs, and writes the cache; and the
# same again with nothing changed. The extra specs, once each, reach what the others do not
# (aligned tables, lines that start with a non-ASCII letter, broken links, leftover placeholders).
train="$stage/train"
mkdir -p "$train/directives/spec"
for spec in "$specs"/*.md; do
    for i in $(seq 1 20); do
        cp "$spec" "$train/directives/spec/2026-10-02_spec_training-run-$i-$(basename "$spec")"
    done
done
for extra in "$@"; do
    cp "$extra"/*.md "$train/directives/spec/"
done
run_java() {
    (cd "$stage" && "$out/lib/specgate/runtime/bin/java" -XX:+UseSerialGC -Xms64m -Xmn40m \
        -XX:-UsePerfData -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED "$@" \
        >/dev/null 2>&1) || true
}
run_java -cp "$class_path" dev.specgate.cli.Main check --cache --today 2026-11-25 "$train"
i=0
for spec in "$train"/directives/spec/*.md; do
    i=$((i + 1))
    if [ $((i % 2)) = 1 ]; then printf '\nA line added after the first run.\n' >>"$spec"; fi
done
one="$(ls "$train"/directives/spec/*training-run-*.md | head -1)"
# -Dspecgate.sha256.after=0: the approval hash links libcrypto at once, so that the cache holds the
# classes that loads (a big run links it after 16 MB of hashing)
run_java -XX:AOTCacheOutput="$out/lib/specgate/specgate.aot" -Xlog:aot=off -Xlog:cds=off \
    -Dspecgate.sha256.after=0 -cp "$class_path" dev.specgate.cli.StartupTraining check --today 2026-11-25 "$one" \
    --then check --today 2026-11-25 "$train" \
    --then check --cache --today 2026-11-25 "$train" \
    --then check --cache --today 2026-11-25 "$train"
[ -s "$out/lib/specgate/specgate.aot" ] || { log "no AOT cache was made"; exit 1; }
# The options bin/specgate adds for this cache (as ./specgate does: docs/performance.md), those of
# them this Java accepts; diagnostic options, so tried here rather than trusted
opts=""
for opt in -XX:-AOTReplayTraining -XX:ArchiveRelocationMode=0; do
    if "$out/lib/specgate/runtime/bin/java" -XX:+UnlockDiagnosticVMOptions "$opt" -version \
        >/dev/null 2>&1; then
        opts="$opts $opt"
    fi
done
if [ -n "$opts" ]; then
    echo "-XX:+UnlockDiagnosticVMOptions$opts" >"$out/lib/specgate/specgate.aot.opts"
fi

tar -czf "$out.tar.gz" -C "$(dirname "$out")" "$(basename "$out")"
log "wrote $out.tar.gz ($(du -h "$out.tar.gz" | cut -f1))"
