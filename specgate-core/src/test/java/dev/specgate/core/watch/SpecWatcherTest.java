package dev.specgate.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one folder watcher of {@code serve} and {@code mcp}, on real folders: what it reports, and
 * that a moved or renamed folder (a dotted name such as {@code v1.2} included) is reported as lost
 * events. Every wait is for a condition, with a generous deadline.
 */
@Timeout(120)
class SpecWatcherTest {

    /** How long a condition may take under a loaded machine before the test fails. */
    private static final long DEADLINE_SECONDS = 30;

    private static final String SPEC =
            "# Ledger Export über SFTP\r\n\r\n**Document Status:** Draft\r\n\r\n"
                    + "## Executive Summary\r\n\r\nNightly export of the ledger.\r\n";

    private static final String TASKS =
            "# Tasks: Refund Idempotency Keys\n\n**Spec:**"
                    + " [refund keys](../spec/2026-11-09_spec_refund-idempotency-keys.md)\n\n"
                    + "- [ ] 1.1 Write the migration for `refund_keys`\n";

    private static final String TEMPLATE =
            "---\nstatus: [proposed, accepted, superseded]\ndeciders: {who}\n---\n"
                    + "# {title}\n\n## Context\n{why}\n\n## Décision\n{what}\n";

    @TempDir Path tmp;
    Path root;
    Path specs;
    Path outside;
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    SpecWatcher watcher;

    /** What the watcher said: a batch of files, or that everything must be read again. */
    record Event(Set<Path> files, boolean lost) {}

    @BeforeEach
    void project() throws IOException {
        root = tmp.resolve("project").toAbsolutePath();
        specs = root.resolve("directives").resolve("spec");
        Files.createDirectories(specs);
        write(specs.resolve("2026-11-09_spec_refund-idempotency-keys.md"), SPEC);
        outside = tmp.resolve("elsewhere").toAbsolutePath();
        Files.createDirectories(outside);
    }

    @AfterEach
    void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    private SpecWatcher.Builder builder() {
        return SpecWatcher.builder(files -> events.add(new Event(files, false)))
                .onLost(() -> events.add(new Event(Set.of(), true)))
                .onProblem(problems::add)
                .tree(specs)
                .alone(Set.of(root));
    }

    private void start() throws IOException {
        watcher = builder().start();
    }

    @Test
    void aCreatedChangedAndDeletedSpecIsReported() throws IOException, InterruptedException {
        start();
        Path added = specs.resolve("2026-12-01_spec_added.md");
        write(added, SPEC);
        awaitFiles(added);

        write(added, SPEC + "\r\n## Scope\r\n\r\nMore.\r\n");
        awaitFiles(added);

        Files.delete(added);
        awaitFiles(added);
        assertThat(problems).isEmpty();
    }

    @Test
    void aFileThatIsNeitherMarkdownNorConfigurationIsNotReported()
            throws IOException, InterruptedException {
        start();
        write(specs.resolve("notes.txt"), "not a spec\n");
        write(specs.resolve("diagram.png"), "\u0089PNG");
        List<Event> seen = untilAMarker();
        assertThat(seen)
                .flatExtracting(Event::files)
                .allMatch(p -> p.getFileName().toString().endsWith(".md"));
    }

    @Test
    void aNewFolderIsWatchedAndTheSpecsItCameWithAreReported()
            throws IOException, InterruptedException {
        start();
        Path made = specs.resolve("payments");
        Files.createDirectory(made);
        Path first = made.resolve("2026-12-02_spec_payout-batch-scheduler.md");
        write(first, SPEC);
        awaitFiles(first);
        // the folder is watched: a later save in it is seen
        Path second = made.resolve("2026-12-02_spec_payout-retries.md");
        write(second, SPEC);
        awaitFiles(second);

        // a folder copied in whole, with a subfolder: its specs come in the batch
        Path staged = outside.resolve("copied");
        writeIn(staged.resolve("deep"), "2026-12-03_spec_copied.md", SPEC);
        Path copied = specs.resolve("copied");
        Files.move(staged, copied);
        Path deep = copied.resolve("deep").resolve("2026-12-03_spec_copied.md");
        awaitFiles(deep);
        // and its subfolder is watched
        Path saved = copied.resolve("deep").resolve("2026-12-04_spec_saved-later.md");
        write(saved, SPEC);
        awaitFiles(saved);
    }

