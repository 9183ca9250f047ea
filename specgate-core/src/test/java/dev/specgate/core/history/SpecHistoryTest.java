package dev.specgate.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history {@code specgate history} reads ({@link SpecHistory#moves}: statuses and approvals
 * from the paragraphs that hold them, trees compared raw) gives the rows the whole parse of every
 * version gives ({@link SpecHistory#read}), over a real git repository written by a seeded random
 * run of commits: five authors, status moves by the lifecycle and by hand (odd case, emphasis),
 * approvals recorded and then made stale, ticked boxes, edited lines, renames, CR LF line endings,
 * a status in front matter, a fake status line in fenced code before the real one, a block-quoted
 * status (read by the whole parse), other Markdown files changing beside the specs.
 */
class SpecHistoryTest {

    private static final long SEED = 20261205L;
    private static final String[] AUTHORS = {
        "Ana Ruiz", "Priya Raman", "Tomasz Nowak", "Sam Okafor", "Kenji Watanabe"
    };
    private static final String[] STATUSES = {"Draft", "Review", "Approved", "Implementation"};
    private static final Pattern STATUS =
            Pattern.compile("(?m)^(>? ?\\*\\*Document Status:\\*\\* |Document Status: )(\\S+)");

    @TempDir Path dir;

    private final SpecParser parser = new SpecParser();
    private final Approvals approvals = Approvals.standard();

    @Test
    void theMovesReadFromTheStatusParagraphsAreTheMovesOfTheWholeParse() throws Exception {
        Random random = new Random(SEED);
        List<Path> specs = writeSpecs();
        Path docs = dir.resolve("docs/notes.md");
        Files.createDirectories(docs.getParent());
        Files.writeString(docs, "# Notes\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, 0, "Add the specs");
            for (int n = 1; n <= 150; n++) {
                int i = random.nextInt(specs.size());
                Path spec = specs.get(i);
                String text = Files.readString(spec, StandardCharsets.UTF_8);
                switch (random.nextInt(7)) {
                    case 0, 1 -> text = move(text, random);
                    case 2 -> text = approve(text, n);
                    case 3 -> text = text.replaceFirst("- \\[ \\]", "- [x]");
                    case 4 ->
                            text = text.replace("## Problem Analysis", "## Problem Analysis " + n);
                    case 5 -> {
                        Path renamed =
                                spec.resolveSibling(
                                        spec.getFileName()
                                                .toString()
                                                .replace(".md", "-r" + n + ".md"));
                        Files.move(spec, renamed);
                        specs.set(i, renamed);
                        spec = renamed;
                        text = text.replace("## Executive Summary", "## Executive Summary\n");
                    }
                    default -> Files.writeString(docs, "# Notes\n\nCommit " + n + ".\n");
                }
                Files.writeString(spec, text, StandardCharsets.UTF_8);
                commit(git, n, "Change " + n);
            }
        }
        try (GitRevisions git = GitRevisions.open(dir)) {
            List<String> paths = specs.stream().map(git::relative).toList();
            assertThat(git.revisions(paths, true)).isEqualTo(git.revisions(paths, false));
        }

        SpecHistory history = SpecProject.builtin().history();
        List<SpecTimeline> whole = history.read(specs, true);
        List<SpecMoves> moves = history.moves(specs, true);
        assertThat(moves).hasSameSizeAs(whole);
        int renamed = 0;
        int approved = 0;
        int judged = 0;
        for (int t = 0; t < whole.size(); t++) {
            SpecTimeline a = whole.get(t);
            SpecMoves b = moves.get(t);
            assertThat(rows(b.changes())).as(a.path()).isEqualTo(rows(a.changes()));
            assertThat(b.versions()).hasSameSizeAs(a.versions());
            for (int v = 0; v < a.versions().size(); v++) {
                SpecVersion x = a.versions().get(v);
                HistoryVersion y = b.versions().get(v);
                assertThat(List.of(y.revision(), y.status(), y.approval()))
                        .isEqualTo(List.of(x.revision(), x.status(), x.approval()));
                if (y instanceof SpecVersion read) {
                    assertThat(read.content()).isEqualTo(x.content());
                }
                renamed += x.revision().path().equals(a.path()) ? 0 : 1;
                assertThat(x.status().orElse("")).isNotEqualTo("Fake");
            }
            for (StatusChange c : b.changes()) {
                assertThat(c.version() instanceof SpecVersion).isEqualTo(c.statusChanged());
                judged += c.audit().isPresent() ? 1 : 0;
                approved += c.approvalChanged() && c.approvalAfter().isPresent() ? 1 : 0;
            }
        }
        assertThat(renamed).as("versions under an older name").isPositive();
        assertThat(approved).as("approvals recorded").isPositive();
        assertThat(judged).as("moves judged").isPositive();
        assertThat(history.moves(specs, false).get(0).changes())
                .allSatisfy(c -> assertThat(c.audit()).isEmpty());

        // the dashboard's reading: the same versions, changes and checklist counts as the whole
        // parse, without approval validity or fingerprint
        List<SpecTimeline> unjudged = history.read(specs, false);
        // read whole with an audit (status paragraphs first, each version parsed once after)
        // gives every version as read whole without one, and the same changes
        for (int t = 0; t < unjudged.size(); t++) {
            assertThat(whole.get(t).versions()).isEqualTo(unjudged.get(t).versions());
            assertThat(whole.get(t).changes().stream().map(c -> c.version()).toList())
                    .isEqualTo(unjudged.get(t).changes().stream().map(c -> c.version()).toList());
            assertThat(rows(whole.get(t).changes())).hasSameSizeAs(rows(unjudged.get(t).changes()));
        }
        List<SpecMoves> checklists = history.checklists(specs);
        assertThat(checklists).hasSameSizeAs(unjudged);
        int ticked = 0;
        for (int t = 0; t < unjudged.size(); t++) {
            SpecTimeline a = unjudged.get(t);
            SpecMoves b = checklists.get(t);
            assertThat(rows(b.changes())).as(a.path()).isEqualTo(rows(a.changes()));
            assertThat(b.approvalCommit().map(HistoryVersion::revision))
                    .isEqualTo(a.approvalCommit().map(HistoryVersion::revision));
            assertThat(b.versions()).hasSameSizeAs(a.versions());
            for (int v = 0; v < a.versions().size(); v++) {
                SpecVersion x = a.versions().get(v);
                ChecklistVersion y = (ChecklistVersion) b.versions().get(v);
                assertThat(List.of(y.revision(), y.status(), y.approval(), y.checked(), y.total()))
                        .isEqualTo(
                                List.of(
                                        x.revision(),
                                        x.status(),
                                        x.approval(),
                                        x.checked(),
                                        x.total()));
                ticked += v > 0 && x.checked() != a.versions().get(v - 1).checked() ? 1 : 0;
            }
            for (StatusChange c : b.changes()) {
                assertThat(c.handMoveToApproved().isEmpty())
                        .as("a hand move to Approved cannot be told without validity")
                        .isEqualTo(
                                c.statusChanged()
                                        && c.to().filter("Approved"::equalsIgnoreCase).isPresent());
            }
        }
        assertThat(ticked).as("boxes ticked between versions").isPositive();
    }

    /** Every change as the command shows it: commit, author, path, from, to, approvals, audit. */
    private static List<String> rows(List<StatusChange> changes) {
        List<String> rows = new ArrayList<>();
        for (StatusChange c : changes) {
            var r = c.version().revision();
            rows.add(
                    String.join(
                            " | ",
                            r.commit(),
                            r.time().toString(),
                            r.author(),
                            r.path(),
                            c.from().orElse("-"),
                            c.to().orElse("-"),
                            c.approvalBefore().map(ApprovalRecord::value).orElse("-"),
                            c.approvalAfter().map(ApprovalRecord::value).orElse("-"),
                            c.audit().map(Object::toString).orElse("-"),
                            c.audit().isPresent() ? String.valueOf(c.handMoveToApproved()) : "-"));
        }
        return rows;
    }

    @Test
    void aHandMoveToApprovedIsToldOnlyOfVersionsReadWhole() throws Exception {
        // a spec moved to Approved by hand (no approval recorded), with CR LF line ends
        Path spec = writeSpecs().get(0);
        String text = Files.readString(spec).replace("\n", "\r\n");
        Files.writeString(spec, text);
        assertThat(text).containsPattern("\\*\\*Document Status:\\*\\* Review");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, 0, "Add the specs");
            Files.writeString(
                    spec,
                    text.replaceFirst(
                            "\\*\\*Document Status:\\*\\* Review",
                            "**Document Status:** Approved"));
            commit(git, 1, "Approve by hand");
        }
        SpecHistory history = SpecProject.builtin().history();

        // read from the fields alone, the versions cannot tell whether the approval is valid
        SpecMoves fields = history.moves(List.of(spec), false).get(0);
        assertThat(fields.versions()).hasSize(2).allMatch(v -> v instanceof FieldsVersion);
        StatusChange moved = fields.changes().get(fields.changes().size() - 1);
        assertThat(moved.to()).contains("Approved");
        assertThat(moved.handMoveToApproved()).isEmpty();
        assertThat(fields.changes().get(0).handMoveToApproved()).contains(false);

        // judged by an audit, or read whole, they can
        SpecMoves audited = history.moves(List.of(spec), true).get(0);
        StatusChange judged = audited.changes().get(audited.changes().size() - 1);
        assertThat(judged.version()).isInstanceOf(SpecVersion.class);
        assertThat(judged.handMoveToApproved()).contains(true);
        SpecTimeline whole = history.read(List.of(spec), false).get(0);
        assertThat(whole.changes().get(whole.changes().size() - 1).handMoveToApproved())
                .contains(true);
        assertThat(whole.versions())
                .extracting(SpecVersion::checked, SpecVersion::total)
                .hasSize(2)
                .allSatisfy(counts -> assertThat((int) counts.toList().get(1)).isPositive());
    }

    private List<Path> writeSpecs() throws IOException {
        Path from = Path.of("src/test/resources/clean/directives/spec");
        List<Path> sources;
        try (Stream<Path> s = Files.list(from)) {
            sources = s.sorted().toList();
        }
        Path out = dir.resolve("directives/spec");
        Files.createDirectories(out.resolve("team"));
        List<Path> specs = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Path src = sources.get(k % sources.size());
            String text = Files.readString(src, StandardCharsets.UTF_8);
            String name = src.getFileName().toString().replace(".md", "-" + k + ".md");
            switch (k) {
                case 1 -> text = text.replace("\n", "\r\n");
                case 2 ->
                        text =
                                "---\nDocument Status: Draft\nowner: platform\n---\n"
                                        + text.replaceFirst("\\*\\*Document Status:\\*\\* ", "");
                case 3 ->
                        text =
                                text.replaceFirst(
                                        "\n---\n",
                                        "\n```markdown\n**Document Status:** Fake\n\n```\n\n---\n");
                case 4 ->
                        text =
                                text.replaceFirst(
                                        "\\*\\*Document Status:\\*\\*", "> **Document Status:**");
                default -> {}
            }
            Path spec = (k == 5 ? out.resolve("team") : out).resolve(name);
            Files.writeString(spec, text, StandardCharsets.UTF_8);
            specs.add(spec);
        }
        return specs;
    }

    /** The next status, now and then written by hand: odd case or emphasis. */
    private static String move(String text, Random random) {
        Matcher m = STATUS.matcher(text);
        if (!m.find()) {
            return text;
        }
        String now = m.group(2).replace("*", "").toLowerCase(Locale.ROOT);
        int at = 0;
        for (int s = 0; s < STATUSES.length; s++) {
            if (STATUSES[s].toLowerCase(Locale.ROOT).equals(now)) {
                at = s;
            }
        }
        String next = STATUSES[(at + 1) % STATUSES.length];
        next =
                switch (random.nextInt(4)) {
                    case 0 -> next.toLowerCase(Locale.ROOT);
                    case 1 -> "*" + next + "*";
                    default -> next;
                };
        return text.substring(0, m.start(2)) + next + text.substring(m.end(2));
    }

    /** Records (or replaces) an approval of the text as it is. */
    private String approve(String text, int n) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String without = text.replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\R", "");
        ApprovalRecord record =
                ApprovalRecord.of(
                        LocalDate.of(2026, 1, 1).plusDays(n),
                        AUTHORS[n % AUTHORS.length],
                        approvals.fingerprint(without, parser.parse(without)));
        int at = without.indexOf("**Last Updated:**");
        if (at < 0) {
            return without;
        }
        int end = without.indexOf(nl, at) + nl.length();
        return without.substring(0, end)
                + "**Approval:** "
                + record.value()
                + nl
                + without.substring(end);
    }

    private static void commit(Git git, int n, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        String author = AUTHORS[(n / 3) % AUTHORS.length];
        PersonIdent who =
                new PersonIdent(
                        author,
                        author.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com",
                        Instant.parse("2026-01-01T10:00:00Z").plusSeconds(3600L * n),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
    }

    @Test
    void aNewestVersionLeftToTheCallerReadsAsItsCommittedVersion() throws Exception {
        List<Path> specs = writeSpecs();
        Path attributes = dir.resolve(".gitattributes");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, 0, "Add the specs");
            for (int i = 0; i < 3; i++) {
                Path spec = specs.get(i);
                String text = Files.readString(spec, StandardCharsets.UTF_8);
                text =
                        switch (i) {
                            case 0 -> move(text, new Random(SEED));
                            case 1 -> text.replaceFirst("- \\[ \\]", "- [x]");
                            default -> approve(text, 7);
                        };
                Files.writeString(spec, text, StandardCharsets.UTF_8);
            }
            // written well before the index, so that no entry is racily clean
            for (Path spec : specs) {
                Files.setLastModifiedTime(
                        spec,
                        java.nio.file.attribute.FileTime.from(
                                Instant.parse("2026-01-01T00:00:00Z")));
            }
            commit(git, 1, "Move, tick, approve");
            // an edit not committed, and one staged but not committed
            Files.writeString(
                    specs.get(3),
                    Files.readString(specs.get(3), StandardCharsets.UTF_8)
                            .replace("- [ ]", "- [x]"),
                    StandardCharsets.UTF_8);
            Path staged = specs.get(4);
            Files.writeString(
                    staged,
                    move(Files.readString(staged, StandardCharsets.UTF_8), new Random(SEED)),
                    StandardCharsets.UTF_8);
            git.add().addFilepattern(dir.relativize(staged).toString()).call();
        }
        SpecHistory history = SpecProject.builtin().history();
        List<SpecMoves> read = history.checklists(specs);
        SpecHistory.Unfinished unfinished = history.checklistsAfter(specs);
        assertThat(unfinished.waiting())
                .as("the working files git's index calls unchanged")
                .containsExactlyInAnyOrder(specs.get(0), specs.get(1), specs.get(2), specs.get(5));
        // the last one is edited after the index was compared with it: its committed version is
        // read from git, not from the text the caller read
        Path late = specs.get(5);
        Files.writeString(
                late,
                Files.readString(late, StandardCharsets.UTF_8).replace("- [ ]", "- [x]"),
                StandardCharsets.UTF_8);
        for (int i = 0; i < specs.size(); i++) {
            Path spec = specs.get(i);
            String text = Files.readString(spec, StandardCharsets.UTF_8).replace("\uFEFF", "");
            SpecMoves finished = unfinished.finish(spec, text, parser.parse(text));
            SpecMoves expected = read.get(i);
            assertThat(finished.versions()).as(expected.path()).isEqualTo(expected.versions());
            assertThat(rows(finished.changes())).isEqualTo(rows(expected.changes()));
            assertThat(finished.approvalCommit()).isEqualTo(expected.approvalCommit());
        }
        assertThat(read.get(2).approvalCommit()).as("an approval committed").isPresent();
        assertThat(read.get(0).changes()).as("a move committed").hasSizeGreaterThan(1);

        // attributes that convert no spec's bytes leave every working file to the caller
        java.util.Set<Path> unchanged = Set.copyOf(history.checklistsAfter(specs).waiting());
        assertThat(unchanged).isNotEmpty();
        Files.writeString(
                attributes,
                "*.md diff=markdown linguist-documentation\n*.png binary\n*.pdf -text\n");
        assertThat(history.checklistsAfter(specs).waiting()).isEqualTo(unchanged);
        // a filter (Git LFS) on one spec: that one is read from git, the others still wait
        String lfs = specs.get(0).getFileName().toString();
        Files.writeString(
                attributes,
                "*.md diff=markdown\n" + lfs + " filter=lfs diff=lfs merge=lfs -text\n");
        assertThat(history.checklistsAfter(specs).waiting())
                .isEqualTo(
                        unchanged.stream()
                                .filter(f -> !f.equals(specs.get(0)))
                                .collect(java.util.stream.Collectors.toSet()))
                .hasSize(unchanged.size() - 1);
        // line ending conversions leave waiting the files that hold their blobs' bytes: these
        // were written and added before any attributes, and not checked out again
        for (String eol : List.of("*.md text eol=crlf\n", "* text=auto\n")) {
            Files.writeString(attributes, eol);
            assertThat(history.checklistsAfter(specs).waiting()).as(eol).isEqualTo(unchanged);
        }
        // where attributes may change a blob's bytes and keep its size, none waits
        for (String converting : List.of("*.md working-tree-encoding=UTF-16\n", "*.md ident\n")) {
            Files.writeString(attributes, converting);
            assertThat(history.checklistsAfter(specs).waiting()).as(converting).isEmpty();
        }
    }

    @Test
    void lineEndingsGitConvertsLeaveWaitingTheFilesThatHoldTheirBlobsBytes() throws Exception {
        // specs 1, 2 and 5 written with CRLF (a BOM too, front matter with LF), the others LF
        List<Path> specs = writeSpecs();
        List<Path> crlf = List.of(specs.get(1), specs.get(2), specs.get(5));
        Files.writeString(dir.resolve(".gitattributes"), "* text=auto\n");
        for (Path spec : specs) {
            aged(spec);
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, 0, "Add the specs, line endings normalised to LF in their blobs");
        }
        SpecHistory history = SpecProject.builtin().history();
        // the common first line of a .gitattributes: a spec committed with LF and checked out
        // where core.eol is LF holds its blob's bytes; those with CRLF, added as LF, do not
        assertThat(history.checklistsAfter(specs).waiting())
                .as("* text=auto")
                .containsExactlyInAnyOrder(specs.get(0), specs.get(3), specs.get(4));
        assertThat(crlf).allSatisfy(f -> assertThat(Files.readString(f)).contains("\r\n"));
        assertFinishedAsRead(history, specs);

        // core.autocrlf=true (git on Windows): a spec checked out again gets CRLF, its blob LF
        Files.delete(dir.resolve(".gitattributes"));
        Path checkedOut = specs.get(0);
        String rel = dir.relativize(checkedOut).toString().replace('\\', '/');
        try (Git git = Git.open(dir.toFile())) {
            org.eclipse.jgit.lib.StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("core", null, "autocrlf", true);
            config.save();
            Files.delete(checkedOut);
            git.checkout().addPath(rel).call();
            // its index entry recorded again well after the file's time stamp (not racily clean)
            aged(checkedOut);
            git.add().addFilepattern(rel).call();
        }
        assertThat(Files.readString(checkedOut, StandardCharsets.UTF_8)).contains("\r\n");
        assertThat(history.checklistsAfter(specs).waiting())
                .as("core.autocrlf=true")
                .containsExactlyInAnyOrder(specs.get(3), specs.get(4));
        assertFinishedAsRead(history, specs);

        // the same conversion set where JGit does not read it (the system's gitconfig, where Git
        // for Windows sets core.autocrlf): the sizes still tell
        try (Git git = Git.open(dir.toFile())) {
            org.eclipse.jgit.lib.StoredConfig config = git.getRepository().getConfig();
            config.unset("core", null, "autocrlf");
            config.save();
        }
        assertThat(history.checklistsAfter(specs).waiting())
                .as("core.autocrlf=true where JGit does not look")
                .containsExactlyInAnyOrder(specs.get(3), specs.get(4));
    }

    /** Sets {@code file}'s time stamp well before any index written after it. */
    private static void aged(Path file) throws IOException {
        Files.setLastModifiedTime(
                file, java.nio.file.attribute.FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** Each spec's timeline, finished from its working file's text, is the one read from git. */
    private void assertFinishedAsRead(SpecHistory history, List<Path> specs) throws Exception {
        List<SpecMoves> read = history.checklists(specs);
        SpecHistory.Unfinished unfinished = history.checklistsAfter(specs);
        for (int i = 0; i < specs.size(); i++) {
            Path spec = specs.get(i);
            String text = Files.readString(spec, StandardCharsets.UTF_8).replace("\uFEFF", "");
            SpecMoves finished = unfinished.finish(spec, text, parser.parse(text));
            assertThat(finished.versions()).as(spec.toString()).isEqualTo(read.get(i).versions());
        }
    }

    @Test
    void aContentThatCannotBeReadIsAHistoryErrorNamingTheFile() throws Exception {
        // enough versions that the parallel reading of a batch runs on more than one thread
        Path source = writeSpecs().get(0);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        List<Path> specs = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            Path spec = source.resolveSibling("copy-" + k + ".md");
            Files.writeString(spec, text + "\nCopy " + k + ".\n", StandardCharsets.UTF_8);
            specs.add(spec);
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, 0, "Add the specs");
            String lost = dir.relativize(specs.get(23)).toString().replace('\\', '/');
            String blob = git.getRepository().resolve("HEAD:" + lost).name();
            // the loose object of that version gone (the commit and its tree still there)
            Files.delete(
                    dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

            SpecHistory history = SpecProject.builtin().history();

            assertThatThrownBy(() -> history.checklists(specs))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageContaining("cannot read " + lost);

            // the overview of serve: that spec named with the cause, every other one read
            SpecHistory.Unfinished read = history.readableChecklists(specs);
            assertThat(read.unreadable()).containsOnlyKeys(specs.get(23));
            assertThat(read.unreadable().get(specs.get(23))).startsWith("cannot read " + lost);
            assertThat(read.read()).hasSize(39);
            // site's: its one version is the working file's, left for the page's check; read
            // from git, it fails naming the file
            SpecHistory.Unfinished after = history.checklistsAfter(specs);
            assertThat(after.unreadable()).isEmpty();
            assertThat(after.waits(specs.get(23))).isTrue();
            assertThatThrownBy(() -> after.finish(specs.get(23)))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageContaining("cannot read " + lost);
            // a spec outside the repository is named too, not a failure of them all
            Path outside = Files.createTempFile("outside", ".md");
            try {
                List<Path> withOutside = new ArrayList<>(specs);
                withOutside.add(outside);
                assertThat(history.readableChecklists(withOutside).unreadable().get(outside))
                        .startsWith(outside + " is outside the git repository at ");
            } finally {
                Files.delete(outside);
            }
        }
    }

    @Test
    void theCommitsWhoseStatusCannotBeReadAreToldWithWhy() throws Exception {
        // a status written as a list item under bold lines, then removed, then not a status, then
        // read: each of the first three is unread, with why; the moves read still read
        Path spec = writeSpecs().get(0);
        String text = Files.readString(spec).replace("\n", "\r\n");
        Matcher status = STATUS.matcher(text);
        assertThat(status.find()).isTrue();
        String line = status.group();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(spec, text.replace(line, "- Document Status: Review"));
            commit(git, 0, "Add the spec with list metadata");
            Files.writeString(spec, text.replace(line + "\r\n", ""));
            commit(git, 1, "Remove the status");
            Files.writeString(spec, text.replace(line, "**Document Status:** Done"));
            commit(git, 2, "Done");
            Files.writeString(spec, text.replace(line, "**Document Status:** Review"));
            commit(git, 3, "Back to Review");
        }
        for (boolean audit : new boolean[] {false, true}) {
            SpecMoves moves = SpecProject.builtin().history().moves(List.of(spec), audit).get(0);
            assertThat(moves.versions()).hasSize(4);
            assertThat(moves.unread())
                    .extracting(u -> u.version().revision().commit())
                    .containsExactly(
                            moves.versions().get(0).revision().commit(),
                            moves.versions().get(1).revision().commit(),
                            moves.versions().get(2).revision().commit());
            assertThat(moves.unread().get(0).why())
                    .startsWith(
                            "no '**Document Status:**' field: line "
                                    + (text.substring(0, status.start()).split("\n", -1).length)
                                    + " '- Document Status: Review' is a list item")
                    .endsWith("write '**Document Status:** Review' instead");
            assertThat(moves.unread().get(1).why()).isEqualTo("no '**Document Status:**' field");
            assertThat(moves.unread().get(2).why())
                    .isEqualTo(
                            "'Done' is not a status: use one of Draft, Review, Approved,"
                                    + " Implementation");
        }
    }

    @Test
    void aRunOfCommitsLeavingTheStatusUnreadableAsItWasIsOneUnreadCommit() throws Exception {
        // read, then a list item (unread), an edit above it and the item in lower case (unread as
        // it was), the field removed (unread another way), read again: two unread commits, and
        // each commit history shows said once
        Path spec = writeSpecs().get(1); // written with CRLF line endings
        String text = Files.readString(spec);
        assertThat(text).contains("\r\n");
        Matcher status = STATUS.matcher(text);
        assertThat(status.find()).isTrue();
        String line = status.group();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(spec, text.replace(line, "**Document Status:** Draft"));
            commit(git, 0, "Add the spec");
            String listed = text.replace(line, "- Document Status: Review");
            Files.writeString(spec, listed);
            commit(git, 1, "Review, by hand");
            listed = listed.replaceFirst("\r\n## ", "\r\nOne more line.\r\n\r\n## ");
            Files.writeString(spec, listed);
            commit(git, 2, "An edit above it");
            Files.writeString(spec, listed.replace("Status: Review", "Status: review"));
            commit(git, 3, "Lower case");
            Files.writeString(spec, listed.replace("- Document Status: Review\r\n", ""));
            commit(git, 4, "Remove the status");
            Files.writeString(spec, text.replace(line, "**Document Status:** Review"));
            commit(git, 5, "Back to Review");
        }
        SpecMoves moves = SpecProject.builtin().history().moves(List.of(spec), false).get(0);
        assertThat(moves.versions()).hasSize(6);
        assertThat(moves.unread())
                .extracting(u -> u.version())
                .containsExactly(moves.versions().get(1), moves.versions().get(4));
        assertThat(moves.unread().get(0).why()).contains("'- Document Status: Review' is a list");
        assertThat(moves.unread().get(1).why()).isEqualTo("no '**Document Status:**' field");
        List<SpecMoves.Row> rows = moves.rows();
        assertThat(rows)
                .extracting(SpecMoves.Row::version)
                .containsExactly(
                        moves.versions().get(0),
                        moves.versions().get(1),
                        moves.versions().get(4),
                        moves.versions().get(5));
        assertThat(rows)
                .extracting(r -> r.change().isPresent() + " " + r.unread().isPresent())
                // the approval line under the list item continues it, so the approval is read
                // again where the item is gone: that commit changed it, and is one row all the same
                .containsExactly("true false", "true true", "true true", "true false");
        assertThat(rows.get(2).change().get().approvalChanged()).isTrue();
    }

    @Test
    void aRepositoryWithoutCommitsHasNoVersions() throws Exception {
        Path spec = writeSpecs().get(0);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<SpecMoves> t = SpecProject.builtin().history().moves(List.of(spec), true);
            assertThat(t).singleElement().satisfies(x -> assertThat(x.versions()).isEmpty());
        }
    }
}
