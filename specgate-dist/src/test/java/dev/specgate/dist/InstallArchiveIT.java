package dev.specgate.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Installs the release archive made by {@code package} into a temporary prefix, as docs/install.md
 * tells a user to, and runs {@code specgate check} on a copy of {@code examples/demo} from there:
 * the same report as the jar gives in-process, its real diagnostics, its exit code. Also the
 * launcher's one-line errors when it finds no usable Java, the man pages and completions, and,
 * where the build made it (a JDK 25 was present), the self-contained runtime image with no Java on
 * the PATH.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InstallArchiveIT {

    static final String TODAY = "2026-12-05";
    static final Path ARCHIVE = Path.of(System.getProperty("specgate.archive", "missing"));
    static final Path RUNTIME_ARCHIVE =
            Path.of(System.getProperty("specgate.runtimeArchive", "missing"));
    static final Path REPO = Path.of(System.getProperty("specgate.repoRoot", ".."));

    @TempDir Path tmp;

    @Test
    void installedArchiveChecksTheDemo() throws Exception {
        Path prefix = install(ARCHIVE, tmp.resolve("prefix"));
        Path demo = copyDemo();

        Result run =
                run(
                        demo,
                        Map.of(),
                        prefix.resolve("bin/specgate").toString(),
                        "check",
                        "--today",
                        TODAY,
                        ".");

        assertThat(run.code).as(run.err).isEqualTo(1); // the demo has errors on purpose
        assertThat(run.out)
                .contains(
                        "directives/spec/2026-07-21_spec_ledger-export-sftp.md:15:1: error"
                                + " [section-order] section 'Current State' is out of order")
                .contains(
                        "directives/spec/2026-11-09_spec_refund-idempotency-keys.md:5:11: error"
                                + " [field-value] 'Type' is 'Feature'")
                .endsWith("Checked 5 specs: 13 errors, 14 warnings in 4 files.\n");
        assertThat(run.out).isEqualTo(inProcess(demo, "check", "--today", TODAY, "."));
        assertThat(run.err).isEmpty();
    }

    @Test
    void theShippedHistoryDemoIsBuiltWithTheInstalledLauncher() throws Exception {
        assumeTrue(run(tmp, Map.of(), "git", "--version").code == 0, "git is installed");
        Path prefix = install(ARCHIVE, tmp.resolve("prefix"));
        Path script = prefix.resolve("share/doc/specgate/examples/history/build.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        String path = System.getenv("PATH");

        // no launcher on the PATH: it said 'specgate: not found' after making the folder and its
        // first commit, so that a second try was told the folder exists
        Path none = tmp.resolve("no-launcher");
        String noLauncher =
                Stream.of(path.split(":"))
                        .filter(d -> !d.isEmpty() && !Files.isExecutable(Path.of(d, "specgate")))
                        .collect(Collectors.joining(":"));
        Result refused = run(tmp, Map.of("PATH", noLauncher), script.toString(), none.toString());
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err)
                .isEqualTo(
                        "build.sh: no specgate launcher: not in a checkout of Specgate and none on"
                                + " the PATH; install it (docs/install.md) or set SPECGATE to"
                                + " one\n");
        assertThat(none).doesNotExist();

        // installed as docs/install.md says, with its bin on the PATH
        Path target = tmp.resolve("history");
        Map<String, String> env = Map.of("PATH", prefix.resolve("bin") + ":" + path);
        Result built = run(tmp, env, script.toString(), target.toString());
        assertThat(built.code).as(built.err).isZero();
        assertThat(built.out).isEqualTo("Built " + target + ": 8 commits.\n");
        Result check =
                run(
                        target,
                        env,
                        prefix.resolve("bin/specgate").toString(),
                        "check",
                        "directives/spec",
                        "--today",
                        "2026-11-20");
        assertThat(check.code).as(check.err).isEqualTo(1);
        assertThat(check.out)
                .contains(
                        "directives/spec/2026-10-14_spec_webhook-retry-backoff.md:302:1: error"
                                + " [approval-stale] the approved content changed since the"
                                + " approval of 2026-11-02 by Ana Ruiz")
                .contains("changed: Executive Summary");
        Result audit =
                run(
                        target,
                        env,
                        prefix.resolve("bin/specgate").toString(),
                        "history",
                        "--audit",
                        "directives/spec");
        assertThat(audit.code).as(audit.err).isEqualTo(1);
        assertThat(audit.out).endsWith("Audit: 2 moves skipped their gate.\n");

        // docs/approvals.md shows this history's rows and diff, commit ids included: the ids
        // follow from this script and the demo's specs, so a change to either changes them
        String approvals = Files.readString(REPO.resolve("docs/approvals.md"));
        assertThat(audit.out)
                .contains(
                        shownLines(
                                approvals,
                                "directives/spec/2026-07-21_spec_ledger-export-sftp.md\n"));
        Result diff =
                run(
                        target,
                        env,
                        prefix.resolve("bin/specgate").toString(),
                        "diff",
                        "directives/spec/2026-10-14_spec_webhook-retry-backoff.md");
        assertThat(diff.code).as(diff.err).isZero();
        assertThat(diff.out)
                .contains(
                        shownLines(
                                approvals,
                                "directives/spec/2026-10-14_spec_webhook-retry-backoff.md since the"
                                        + " approval"));
    }

    /**
     * The lines of the code block of {@code doc} that begins with {@code start}, each cut at the
     * first {@code …} (where the page shortens it).
     */
    private static List<String> shownLines(String doc, String start) {
        int at = doc.indexOf("```text\n" + start);
        assertThat(at).as("a block of the docs beginning with %s", start).isNotNegative();
        at += "```text\n".length();
        List<String> lines = new ArrayList<>();
        for (String line : doc.substring(at, doc.indexOf("\n```", at)).split("\n")) {
            int cut = line.indexOf('…');
            lines.add(cut < 0 ? line : line.substring(0, cut));
        }
        return lines;
    }

    @Test
    void launcherKeepsAClassDataArchiveAndReportsTheSameWithIt() throws Exception {
        Path prefix = install(ARCHIVE, tmp.resolve("prefix"));
        Path demo = copyDemo();
        String launcher = prefix.resolve("bin/specgate").toString();
        Path archives = tmp.resolve("cache-home/specgate");

        Result first = run(demo, Map.of(), launcher, "check", "--today", TODAY, ".");
        Path archive;
        try (Stream<Path> made = Files.list(archives)) {
            List<String> names = made.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names)
                    .as(
                            "one archive and its options, no temporary file (Java %s)",
                            Runtime.version())
                    .hasSize(2);
            assertThat(names.get(0)).matches("specgate-[0-9]+\\.jsa");
            assertThat(names.get(1)).isEqualTo(names.get(0) + ".opts");
            archive = archives.resolve(names.get(0));
        }
        // the options lib/specgate/jvm.sh found this Java (17+) to accept for the archive, which
        // the launcher adds, as ./specgate does for its own: the archive mapped, not relocated
        assertThat(Files.readString(archives.resolve(archive.getFileName() + ".opts")).strip())
                .isEqualTo("-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0");
        Result second = run(demo, Map.of(), launcher, "check", "--today", TODAY, ".");
        assertThat(second).isEqualTo(first);
        assertThat(second.code).isEqualTo(1);
        assertThat(second.err).isEmpty();

        // a damaged archive (and options file) is ignored, not fatal
        try (Stream<Path> made = Files.list(archives)) {
            for (Path f : (Iterable<Path>) made::iterator) {
                f.toFile().setWritable(true);
                Files.writeString(f, "not an archive");
            }
        }
        assertThat(run(demo, Map.of(), launcher, "check", "--today", TODAY, ".")).isEqualTo(first);
    }

    @Test
    void installedArchiveShipsManPagesAndCompletions() throws Exception {
        Path prefix = install(ARCHIVE, tmp.resolve("prefix"));
        assertThat(prefix.resolve("lib/specgate/specgate.jar")).isRegularFile();
        // the launcher's JVM options and start-up cache, shared with ./specgate
        assertThat(prefix.resolve("lib/specgate/jvm.sh"))
                .hasSameTextualContentAs(
                        REPO.resolve("specgate-dist/src/dist/lib/specgate/jvm.sh"));
        assertThat(Files.isExecutable(prefix.resolve("bin/specgate"))).isTrue();

        Path man = prefix.resolve("share/man/man1");
        assertThat(man.resolve("specgate.1")).isRegularFile();
        assertThat(Files.readString(man.resolve("specgate-check.1")))
                .startsWith("'\\\" t")
                .contains(".TH \"SPECGATE\\-CHECK\"")
                .contains("\\-\\-today")
                // a help text's asterisks are text, not Asciidoctor's bold
                .contains("(*.md, *.markdown)")
                .doesNotContain("\\fB*/\\fP");

        Path bash = prefix.resolve("share/bash-completion/completions/specgate");
        assertThat(Files.readString(bash)).contains("complete -F").contains("check");
        Result syntax = run(tmp, Map.of(), "bash", "-n", bash.toString());
        assertThat(syntax.code).as(syntax.err).isZero();
        assertThat(
                        Files.readString(
                                prefix.resolve("share/fish/vendor_completions.d/specgate.fish")))
                .contains("complete -c specgate");
        assertThat(prefix.resolve("share/zsh/specgate/specgate.zsh")).isRegularFile();
    }

    @Test
    void everyLinkOfTheShippedDocsResolvesInTheInstalledTree() throws Exception {
        Path prefix = install(ARCHIVE, tmp.resolve("prefix"));
        Path doc = prefix.resolve("share/doc/specgate");
        assertThat(doc.resolve("README.md")).hasSameTextualContentAs(REPO.resolve("README.md"));

        // every Markdown page shipped (example specs and test fixtures aside), not only README's
        List<Path> docs = DocLinks.markdownDocs(doc);
        assertThat(docs)
                .extracting(d -> doc.relativize(d).toString())
                .contains(
                        "README.md",
                        "ARCHITECTURE.md",
                        "docs/getting-started.md",
                        "docs/install.md",
                        "docs/integrations.md",
                        "docs/templates.md",
                        "editors/vscode/README.md",
                        "examples/demo/README.md",
                        "examples/history/README.md");
        DocLinks.Report links = DocLinks.check(doc, docs);
        // README alone links a dozen docs: a check that followed few would prove little
        assertThat(links.followed()).isGreaterThan(100);
        assertThat(links.broken())
                .as("links of the shipped docs with no file or heading in %s", doc)
                .isEmpty();

        // the shipped docs are the repository's, and the demo checks as the repository's does
        assertThat(doc.resolve("docs/rules.md"))
                .hasSameTextualContentAs(REPO.resolve("docs/rules.md"));
        assertThat(Files.isExecutable(doc.resolve("examples/history/build.sh"))).isTrue();
        Result run =
                run(
                        doc.resolve("examples/demo"),
                        Map.of(),
                        prefix.resolve("bin/specgate").toString(),
                        "check",
                        "--today",
                        TODAY,
                        ".");
        assertThat(run.out).endsWith("Checked 5 specs: 13 errors, 14 warnings in 4 files.\n");
    }

    @Test
    void theDocumentedRemovalLeavesNothingOfSpecgateAndKeepsTheRest() throws Exception {
        // a prefix in use, as ~/.local or /usr/local is: other programs' files must stay
        Path prefix = tmp.resolve("prefix");
        List<String> others =
                List.of(
                        "bin/other-tool",
                        "lib/other/other.jar",
                        "share/man/man1/other.1",
                        "share/doc/other/README.md",
                        "share/bash-completion/completions/other",
                        "share/fish/vendor_completions.d/other.fish");
        for (String other : others) {
            Files.createDirectories(prefix.resolve(other).getParent());
            Files.writeString(prefix.resolve(other), "not Specgate's\n");
        }
        install(ARCHIVE, prefix);

        // the commands docs/install.md gives, run in the prefix as it says
        String remove = removalCommand(Files.readString(REPO.resolve("docs/install.md")));
        Result removed = run(prefix, Map.of(), "bash", "-c", remove);
        assertThat(removed.code).as(removed.err).isZero();

        try (Stream<Path> files = Files.walk(prefix)) {
            assertThat(
                            files.filter(f -> !Files.isDirectory(f))
                                    .map(f -> prefix.relativize(f).toString())
                                    .sorted())
                    .as("files left in the prefix after: %s", remove)
                    .containsExactlyInAnyOrderElementsOf(others);
        }
    }

    /**
     * The {@code rm} command of the code block after "To remove it" in docs/install.md, its
     * continuation lines joined.
     */
    static String removalCommand(String installMd) {
        int at = installMd.indexOf("To remove it");
        assertThat(at).as("docs/install.md says how to remove Specgate").isNotNegative();
        int block = installMd.indexOf("```sh\n", at);
        int end = installMd.indexOf("```", block + 6);
        assertThat(block).as("a sh block after 'To remove it'").isPositive();
        String command = installMd.substring(block + 6, end).replace("\\\n", " ");
        return command.lines()
                .filter(line -> line.startsWith("rm "))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void launcherSaysWhenTheJavaCannotRunIt() throws Exception {
        Path prefix = install(ARCHIVE, tmp.resolve("prefix"));
        String launcher = prefix.resolve("bin/specgate").toString();

        Result missing =
                run(
                        tmp,
                        Map.of("SPECGATE_JAVA", tmp.resolve("no-java").toString()),
                        launcher,
                        "--version");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err.strip())
                .isEqualTo(
                        "specgate: SPECGATE_JAVA="
                                + tmp.resolve("no-java")
                                + " is not an executable Java");

        // a PATH with the shell tools the launcher uses and no java, JAVA_HOME unset
        Path bin = toolsWithoutJava();
        Result none =
                run(tmp, Map.of("PATH", bin.toString(), "JAVA_HOME", ""), launcher, "--version");
        assertThat(none.code).isEqualTo(2);
        assertThat(none.err)
                .startsWith("specgate: no Java found: install a Java 17 or later runtime");
        assertThat(none.err.lines()).hasSize(1);

        // a JAVA_HOME that names no Java (one since removed): said so, not "set JAVA_HOME"
        Path gone = tmp.resolve("jdk-17 (removed)");
        Files.createDirectories(gone.resolve("bin"));
        Result stale =
                run(
                        tmp,
                        Map.of("PATH", bin.toString(), "JAVA_HOME", gone.toString()),
                        launcher,
                        "--version");
        assertThat(stale.code).isEqualTo(2);
        assertThat(stale.err)
                .isEqualTo(
                        "specgate: no Java found: JAVA_HOME="
                                + gone
                                + " has no bin/java and there is no java on the PATH; point"
                                + " JAVA_HOME at a Java 17 or later runtime (or set SPECGATE_JAVA"
                                + " to a java command)\n");

        // the same JAVA_HOME with a java on the PATH: that one runs, and the fallback is said
        Path withJava = Files.createDirectories(tmp.resolve("bin-with-java"));
        Path java = withJava.resolve("java");
        Files.createSymbolicLink(java, Path.of(System.getProperty("java.home"), "bin", "java"));
        Result fallback =
                run(
                        tmp,
                        Map.of("PATH", bin + ":" + withJava, "JAVA_HOME", gone.toString()),
                        launcher,
                        "--version");
        assertThat(fallback.code).as(fallback.err).isZero();
        assertThat(fallback.out).startsWith("specgate ");
        assertThat(fallback.err)
                .isEqualTo(
                        "specgate: JAVA_HOME="
                                + gone
                                + " has no executable bin/java; using the java on the PATH ("
                                + java
                                + ") instead (fix or unset JAVA_HOME)\n");
    }

    @Test
    void runtimeImageRunsWithoutAnyJava() throws Exception {
        assumeTrue(
                Files.isRegularFile(RUNTIME_ARCHIVE),
                "the runtime image is made only where a JDK 25 is present");
        Path prefix = install(RUNTIME_ARCHIVE, tmp.resolve("image"));
        assertThat(prefix.resolve("lib/specgate/specgate.aot")).isRegularFile();
        // the options the build found the image's Java (25) to accept for the cache, which the
        // launcher adds (docs/performance.md): JVM options only, nothing else on its one line
        Path opts = prefix.resolve("lib/specgate/specgate.aot.opts");
        assertThat(opts).isRegularFile();
        assertThat(Files.readString(opts).strip().split(" "))
                .containsExactly(
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:-AOTReplayTraining",
                        "-XX:ArchiveRelocationMode=0");
        Path demo = copyDemo();

        Result run =
                run(
                        demo,
                        Map.of("PATH", toolsWithoutJava().toString(), "JAVA_HOME", ""),
                        prefix.resolve("bin/specgate").toString(),
                        "check",
                        "--today",
                        TODAY,
                        ".");

        assertThat(run.code).as(run.err).isEqualTo(1);
        assertThat(run.out).isEqualTo(inProcess(demo, "check", "--today", TODAY, "."));
        assertThat(run.err).isEmpty();
    }

    /** Extracts {@code archive} into {@code prefix} as docs/install.md says. */
    private Path install(Path archive, Path prefix) throws Exception {
        assertThat(archive).as("the release archive, made by package").isRegularFile();
        Files.createDirectories(prefix);
        Result tar =
                run(
                        tmp,
                        Map.of(),
                        "tar",
                        "-xzf",
                        archive.toAbsolutePath().toString(),
                        "-C",
                        prefix.toString(),
                        "--strip-components=1");
        assertThat(tar.code).as(tar.err).isZero();
        return prefix;
    }

    private Path copyDemo() throws IOException {
        Path from = REPO.resolve("examples/demo");
        Path to = tmp.resolve("demo");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /**
     * The shell tools the launcher needs, as small scripts that run the real ones, in a folder with
     * no java.
     */
    private Path toolsWithoutJava() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("tools"));
        for (String tool :
                List.of(
                        "bash",
                        "env",
                        "dirname",
                        "readlink",
                        "sed",
                        "head",
                        "cut",
                        "stat",
                        "cksum",
                        "mkdir",
                        // the start-up cache's files, made on a run that starts a Java
                        "mktemp",
                        "mv",
                        "rm")) {
            Path wrapper = bin.resolve(tool);
            if (Files.exists(wrapper)) {
                continue;
            }
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real)) {
                    Files.writeString(wrapper, "#!/bin/sh\nexec " + real + " \"$@\"\n");
                    wrapper.toFile().setExecutable(true);
                    break;
                }
            }
        }
        return bin;
    }

    /** The same command through the jar's own command line, in this JVM: the expected report. */
    private static String inProcess(Path dir, String... args) {
        // relative paths in the report: the command runs in dir, given as "."
        String[] absolute = args.clone();
        absolute[absolute.length - 1] = dir.toString();
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute(absolute);
        return out.toString().replace(dir + "/", "");
    }

    private record Result(int code, String out, String err) {}

    private Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        pb.environment().remove("SPECGATE_JAVA");
        env.forEach(
                (k, v) -> {
                    if (v.isEmpty()) {
                        pb.environment().remove(k);
                    } else {
                        pb.environment().put(k, v);
                    }
                });
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache-home").toString());
        Path err = Files.createTempFile("specgate-err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(2, TimeUnit.MINUTES);
        assertThat(done).as("%s finished", String.join(" ", command)).isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Result(p.exitValue(), out, errText);
    }
}