    @Test
    void aDottedFolderMovedInIsWatchedAndMovedOutIsLost() throws IOException, InterruptedException {
        start();
        Path staged = outside.resolve("v1.2");
        writeIn(staged, "2026-12-01_spec_versioned-api.md", SPEC);
        write(staged.resolve("2026-12-02_spec_versioned-ledger.md"), SPEC);

        Path in = specs.resolve("v1.2");
        Files.move(staged, in);
        awaitFiles(
                in.resolve("2026-12-01_spec_versioned-api.md"),
                in.resolve("2026-12-02_spec_versioned-ledger.md"));
        Path saved = in.resolve("2026-12-03_spec_saved-in-place.md");
        write(saved, SPEC);
        awaitFiles(saved);

        Files.move(in, staged);
        awaitLost();
        // the folder, watched no more, is not taken for its old place: a save there says nothing
        write(staged.resolve("2026-12-04_spec_saved-away.md"), SPEC);
        List<Event> seen = untilAMarker();
        assertThat(seen).flatExtracting(Event::files).noneMatch(p -> p.startsWith(in));

        // and moved back in, it is watched again
        Files.move(staged, in);
        awaitFiles(in.resolve("2026-12-04_spec_saved-away.md"));
        Path again = in.resolve("2026-12-06_spec_saved-again.md");
        write(again, SPEC);
        awaitFiles(again);
    }

    @Test
    void aRenamedFolderIsLostWhateverItsName() throws IOException, InterruptedException {
        Path dotted = specs.resolve("v1.2");
        writeIn(dotted, "2026-12-01_spec_versioned-api.md", SPEC);
        start();

        Path renamed = specs.resolve("v1.3");
        Files.move(dotted, renamed);
        awaitLost();
        Path saved = renamed.resolve("2026-12-02_spec_saved-after-rename.md");
        write(saved, SPEC);
        awaitFiles(saved);
    }

    @Test
    void aFolderAboveTheWatchedOnesMovedAwayIsLost() throws IOException, InterruptedException {
        start();
        Files.move(root.resolve("directives"), root.resolve("directives-old"));
        awaitLost();
    }

    @Test
    void aDeletedSpecFolderIsLost() throws IOException, InterruptedException {
        Path folder = specs.resolve("v2.0");
        Path spec = writeIn(folder, "2026-12-01_spec_gone.md", SPEC);
        start();

        Files.delete(spec);
        Files.delete(folder);
        awaitLost();
    }

    @Test
    void theConfigurationAndTheNamedFilesAreReported() throws IOException, InterruptedException {
        Path templates = tmp.resolve("templates");
        Path template = writeIn(templates, "house-template.markdown", "# Template\n");
        watcher = builder().file(template).start();

        Path config = root.resolve(".specgate.yml");
        write(config, "version: 1\ntemplate: ../templates/house-template.markdown\n");
        awaitFiles(config);
        assertThat(SpecWatcher.isConfiguration(config)).isTrue();

        write(template, "# Template\n\n## Executive Summary\n");
        awaitFiles(template);

        // the folder that holds the template is watched alone: another (non-Markdown) file there
        // says
        // nothing
        write(templates.resolve("other.txt"), "# Other\n");
        List<Event> seen = untilAMarker();
        assertThat(seen)
                .flatExtracting(Event::files)
                .doesNotContain(templates.resolve("other.txt"));
    }

    @Test
    void aFolderMadeInAFolderWatchedAloneIsWatchedOnlyWhereDiscoveryLooks()
            throws IOException, InterruptedException {
        start();
        // the project root is watched alone: discovery finds no spec in a notes folder there
        Path notes = root.resolve("meeting-notes");
        Files.createDirectory(notes);
        write(notes.resolve("2026-12-01_spec_retro.md"), SPEC);
        Path deeper = writeIn(notes.resolve("2026"), "2026-12-02_spec_planning.md", SPEC);
        write(deeper, SPEC + "\r\n## Scope\r\n\r\nMore.\r\n");
        // but it looks in directives/tasks, which came beside directives/spec
        Path tasks = root.resolve("directives").resolve("tasks");
        Files.createDirectory(tasks);
        Path taskList = tasks.resolve("2026-12-03_task_refund-idempotency-keys.md");
        write(taskList, TASKS);
        List<Event> seen = new ArrayList<>(awaitFiles(taskList));
        seen.addAll(untilAMarker());
        assertThat(seen).flatExtracting(Event::files).noneMatch(p -> p.startsWith(notes));
        assertThat(seen).noneMatch(Event::lost);
        // and the tasks folder is watched with what comes below it
        Path later = writeIn(tasks.resolve("q1"), "2027-01-04_task_payout-retries.md", TASKS);
        awaitFiles(later);
    }

