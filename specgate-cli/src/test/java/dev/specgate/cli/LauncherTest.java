package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script at the repository's root ({@code ./specgate}) refuses a Java that cannot run
 * Specgate with one line and exit code 2, before it builds anything. It runs a copy of the script
 * in a folder of its own: should the check let a bad Java through, that copy finds no project to
 * build and fails, rather than start a Maven build of this checkout.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherTest {

    private static final String ADVICE =
            " is not an executable Java (set SPECGATE_JAVA to the java command of a JDK 17 or"
                    + " later, or unset it)";

    @TempDir Path dir;

    private Path launcher;

    /** What one run of the launcher printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void copyTheLauncher() throws IOException {
        Path script = repoRoot().resolve("specgate");
        assertThat(script).as("the launcher at the repository's root").isRegularFile();
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        launcher =
                Files.copy(
                        script, checkout.resolve("specgate"), StandardCopyOption.COPY_ATTRIBUTES);
        // the functions it shares with the release archive's launcher
        Path shared = Path.of("specgate-dist/src/dist/lib/specgate/jvm.sh");
        Files.createDirectories(checkout.resolve(shared).getParent());
        Files.copy(repoRoot().resolve(shared), checkout.resolve(shared));
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("specgate.repoRoot", "..")).toAbsolutePath().normalize();
    }

    @Test
    void aJavaThatIsNotThereIsOneLineAndExitTwo() throws Exception {
        Run run = run(Map.of("SPECGATE_JAVA", "/nonexistent"), "check", ".");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("specgate: SPECGATE_JAVA=/nonexistent" + ADVICE + "\n");
        assertNothingWasBuilt();
    }

    @Test
    void aJavaHomeThatNamesNoJavaIsSaidAsSuch() throws Exception {
        // a copy that does not find this machine's JDK 25 first, run with only bash on the PATH
        Path copy = launcher.resolveSibling("specgate-without-jdk25");
        Files.writeString(
                copy,
                Files.readString(launcher)
                        .replace(
                                "jdk25=\"/usr/lib/jvm/temurin-25-jdk-amd64\"",
                                "jdk25=\"" + dir.resolve("no-jdk-25") + "\""));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(dir.resolve("bin-without-java"));
        for (String tool : List.of("bash", "env")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        Path gone = Files.createDirectories(dir.resolve("jdk-17 (removed)/bin")).getParent();

        Run run = run(copy, Map.of("JAVA_HOME", gone.toString(), "PATH", bin.toString()), "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: no Java found: JAVA_HOME="
                                + gone
                                + " has no bin/java and there is no java on the PATH; point"
                                + " JAVA_HOME at a JDK 17 or later (or set SPECGATE_JAVA)\n");
        assertNothingWasBuilt();
    }

    @Test
    void aJavaHomeThatNamesNoJavaIsSaidWhenTheJavaOnThePathIsUsedInstead() throws Exception {
        // a copy that does not find this machine's JDK 25 first; on the PATH, bash and a java
        Path copy = launcher.resolveSibling("specgate-without-jdk25");
        Files.writeString(
                copy,
                Files.readString(launcher)
                        .replace(
                                "jdk25=\"/usr/lib/jvm/temurin-25-jdk-amd64\"",
                                "jdk25=\"" + dir.resolve("no-jdk-25") + "\""));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        // a Java 11 on the PATH, so that the run stops at the version after the fallback is said
        Path java = program("jdk-11", "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2");
        Path bin = java.getParent();
        for (String tool : List.of("bash", "env", "sed", "head")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        Path gone = Files.createDirectories(dir.resolve("jdk-17 (mistyped)"));

        Run run = run(copy, Map.of("JAVA_HOME", gone.toString(), "PATH", bin.toString()), "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: JAVA_HOME="
                                + gone
                                + " has no executable bin/java; using the java on the PATH ("
                                + java
                                + ") instead (fix or unset JAVA_HOME)\n"
                                + "specgate: java on the PATH is Java 11; Specgate needs Java 17"
                                + " or later\n");
        assertNothingWasBuilt();
    }

    @Test
    void aFolderOrAFileThatCannotBeRunIsNotAJava() throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk-17"));
        Path text = Files.writeString(dir.resolve("java.txt"), "not a program\n");

        Run folder = run(Map.of("SPECGATE_JAVA", jdk.toString()), "--version");
        Run notExecutable = run(Map.of("SPECGATE_JAVA", text.toString()), "--version");

        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo("specgate: SPECGATE_JAVA=" + jdk + ADVICE + "\n");
        assertThat(notExecutable.exitCode()).isEqualTo(2);
        assertThat(notExecutable.err())
                .isEqualTo("specgate: SPECGATE_JAVA=" + text + ADVICE + "\n");
        assertNothingWasBuilt();
    }

    @Test
    void aProgramThatNamesNoJavaVersionIsNotAJava() throws Exception {
        Path fake = program("python3", "echo 'Python 3.11.2'");

        Run run = run(Map.of("SPECGATE_JAVA", fake.toString()), "--version");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: SPECGATE_JAVA="
                                + fake
                                + " is not an executable Java ('"
                                + fake
                                + " -version' names no Java version)\n");
        assertNothingWasBuilt();
    }

    @Test
    void aJavaOlderThanSeventeenIsRefusedByItsVersion() throws Exception {
        Path java11 =
                program(
                        "java11",
                        "echo 'openjdk version \"11.0.22\" 2024-01-16' >&2",
                        "echo 'OpenJDK Runtime Environment (build 11.0.22+7)' >&2");
        Path java8 = program("java8", "echo 'java version \"1.8.0_392\"' >&2");

        Run eleven = run(Map.of("SPECGATE_JAVA", java11.toString()), "--version");
        Run eight = run(Map.of("SPECGATE_JAVA", java8.toString()), "--version");

        assertThat(eleven.exitCode()).isEqualTo(2);
        assertThat(eleven.err())
                .isEqualTo(
                        "specgate: SPECGATE_JAVA="
                                + java11
                                + " is Java 11; Specgate needs Java 17 or later\n");
        assertThat(eight.exitCode()).isEqualTo(2);
        assertThat(eight.err())
                .isEqualTo(
                        "specgate: SPECGATE_JAVA="
                                + java8
                                + " is Java 8; Specgate needs Java 17 or later\n");
        assertNothingWasBuilt();
    }

    @Test
    void aSymbolicLinkToTheLauncherFindsItsCheckout() throws Exception {
        // ~/.local/bin/specgate -> the checkout's launcher: absolute, relative, and a link to a
        // link
        Path absolute = Files.createDirectories(dir.resolve("bin")).resolve("specgate");
        Files.createSymbolicLink(absolute, launcher);
        Path relative = Files.createDirectories(dir.resolve("tools/bin")).resolve("specgate");
        Files.createSymbolicLink(relative, Path.of("../../checkout/specgate"));
        Path chained = dir.resolve("specgate-link");
        Files.createSymbolicLink(chained, Path.of("tools/bin/specgate"));

        for (Path link : new Path[] {absolute, relative, chained}) {
            Run run = run(link, Map.of("SPECGATE_JAVA", "/nonexistent"), "--version");

            // it found jvm.sh in the checkout and went on to pick a Java (not "jvm.sh is missing")
            assertThat(run.exitCode()).as(link.toString()).isEqualTo(2);
            assertThat(run.err())
                    .as(link.toString())
                    .isEqualTo("specgate: SPECGATE_JAVA=/nonexistent" + ADVICE + "\n");
        }
        assertNothingWasBuilt();
    }

    @Test
    void siteAloneRunsWithItsOwnTenuring() throws Exception {
        // the options jvm.sh gives a command line, as both launchers ask for them
        String site = jvmOptions("site", "--out", "site", ".");
        String check = jvmOptions("check", ".");
        String none = jvmOptions();

        assertThat(site)
                .isEqualTo(
                        "-XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData -XX:TieredStopAtLevel=1"
                                + " --enable-native-access=ALL-UNNAMED"
                                + " -XX:MaxTenuringThreshold=1");
        assertThat(check)
                .isEqualTo(
                        "-XX:+UseSerialGC -Xms64m -Xmn40m -XX:-UsePerfData -XX:TieredStopAtLevel=1"
                                + " --enable-native-access=ALL-UNNAMED");
        assertThat(none).isEqualTo(check);
    }

    @Test
    void theHeapTakesHugePagesWhereLinuxOffersThem() throws Exception {
        // /sys/kernel/mm/transparent_hugepage/enabled as Linux words it: the setting in brackets
        String plain = jvmOptions("check", ".");
        Path setting = dir.resolve("enabled");
        for (String offered : List.of("[always] madvise never", "always [madvise] never")) {
            Files.writeString(setting, offered + "\n");
            assertThat(jvmOptions(25, Map.of("specgate_thp_file", setting.toString()), "check"))
                    .as(offered)
                    .isEqualTo(plain + " -XX:+UseTransparentHugePages");
        }
        // not offered, no line end, an unreadable or missing file: no option the JVM would warn of
        Files.writeString(setting, "always madvise [never]");
        assertThat(jvmOptions(25, Map.of("specgate_thp_file", setting.toString()), "check"))
                .isEqualTo(plain);
        Files.writeString(setting, "[madvise] never");
        assertThat(jvmOptions(25, Map.of("specgate_thp_file", setting.toString()), "check"))
                .isEqualTo(plain + " -XX:+UseTransparentHugePages");
        assertThat(jvmOptions(25, Map.of("specgate_thp_file", dir.resolve("none").toString())))
                .isEqualTo(plain);
        // with them, a real JVM starts and says nothing more than without, where this machine
        // offers huge pages
        Path machine = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        // (the settings above were checked either way; the real JVM's half is reported skipped)
        Assumptions.assumeTrue(
                Files.isReadable(machine)
                        && Files.readString(machine).matches("(?s).*\\[(always|madvise)\\].*"),
                "this machine offers no transparent huge pages: the real JVM's half is not run");
        Files.copy(machine, setting, StandardCopyOption.REPLACE_EXISTING);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(
                List.of(
                        jvmOptions(
                                        Runtime.version().feature(),
                                        Map.of("specgate_thp_file", setting.toString()),
                                        "check")
                                .split(" ")));
        command.add("-version");
        Process started = new ProcessBuilder(command).start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(err).isZero();
        assertThat(out).isEmpty();
        assertThat(err).doesNotContain("warning").doesNotContain("Huge");
    }

    @Test
    void aHeapSizeInSpecgateJavaOptsTakesThePlaceOfTheLaunchersOwn() throws Exception {
        // -Xmx32m once met the launchers' -Xms64m -Xmn40m: the JVM refused to start, exit 1
        String own = "-XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1";
        for (String opts :
                List.of(
                        "-Xmx32m",
                        "-Xss2m  -Xms16m",
                        "-Xmn8m",
                        "-XX:MaxRAM=256m",
                        "-XX:MaxRAMPercentage=10",
                        "-XX:MaxHeapSize=48m -Dfile.encoding=UTF-8")) {
            assertThat(jvmOptions(25, Map.of("SPECGATE_JAVA_OPTS", opts), "check", "."))
                    .as(opts)
                    .isEqualTo(own + " --enable-native-access=ALL-UNNAMED");
        }
        // options that size no heap keep the launchers' sizes
        assertThat(jvmOptions(25, Map.of("SPECGATE_JAVA_OPTS", "-Xss2m -XX:+UseCompressedOops")))
                .isEqualTo(jvmOptions());

        // a real JVM starts with them and the user's -Xmx32m after them, as the launchers pass it
        int major = Runtime.version().feature();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(
                List.of(
                        jvmOptions(major, Map.of("SPECGATE_JAVA_OPTS", "-Xmx32m"), "check")
                                .split(" ")));
        command.addAll(List.of("-Xmx32m", "-version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void aLocaleWithoutUtf8StillHandsJavaNonAsciiArgumentsIntact() throws Exception {
        // Under the C locale (no LANG: cron, a bare container, an MCP client that passes its
        // servers PATH and HOME only) Java read '/tmp/démo' as '/tmp/d??mo': "path not found"
        Path echo =
                Files.writeString(
                        dir.resolve("Echo.java"),
                        "public class Echo { public static void main(String[] a) {"
                                + " System.out.print(a[0].equals(\"d\\u00e9mo \\u65e5\\u672c\")"
                                + " + \" \" + System.getProperty(\"sun.jnu.encoding\")); } }\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Map<String, String> env :
                List.of(Map.<String, String>of(), Map.of("LC_ALL", "C"), Map.of("LANG", "POSIX"))) {
            assertThat(javaUnderLocale(env, java, echo.toString()))
                    .as("%s", env)
                    .isEqualTo(
                            "true UTF-8 LC_CTYPE=" + (env.containsKey("LC_ALL") ? "" : "C.UTF-8"));
        }
        // a UTF-8 locale is left as it is
        assertThat(javaUnderLocale(Map.of("LANG", "C.UTF-8"), java, echo.toString()))
                .isEqualTo("true UTF-8 LC_CTYPE=");
    }

    @Test
    void aLocaleTheUserChoseIsKeptOnlyTheCLocaleIsReplaced() throws Exception {
        // a Latin-1 locale is a choice (its file names are Latin-1 bytes): Java told UTF-8 would
        // read them as U+FFFD and could not open them; so is a UTF-8 one, whatever its spelling
        for (Map<String, String> env :
                List.of(
                        Map.of("LANG", "en_US.ISO-8859-1"),
                        Map.of("LC_ALL", "de_DE@euro"),
                        Map.of("LANG", "C.UTF-8", "LC_CTYPE", "fr_FR"),
                        Map.of("LANG", "en_US.utf8"))) {
            assertThat(localeAfter(env))
                    .as("%s", env)
                    .isEqualTo(
                            "LC_ALL="
                                    + env.getOrDefault("LC_ALL", "")
                                    + " LC_CTYPE="
                                    + env.getOrDefault("LC_CTYPE", ""));
        }
        assertThat(localeAfter(Map.of())).isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8");
        assertThat(localeAfter(Map.of("LANG", "C"))).isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8");
        assertThat(localeAfter(Map.of("LANG", "en_US.UTF-8", "LC_CTYPE", "POSIX")))
                .isEqualTo("LC_ALL= LC_CTYPE=C.UTF-8");
        assertThat(localeAfter(Map.of("LC_ALL", "C"))).isEqualTo("LC_ALL=C.UTF-8 LC_CTYPE=");
    }

    @Test
    void theStartupCachesTrainingChecksFilesThatCannotBeReadAsACachedRunDoes() throws Exception {
        // a check with the cache reads such a file on every run, nothing changed or not: the
        // training run has two among its specs, so that the classes reporting them are cached
        Path shared = launcher.resolveSibling("specgate-dist/src/dist/lib/specgate/jvm.sh");
        Path seen = dir.resolve("seen");
        Path fakeJava =
                Files.writeString(
                        dir.resolve("java"),
                        "#!/usr/bin/env bash\n"
                                + "last=\"${!#}\"\n"
                                + "if [ -d \"$last/directives/spec\" ] && [ ! -e '"
                                + seen
                                + "' ]; then cp -r \"$last/directives/spec\" '"
                                + seen
                                + "'; fi\n");
        fakeJava.toFile().setExecutable(true);
        Path spec =
                repoRoot()
                        .resolve(
                                "specgate-cli/src/test/resources/specs/"
                                        + "2026-10-02_spec_webhook-retry-queue.md");
        Path script =
                Files.writeString(
                        dir.resolve("train.sh"),
                        "set -euo pipefail\n. '"
                                + shared
                                + "'\njvm_opts=()\nmake_cache=()\n"
                                + "specgate_train \"$1\" none \"$2\"\n");
        Process p =
                new ProcessBuilder("bash", script.toString(), fakeJava.toString(), spec.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();

        List<Path> specs;
        try (var files = Files.list(seen)) {
            specs = files.filter(f -> f.getFileName().toString().contains("_spec_")).toList();
        }
        assertThat(specs).hasSizeGreaterThan(20);
        assertThat(specs)
                .as("a spec that is not UTF-8")
                .anySatisfy(f -> assertThat(isUtf8(Files.readAllBytes(f))).isFalse());
        assertThat(specs)
                .as("a spec with a NUL byte, binary")
                .anySatisfy(
                        f -> {
                            byte[] bytes = Files.readAllBytes(f);
                            assertThat(isUtf8(bytes)).isTrue();
                            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\0");
                        });
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** LC_ALL and LC_CTYPE as jvm.sh's specgate_utf8_locale leaves them under {@code env} only. */
    private String localeAfter(Map<String, String> env) throws Exception {
        Path shared = launcher.resolveSibling("specgate-dist/src/dist/lib/specgate/jvm.sh");
        Path script =
                Files.writeString(
                        dir.resolve("locale-vars.sh"),
                        "set -euo pipefail\n. '"
                                + shared
                                + "'\nspecgate_utf8_locale\n"
                                + "echo \"LC_ALL=${LC_ALL:-} LC_CTYPE=${LC_CTYPE:-}\"\n");
        ProcessBuilder pb =
                new ProcessBuilder("bash", script.toString())
                        .redirectError(
                                ProcessBuilder.Redirect
                                        .DISCARD); // bash on a locale not installed here
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    /**
     * What {@code java ARGS 'démo 日本'} prints when started as the launchers start it (jvm.sh's
     * specgate_utf8_locale first) from an environment whose locale variables are {@code env} only,
     * followed by the LC_CTYPE the function left. The argument's UTF-8 bytes are written by bash,
     * so that this test's own JVM, whatever its locale, does not encode them.
     */
    private String javaUnderLocale(Map<String, String> env, String... javaArgs) throws Exception {
        Path shared = launcher.resolveSibling("specgate-dist/src/dist/lib/specgate/jvm.sh");
        Path script =
                Files.writeString(
                        dir.resolve("locale.sh"),
                        "set -euo pipefail\n. '"
                                + shared
                                + "'\nspecgate_utf8_locale\n"
                                + "\"$@\" $'d\\xc3\\xa9mo \\xe6\\x97\\xa5\\xe6\\x9c\\xac'\n"
                                + "echo \" LC_CTYPE=${LC_CTYPE:-}\"\n",
                        StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(javaArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    /** The JVM options jvm.sh's functions give a Java 25 for the command line {@code args}. */
    private String jvmOptions(String... args) throws Exception {
        return jvmOptions(25, Map.of(), args);
    }

    /**
     * The JVM options jvm.sh's functions give a Java {@code major} for the command line {@code
     * args}, with {@code env} (SPECGATE_JAVA_OPTS) set.
     */
    private String jvmOptions(int major, Map<String, String> env, String... args) throws Exception {
        Path shared = launcher.resolveSibling("specgate-dist/src/dist/lib/specgate/jvm.sh");
        Path script =
                Files.writeString(
                        dir.resolve("options.sh"),
                        "set -euo pipefail\n"
                                + ". '"
                                + shared
                                + "'\nmajor="
                                + major
                                + "\nspecgate_jvm_opts\nspecgate_command_opts \"$@\"\n"
                                + "echo \"${jvm_opts[*]}\"\n");
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("SPECGATE_JAVA_OPTS");
        // the machine's huge page setting left out unless a test names one
        pb.environment().put("specgate_thp_file", dir.resolve("no-thp").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    /** The launcher makes specgate-cli/target for its build lock before building. */
    private void assertNothingWasBuilt() {
        assertThat(launcher.resolveSibling("specgate-cli")).doesNotExist();
    }

    /** A shell script that stands in for a {@code java} command. */
    private Path program(String name, String... lines) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fake/" + name + "/bin"));
        Path p = bin.resolve("java");
        Files.writeString(p, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        return run(launcher, env, args);
    }

    private Run run(Path script, Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = script.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 90 s");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
