# shellcheck shell=bash
# How Specgate starts its JVM, in one place for the three scripts that start it
# (docs/performance.md, "Design decisions that stand"; docs/performance-log.md, "Start-up: a plain
# check without picocli, an exit without the logger lookup, one launcher script"):
#   - ./specgate, the repository's launcher, sources this file from the source tree;
#   - bin/specgate, the release archive's launcher, sources its copy, lib/specgate/jvm.sh;
#   - runtime-image.sh, which trains the runtime image's start-up cache, sources that copy too.
# Sourced, not run: it defines functions only. The functions a launcher calls on every run start no
# subshell and no external command where they can help it (each costs a fork, a millisecond or more
# of a one-spec check that takes ~0.1 s).

# Sets `major` to the feature version (17, 25, ...) of the java command $1, 0 when it is no Java it
# can find, and `java_home` to the folder holding its bin/ (empty when unknown). The version comes
# from the JDK's release file when it has one: far cheaper than starting a JVM to ask.
specgate_java_major() {
    local bin="$1" line
    major=0
    java_home=""
    case "$bin" in
        */*) ;;
        *) bin="$(type -P "$bin" 2>/dev/null)" || return 0 ;; # a java on the PATH
    esac
    [ -n "$bin" ] && [ -f "$bin" ] && [ -x "$bin" ] || return 0
    if [ -L "$bin" ]; then # /usr/bin/java -> /etc/alternatives/java -> the JDK's
        bin="$(readlink -f "$bin" 2>/dev/null)" || return 0
    fi
    case "$bin" in
        */bin/*) java_home="${bin%/bin/*}" ;;
        *) java_home="" ;;
    esac
    major=""
    if [ -n "$java_home" ] && [ -f "$java_home/release" ]; then
        while IFS= read -r line; do
            case "$line" in
                JAVA_VERSION=*)
                    line="${line#JAVA_VERSION=\"}"
                    line="${line#1.}" # 1.8.0 is Java 8
                    major="${line%%[!0-9]*}"
                    break
                    ;;
            esac
        done <"$java_home/release"
    fi
    if [ -z "$major" ]; then
        major="$("$1" -version 2>&1 \
            | sed -n 's/.* version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -1)"
    fi
    major="${major:-0}"
}

# Says in one line on stderr that a launcher passes over a JAVA_HOME with no executable bin/java
# (mistyped, or left from a Java since removed) for the java on the PATH, which it then runs: a
# fallback said, not a silent one. Nothing when JAVA_HOME is unset or usable.
specgate_java_home_fallback() {
    if [ -n "${JAVA_HOME:-}" ] && [ ! -x "$JAVA_HOME/bin/java" ]; then
        echo "specgate: JAVA_HOME=$JAVA_HOME has no executable bin/java; using the java on the" \
            "PATH ($(type -P java)) instead (fix or unset JAVA_HOME)" >&2
    fi
}

# Sets `hash` to a number (32-bit FNV-1a) of the string $1, in bash alone: a name for a cache file
# that is made once per jar and Java, without the forks of cksum and stat on every run.
specgate_hash() {
    local s="$1" i c
    hash=2166136261
    for ((i = 0; i < ${#s}; i++)); do
        printf -v c '%d' "'${s:i:1}"
        hash=$(((hash ^ (c & 255)) * 16777619 & 4294967295))
    done
}

# Sets the array `jvm_opts` to the JVM options of a short command-line run on Java `major`:
# - the serial GC and a small initial heap: a check keeps little alive, so this is both the fastest
#   to start and the smallest in memory. The young generation is fixed at 40 MB: the default
#   (about 10 MB of a 32 MB heap) collected every few specs, some 1,300 times over 10,000 specs;
#   40 MB takes a quarter of the collections and 10 % off the CPU for ~25 MB more memory;
# - C1 only (C2 costs more CPU than it saves in runs this short); no perf-data file;
# - Java 22+: native access for the approval hash's libcrypto (docs/performance.md); -jar would
#   take this from the jar's manifest, a class path does not;
# - where Linux offers transparent huge pages ([always] or [madvise] in
#   /sys/kernel/mm/transparent_hugepage/enabled, $specgate_thp_file for tests): the heap in 2 MB
#   pages. Each 4 KB page the heap touches the first time is a page fault, ~13 us of CPU here, and
#   the first young collections, which stop both threads, spent most of their 50-110 ms faulting in
#   the survivor and old spaces: 17,900 faults in a check of 10,000 specs, 5,100 with huge pages,
#   for ~4 MB more memory. Left out where they are not offered, where the JVM would warn on stdout.
# When SPECGATE_JAVA_OPTS (which the launchers pass after these) size the heap in any way (-Xmx,
# -Xms, -Xmn, -XX:MaxHeapSize=, -XX:MaxRAM..., ...), -Xms64m -Xmn40m are left out: a maximum below
# them made the JVM refuse to start ("Initial heap size set to a larger value than the maximum
# heap size", exit 1, which a script reads as findings), and the user's sizes are the ones meant.
specgate_jvm_opts() {
    local opt heap=1
    # shellcheck disable=SC2086 # SPECGATE_JAVA_OPTS is a list of options, as the launchers pass it
    for opt in ${SPECGATE_JAVA_OPTS:-}; do
        case "$opt" in
            -Xmx* | -Xms* | -Xmn* | -XX:MaxHeapSize=* | -XX:InitialHeapSize=* | -XX:MinHeapSize=* \
                | -XX:NewSize=* | -XX:MaxNewSize=* | -XX:NewRatio=* | -XX:MaxRAM* \
                | -XX:InitialRAM* | -XX:MinRAM*) heap=0 ;;
        esac
    done
    jvm_opts=(-XX:+UseSerialGC)
    if [ "$heap" = 1 ]; then
        jvm_opts+=(-Xms64m -Xmn40m)
    fi
    jvm_opts+=(-XX:-UsePerfData -XX:TieredStopAtLevel=1)
    if [ "$major" -ge 22 ]; then
        jvm_opts+=(--enable-native-access=ALL-UNNAMED)
    fi
    local thp=""
    if [ -r "${specgate_thp_file:=/sys/kernel/mm/transparent_hugepage/enabled}" ]; then
        read -r thp <"$specgate_thp_file" 2>/dev/null || true
    fi
    case "$thp" in
        *"[always]"* | *"[madvise]"*) jvm_opts+=(-XX:+UseTransparentHugePages) ;;
    esac
}

# Adds to the array `jvm_opts` (specgate_jvm_opts) what the command line "$@" (its first word, the
# command) runs better with:
# - site: -XX:MaxTenuringThreshold=1. Each spec's summary (SpecView, ~4 KB) lives to the end of
#   the run, and the serial collector copied each between its survivor spaces 8-9 times before
#   promoting it: ~2 MB copied per young collection, of which ~0.2 MB are the specs in flight.
#   Promoted after one collection, a pause copies a third as much (median 1.4-1.6 ms against
#   2.3-2.8 ms over 180 pauses for 10,000 specs, pauses that stop both threads), the same memory.
#   A larger young generation (120-128 MB) or the parallel collector on the two cores took longer
#   pauses (docs/performance.md, "site: ... s10-site").
specgate_command_opts() {
    case "${1:-}" in
        site) jvm_opts+=(-XX:MaxTenuringThreshold=1) ;;
    esac
}

# Gives the JVM a UTF-8 locale when the one it inherits names no UTF-8 charset (no LANG at all, as
# under cron, systemd, a bare container, or an MCP client that hands its servers PATH and HOME
# only, as the official TypeScript SDK does). Java reads command-line arguments, the working
# folder and file names in the locale's charset and cannot be told otherwise once started
# (-Dsun.jnu.encoding is ignored): under the C locale '/tmp/démo' reached Specgate as '/tmp/d??mo',
# 'specgate check' run inside it said "path not found: .", and every non-ASCII letter of a finding
# printed as '?'. Only the C locale is replaced (unset, empty, C or POSIX): a locale a user chose,
# UTF-8 or not (en_US.ISO-8859-1 with Latin-1 file names), is theirs and is kept. Only the character
# type changes (LC_CTYPE, or LC_ALL when that is what is set to C); where C.UTF-8 is missing the JVM
# falls back to C as before (bash's "setlocale: cannot change locale" warning is kept off stderr),
# and a macOS JVM reads file names as UTF-8 whatever the locale. No fork: a pattern match on the
# variables.
specgate_utf8_locale() {
    case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
        "" | C | POSIX) ;;
        *) return 0 ;;
    esac
    if [ -n "${LC_ALL:-}" ]; then
        { export LC_ALL=C.UTF-8; } 2>/dev/null
    else
        { export LC_CTYPE=C.UTF-8; } 2>/dev/null
    fi
}

# Sets the array `cache_candidates` to the diagnostic options worth adding with a start-up cache
# of kind $1 (aot: a JDK 25+ AOT cache; cds: a CDS archive) on Java `major`:
# - -XX:-AOTReplayTraining (AOT cache): the JIT does not compile at start what the training run
#   compiled; with C1 only that was a fifth of a one-spec check's CPU and gained a big run nothing;
# - -XX:ArchiveRelocationMode=0 (both): map the cache where it was made to be mapped rather than
#   move it (~10 ms); the JVM still moves it when that address is taken. The default on Java 17-19,
#   not from Java 20.
# Diagnostic options may go in any later Java: specgate_probe_cache_opts tries them.
specgate_cache_candidates() {
    if [ "$1" = aot ]; then
        cache_candidates=(-XX:-AOTReplayTraining -XX:ArchiveRelocationMode=0)
    else
        cache_candidates=(-XX:ArchiveRelocationMode=0)
    fi
}

# Writes to file $3 the options of specgate_cache_candidates (kind $2) that the java command $1
# accepts, each tried with -version, on one line after -XX:+UnlockDiagnosticVMOptions; an empty
# file when it accepts none. Run once, when a cache is made, never on every run.
specgate_probe_cache_opts() {
    local java="$1" file="$3" opt kept=()
    specgate_cache_candidates "$2"
    for opt in "${cache_candidates[@]}"; do
        if "$java" -XX:+UnlockDiagnosticVMOptions "$opt" -version >/dev/null 2>&1; then
            kept+=("$opt")
        fi
    done
    if [ "${#kept[@]}" -gt 0 ]; then
        echo "-XX:+UnlockDiagnosticVMOptions ${kept[*]}" >"$file.$$.tmp" 2>/dev/null || return 0
    else
        : >"$file.$$.tmp" 2>/dev/null || return 0
    fi
    mv -f "$file.$$.tmp" "$file" 2>/dev/null || rm -f "$file.$$.tmp"
}

# Appends to the array `jvm_opts` the options file $1 holds (written by specgate_probe_cache_opts),
# only words that are JVM -XX: options: a damaged file adds nothing.
specgate_read_cache_opts() {
    local opt words=()
    [ -f "$1" ] || return 0
    read -r -a words <"$1" 2>/dev/null || true
    for opt in "${words[@]}"; do
        case "$opt" in
            -XX:*) jvm_opts+=("$opt") ;;
        esac
    done
}

# The training run that makes a start-up cache: specgate_train JAVA CLASS_PATH SPEC [DIR...], with
# the options that make the cache in the array `make_cache` and the run's in `jvm_opts`. Over copies
# of realistic specs (twenty of SPEC, and once each the *.md of every DIR: specs whose parse and
# findings SPEC does not reach, such as aligned tables, lines that start with a non-ASCII letter,
# broken links, leftover placeholders) it records what a check loads and runs, in one JVM
# (StartupTraining): a plain check of one spec; a plain check of all of them (findings among
# them, and two files that cannot be read); a check with the incremental cache, half of whose
# specs changed since an earlier (unrecorded) run, so that it reads the cache, reuses results,
# checks and parses specs, and writes the cache; and the same again with nothing changed. Those command lines are plain checks
# (CheckCommand.plain), which do not build picocli's model: a last check with --format, which
# does, keeps picocli's classes in the cache for every other command line. Output and exit codes
# are ignored: the caller looks for the cache file.
specgate_train() {
    local java="$1" class_path="$2" spec="$3" train dir i
    shift 3
    train="$(mktemp -d)" || return 0
    mkdir -p "$train/directives/spec" || return 0
    for i in $(seq 1 20); do
        cp "$spec" "$train/directives/spec/2026-10-02_spec_training-run-$i.md" 2>/dev/null || true
    done
    for dir in "$@"; do
        cp "$dir"/*.md "$train/directives/spec/" 2>/dev/null || true
    done
    # two specs that cannot be read (not UTF-8; a NUL byte): a check with the cache reads such a
    # file again on every run (no result of it is kept), so the classes that report it (the strict
    # decoder, the message's format, the parse of the empty text) are loaded even when nothing
    # changed: 13 classes from the jar otherwise
    printf '# Not UTF-8\n\nCaf\351 au lait.\n' \
        >"$train/directives/spec/2026-10-02_spec_training-not-utf8.md" 2>/dev/null || true
    printf '# Binary\n\n\000\001\002\n' \
        >"$train/directives/spec/2026-10-02_spec_training-binary.md" 2>/dev/null || true
    "$java" "${jvm_opts[@]}" -cp "$class_path" dev.specgate.cli.Main check --cache \
        --today 2026-11-25 "$train" >/dev/null 2>&1 || true
    for i in $(seq 1 2 20); do
        printf '\nA line added after the first run.\n' \
            >>"$train/directives/spec/2026-10-02_spec_training-run-$i.md" 2>/dev/null || true
    done
    # -Dspecgate.sha256.after=0: the approval hash links its native SHA-256 (NSS, else libcrypto)
    # at once, so that the cache holds the classes that loads (a big run links it after 16 MB)
    "$java" "${jvm_opts[@]}" "${make_cache[@]}" -Dspecgate.sha256.after=0 -cp "$class_path" \
        dev.specgate.cli.StartupTraining \
        check --today 2026-11-25 "$train/directives/spec/2026-10-02_spec_training-run-1.md" \
        --then check --today 2026-11-25 "$train" \
        --then check --cache --today 2026-11-25 "$train" \
        --then check --cache --today 2026-11-25 "$train" \
        --then check --format text --today 2026-11-25 \
        "$train/directives/spec/2026-10-02_spec_training-run-2.md" >/dev/null 2>&1 || true
    rm -rf "$train"
}