    @Test
    void aTemplateSwitchedInTheConfigurationIsFollowed() throws IOException, InterruptedException {
        Path config = root.resolve(".specgate.yml");
        Path house = writeIn(root.resolve("templates"), "house-template.md", TEMPLATE);
        write(config, "version: 1\r\ntemplate: templates/house-template.md\r\n");
        // a template of the whole company, outside the project: no folder watched holds it
        Path company = writeIn(tmp.resolve("company-templates"), "adr-2027.md", TEMPLATE);
        watcher = builder().project(() -> project(root)).start();

        // the configured template is reported, though the root is watched alone
        write(house, TEMPLATE + "\n## Consequences\n{what follows}\n");
        awaitFiles(house);

        write(config, "version: 1\r\ntemplate: ../company-templates/adr-2027.md\r\n");
        awaitFiles(config);
        // the switched-to template is followed from now on
        awaitReportedWhileWriting(company, TEMPLATE + "\n## Alternatives\n{others}\n");
        assertThat(problems).isEmpty();
    }

    @Test
    void theFolderOfATemplateSwitchedAwayFromIsWatchedNoMore()
            throws IOException, InterruptedException {
        Path config = root.resolve(".specgate.yml");
        Path house = writeIn(root.resolve("templates"), "house-template.md", TEMPLATE);
        write(config, "\uFEFFversion: 1\r\ntemplate: templates/house-template.md\r\n");
        Path company = writeIn(tmp.resolve("company-templates"), "adr-2027.md", TEMPLATE);
        watcher = builder().project(() -> project(root)).start();
        write(house, TEMPLATE + "\n## Consequences\n{what follows}\n");
        awaitFiles(house);

        write(config, "\uFEFFversion: 1\r\ntemplate: ../company-templates/adr-2027.md\r\n");
        awaitFiles(config);
        awaitReportedWhileWriting(company, TEMPLATE + "\n## Alternatives\n{others}\n");

        // the old template and a new Markdown file beside it: nobody's template, in no folder
        // discovery searches, so neither asks for a check again
        write(house, TEMPLATE + "\n## Risques\n{quoi}\n");
        write(root.resolve("templates").resolve("house-template-v2.md"), TEMPLATE);
        List<Event> seen = untilAMarker();
        assertThat(seen)
                .flatExtracting(Event::files)
                .noneMatch(p -> p.startsWith(root.resolve("templates")));
        assertThat(seen).noneMatch(Event::lost);

        // switched back, it is followed again
        write(config, "\uFEFFversion: 1\r\ntemplate: templates/house-template.md\r\n");
        awaitFiles(config);
        awaitReportedWhileWriting(house, TEMPLATE + "\n## Consequences\n{again}\n");
        assertThat(problems).isEmpty();
    }

