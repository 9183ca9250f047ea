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

# The start-up cache: the training run and the options probe that ./specgate uses for its own
# cache, from the archive's lib/specgate/jvm.sh (as bin/specgate sources it), with the image's own
# Java: twenty copies of the first spec of TRAINING_SPECS_DIR, and once each the specs of the
# extra folders.
# shellcheck source=lib/specgate/jvm.sh
. "$out/lib/specgate/jvm.sh"
java="$out/lib/specgate/runtime/bin/java"
specgate_java_major "$java"
[ "$major" -ge 25 ] || { log "the image's Java is $major, not 25 or later: no AOT cache"; exit 1; }
specgate_jvm_opts
make_cache=(-XX:AOTCacheOutput="$out/lib/specgate/specgate.aot" -Xlog:aot=off -Xlog:cds=off)
training=("$specs"/*.md)
(cd "$stage" && specgate_train "$java" "$class_path" "${training[0]}" "$@")
[ -s "$out/lib/specgate/specgate.aot" ] || { log "no AOT cache was made"; exit 1; }
# The options bin/specgate adds for this cache, those of them this Java accepts
specgate_probe_cache_opts "$java" aot "$out/lib/specgate/specgate.aot.opts"

tar -czf "$out.tar.gz" -C "$(dirname "$out")" "$(basename "$out")"
log "wrote $out.tar.gz ($(du -h "$out.tar.gz" | cut -f1))"