    @Test
    void aProjectThatCouldNotBeOpenedIsAskedAgainUntilItOpens()
            throws IOException, InterruptedException {
        // as when the configuration or the template is read while an editor writes it: the
        // template's folder is not watched yet, so no event would ever ask again
        write(
                root.resolve(".specgate.yml"),
                "version: 1\ntemplate: ../company-templates/adr-2027.md\n");
        Path company = writeIn(tmp.resolve("company-templates"), "adr-2027.md", TEMPLATE);
        java.util.concurrent.atomic.AtomicInteger asked =
                new java.util.concurrent.atomic.AtomicInteger();
        watcher =
                builder()
                        .project(
                                () ->
                                        asked.incrementAndGet() <= 3
                                                ? Optional.empty()
                                                : project(root))
                        .start();

        awaitReportedWhileWriting(company, TEMPLATE + "\n## Alternatives\n{others}\n");
        assertThat(asked.get()).isGreaterThan(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void aFolderGivenToWatchIsKeptWhenTheTemplateInItIsSwitchedAway()
            throws IOException, InterruptedException {
        Path config = root.resolve(".specgate.yml");
        Path shared = tmp.resolve("team-templates").toAbsolutePath();
        Path house = writeIn(shared, "house-template.md", TEMPLATE);
        write(config, "version: 1\ntemplate: ../team-templates/house-template.md\n");
        Path company = writeIn(tmp.resolve("company-templates"), "adr-2027.md", TEMPLATE);
        watcher = builder().alone(Set.of(shared)).project(() -> project(root)).start();

        write(config, "version: 1\ntemplate: ../company-templates/adr-2027.md\n");
        awaitFiles(config);
        awaitReportedWhileWriting(company, TEMPLATE + "\n## Alternatives\n{others}\n");

        // the folder was given to watch alone: its Markdown files are still reported
        write(house, TEMPLATE + "\n## Risks\n{what}\n");
        awaitFiles(house);
    }

    @Test
    void aChangedMetadataFileIsReportedAsTheSpecsBesideIt()
            throws IOException, InterruptedException {
        write(root.resolve(".specgate.yml"), "version: 1\nmetadata:\n  sidecar: review.yaml\n");
        Path sidecar = specs.resolve("review.yaml");
        write(sidecar, "Document Status: Review\nReviewer: Ana Ruiz\n");
        Path spec = specs.resolve("2026-11-09_spec_refund-idempotency-keys.md");
        watcher = builder().project(() -> project(root)).start();

        // the approval and status kept beside the spec: the spec is checked again
        write(
                sidecar,
                "Document Status: Approved\nReviewer: Ana Ruiz\n"
                        + "Approval: \"2026-12-01 by Ana Ruiz, sha256:424ca0ea19a4\"\n");
        List<Event> seen = awaitFiles(spec);
        assertThat(seen).flatExtracting(Event::files).doesNotContain(sidecar);

        untilAMarker(); // whatever else came of that save
        // another YAML file there is nobody's metadata
        write(specs.resolve("openapi.yaml"), "openapi: 3.1.0\n");
        assertThat(untilAMarker()).flatExtracting(Event::files).doesNotContain(spec);
    }

    @Test
    void foldersTheConfigurationIgnoresWholeAreNotWatchedUntilItLetsThemIn()
            throws IOException, InterruptedException {
        Path config = root.resolve(".specgate.yml");
        write(config, "version: 1\nignore:\n  - \"**/archive/\"\n");
        Path archived = writeIn(specs.resolve("archive"), "2025-01-02_spec_old-ledger.md", SPEC);
        watcher = builder().project(() -> project(root)).start();

        write(archived, SPEC + "\r\n## Notes\r\n\r\nKept for the audit.\r\n");
        // a folder that comes with an ignored one inside: the ignored one is left out too
        Path payments = specs.resolve("payments");
        Path later = writeIn(payments.resolve("archive"), "2025-02-03_spec_old-payouts.md", SPEC);
        Path kept = writeIn(payments, "2026-12-05_spec_payout-retries.md", SPEC);
        List<Event> seen = new ArrayList<>(awaitFiles(kept));
        write(later, SPEC + "\r\n## Notes\r\n\r\nSuperseded.\r\n");
        seen.addAll(untilAMarker());
        assertThat(seen)
                .flatExtracting(Event::files)
                .noneMatch(p -> p.getParent().getFileName().toString().equals("archive"));

        // the configuration lets them in: watched from then on
        write(config, "version: 1\n");
        awaitFiles(config);
        awaitReportedWhileWriting(archived, SPEC);
        awaitReportedWhileWriting(later, SPEC);
    }

    @Test
    void foldersDiscoverySkipsAreNotWatched() throws IOException, InterruptedException {
        Path built = specs.resolve("target");
        Files.createDirectories(built);
        start();
        write(built.resolve("2026-12-01_spec_generated.md"), SPEC);
        Path modules = specs.resolve("node_modules");
        writeIn(modules, "README.md", "# A dependency\n");
        List<Event> seen = untilAMarker();
        assertThat(seen)
                .flatExtracting(Event::files)
                .noneMatch(p -> p.startsWith(built) || p.startsWith(modules));
        assertThat(seen).noneMatch(Event::lost);
    }

    @Test
    void eventsLostWhileAListenerWorksAreReportedAsLost() throws IOException, InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        watcher =
                SpecWatcher.builder(
                                files -> {
                                    busy.countDown();
                                    try {
                                        release.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    events.add(new Event(files, false));
                                })
                        .onLost(() -> events.add(new Event(Set.of(), true)))
                        .tree(specs)
                        .start();
        write(specs.resolve("2026-12-01_spec_first.md"), SPEC);
        assertThat(busy.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("first batch").isTrue();
        // while the listener works, far more entries appear than the system keeps for one folder
        for (int i = 0; i < 2000; i++) {
            Files.createFile(specs.resolve("x" + i + ".txt"));
        }
        release.countDown();
        awaitLost();
    }

    @Test
    void aListenerThatFailsDoesNotEndTheWatching() throws IOException, InterruptedException {
        boolean[] failed = {false};
        watcher =
                SpecWatcher.builder(
                                files -> {
                                    if (!failed[0]) {
                                        failed[0] = true;
                                        throw new IllegalStateException("listener broke");
                                    }
                                    events.add(new Event(files, false));
                                })
                        .onProblem(problems::add)
                        .tree(specs)
                        .start();
        write(specs.resolve("2026-12-01_spec_first.md"), SPEC);
        awaitTrue(() -> problems.stream().anyMatch(p -> p.contains("listener broke")));
        Path second = specs.resolve("2026-12-02_spec_second.md");
        write(second, SPEC);
        awaitFiles(second);
    }

    @Test
    void aListenersFailureIsToldInOneLine() throws IOException, InterruptedException {
        watcher =
                SpecWatcher.builder(
                                files -> {
                                    throw new IllegalStateException(
                                            "listener broke\r\n  reading " + files.size());
                                })
                        .onProblem(problems::add)
                        .tree(specs)
                        .start();
        write(specs.resolve("2026-12-01_spec_first.md"), SPEC);
        awaitTrue(() -> problems.stream().anyMatch(p -> p.contains("listener broke")));
        assertThat(problems)
                .allSatisfy(p -> assertThat(p).doesNotContain("\n").doesNotContain("\r"))
                .anySatisfy(p -> assertThat(p).contains("listener broke reading 1"));
    }

    @Test
    void aFolderThatDoesNotExistIsLeftAndNothingIsNull() throws IOException {
        watcher = SpecWatcher.builder(files -> {}).tree(tmp.resolve("no-such-folder")).start();
        assertThatThrownBy(() -> SpecWatcher.builder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("onChange must not be null");
        assertThatThrownBy(() -> SpecWatcher.builder(files -> {}).tree(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("folder must not be null");
    }

    // ---- helpers

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes {@code name} in {@code folder}, made first if need be; returns the file. */
    private static Path writeIn(Path folder, String name, String text) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        write(file, text);
        return file;
    }

    /**
     * Waits for batches until the files have all been reported (lost events do not count); returns
     * every event seen meanwhile.
     */
    private List<Event> awaitFiles(Path... files) throws InterruptedException {
        Set<Path> wanted = new java.util.HashSet<>(List.of(files));
        return await(
                e -> {
                    wanted.removeAll(e.files());
                    return wanted.isEmpty();
                },
                "batches with " + wanted);
    }

    /**
     * Writes a spec in the watched folder and waits for it to be reported; returns every event seen
     * meanwhile, which holds whatever came of the changes made before.
     */
    private List<Event> untilAMarker() throws IOException, InterruptedException {
        Path marker = specs.resolve("2026-12-31_spec_marker.md");
        write(marker, SPEC);
        return awaitFiles(marker);
    }

    /**
     * Writes {@code file} again and again (a new line each time) until a batch reports it: what a
     * watcher starts following after a batch it has reported (a template named anew) is followed a
     * moment later, which no event tells the test.
     */
    private void awaitReportedWhileWriting(Path file, String text)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        List<Event> seen = new ArrayList<>();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            write(file, text + "<!-- save " + i + " -->\n");
            Event e = events.poll(500, TimeUnit.MILLISECONDS);
            while (e != null) {
                seen.add(e);
                if (e.files().contains(file)) {
                    return;
                }
                e = events.poll(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError(file + " not reported within " + DEADLINE_SECONDS + " s: " + seen);
    }

    /** The project of {@code root} as its configuration says now, as a server opens it. */
    private static Optional<SpecProject> project(Path root) {
        try {
            return Optional.of(SpecProject.open(root, ConfigChoice.nearest()));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    private List<Event> awaitLost() throws InterruptedException {
        return await(Event::lost, "lost events");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + DEADLINE_SECONDS + " s");
            }
            Thread.sleep(20);
        }
    }

    private List<Event> await(Predicate<Event> done, String what) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError(
                        "no " + what + " within " + DEADLINE_SECONDS + " s; seen: " + seen);
            }
            seen.add(e);
            if (done.test(e)) {
                return seen;
            }
        }
    }
}
