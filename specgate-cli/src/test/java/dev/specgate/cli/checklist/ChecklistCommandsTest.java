package dev.specgate.cli.checklist;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistCommandsTest {

    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path root;

    @Test
    void progressJsonHasTheIssueShape() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("progress", spec.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("checked", "total", "sections");
        assertThat(json.get("checked").asInt()).isEqualTo(10);
        assertThat(json.get("total").asInt()).isEqualTo(33);
        JsonNode prerequisites = json.get("sections").get(0);
        assertThat(fieldNames(prerequisites)).containsExactly("title", "checked", "total", "items");
        assertThat(prerequisites.get("title").asText()).isEqualTo("Prerequisites");
        assertThat(prerequisites.get("checked").asInt()).isEqualTo(2);
        assertThat(prerequisites.get("total").asInt()).isEqualTo(3);
        JsonNode item = prerequisites.get("items").get(2);
        assertThat(fieldNames(item)).containsExactly("id", "text", "checked", "line");
        assertThat(item.get("id").asText()).isEqualTo("13.3");
        assertThat(item.get("text").asText()).isEqualTo("Staging merchant simulator deployed");
        assertThat(item.get("checked").asBoolean()).isFalse();
        assertThat(item.get("line").asInt())
                .isEqualTo(lineOf(cleanSpec(), "Staging merchant simulator"));
        int sum = 0;
        for (JsonNode s : json.get("sections")) {
            sum += s.get("total").asInt();
        }
        assertThat(sum).isEqualTo(33);
    }

    @Test
    void progressTextShowsEachSectionItsItemsWithIdsAndTheTotal() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("progress", spec.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("\nPrerequisites +2/3  \\[######----\\]  66%\n")
                .contains("  [x] 13.1 Outbox table approved by the database guild\n")
                .contains("  [ ] 13.3 Staging merchant simulator deployed\n")
                .contains("  [x] 48.1 Back-off cap of 6 h or 24 h - **Decision by:** 2026-10-10\n")
                .containsPattern("\nOverall +10/33  \\[###-------\\]  30%\n$")
                .doesNotContain("not a task");
    }

    @Test
    void nextIsTheFirstOpenWorkingItem() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun text = CliRun.of("next", spec.toString());
        CliRun json = CliRun.of("next", spec.toString(), "--format", "json");

        int line = lineOf(cleanSpec(), "Staging merchant simulator");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out().strip())
                .isEqualTo(
                        "Next: 13.3 Staging merchant simulator deployed (Prerequisites, line "
                                + line
                                + ")");
        JsonNode next = JSON.readTree(json.out());
        assertThat(fieldNames(next)).containsExactly("id", "section", "text", "line");
        assertThat(next.get("id").asText()).isEqualTo("13.3");
        assertThat(next.get("section").asText()).isEqualTo("Prerequisites");
        assertThat(next.get("line").asInt()).isEqualTo(line);
    }

    @Test
    void nextWhenEverythingIsDoneIsAnEmptyObjectAndExitZero() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec().replace("- [ ]", "- [x]"));

        CliRun text = CliRun.of("next", spec.toString());
        CliRun json = CliRun.of("next", spec.toString(), "-f", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out().strip()).isEqualTo("All 33 checklist items are checked.");
        assertThat(json.exitCode()).isZero();
        assertThat(JSON.readTree(json.out()).isEmpty()).isTrue();
        assertThat(JSON.readTree(json.out()).isObject()).isTrue();
    }

    @Test
    void doneTicksByIdChangingOneByteAndSaysWhatIsNext() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("done", spec.toString(), "13.3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(
                        "Checked 13.3 Staging merchant simulator deployed (Prerequisites, line ")
                .contains("Next: 14.3 Prepare test data and fixtures (Implementation Steps, line ");
        assertThat(SpecBytes.text(spec))
                .isEqualTo(cleanSpec().replace("- [ ] Staging merchant", "- [x] Staging merchant"));
    }

    @Test
    void doneOnAReadOnlySpecIsRefusedInOneLineAndLeavesItUntouched() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("r--r--r--"));

        CliRun run = CliRun.of("done", spec.toString(), "13.3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "specgate: cannot write "
                                + spec
                                + ": read-only (mode r--r--r--): make it writable to edit it\n");
        assertThat(SpecBytes.text(spec)).isEqualTo(cleanSpec());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spec)))
                .isEqualTo("r--r--r--");
    }

    @Test
    void doneTicksByAUniquePieceOfText() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("done", spec.toString(), "dead-LETTER state");

        assertThat(run.exitCode()).isZero();
        assertThat(SpecBytes.text(spec))
                .isEqualTo(
                        cleanSpec().replace("- [ ] Dead-letter state", "- [x] Dead-letter state"));
    }

    @Test
    void aNumberIsAnIdNeverAPieceOfAnItemsText() {
        String text =
                cleanSpec()
                        .replace(
                                "- [ ] Staging merchant simulator deployed",
                                "- [ ] Staging merchant simulator deployed (Answer: 4711)")
                        .replace("\n", "\r\n");
        Path spec = writeSpec(root, CLEAN, text);
        text = SpecBytes.text(spec); // with its approval recorded again for the changed text

        CliRun number = CliRun.of("done", spec.toString(), "4711");

        assertThat(number.exitCode()).isEqualTo(2);
        assertThat(number.err().strip())
                .startsWith("specgate: no item has the id '4711' in ")
                .contains("is an id");
        assertThat(SpecBytes.text(spec)).isEqualTo(text);

        CliRun words = CliRun.of("done", spec.toString(), "Answer: 4711");

        assertThat(words.exitCode()).as(words.err()).isZero();
        assertThat(SpecBytes.text(spec))
                .isEqualTo(text.replace("- [ ] Staging merchant", "- [x] Staging merchant"));
    }

    @Test
    void severalMatchesAreRefusedAndListed() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("done", spec.toString(), "staging");

        assertThat(run.exitCode()).isEqualTo(2); // ITEM names no one item: a bad argument
        assertThat(run.err().split("\\R"))
                .containsExactly(
                        "specgate: 'staging' matches 2 unchecked items in "
                                + spec
                                + ": give the id of one (the file is unchanged)",
                        "  13.3 Staging merchant simulator deployed (Prerequisites, line "
                                + lineOf(cleanSpec(), "Staging merchant")
                                + ")",
                        "  14.11 Staging environment validation (Implementation Steps, line "
                                + lineOf(cleanSpec(), "Staging environment validation")
                                + ")");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void anEmptyItemIsAUsageErrorAndChangesNothing() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun empty = CliRun.of("done", spec.toString(), "");
        CliRun blank = CliRun.of("done", spec.toString(), "   ");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().strip())
                .isEqualTo("specgate: ITEM must be an item id or text, not empty");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void anIdNoItemHasIsABadArgumentSaidInOneLineWithTheIdsThatExist() {
        Path spec = writeSpec(root, CLEAN, cleanSpec().replace("\n", "\r\n"));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("done", spec.toString(), "99.9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().split("\\R"))
                .containsExactly(
                        "specgate: no item has the id '99.9' in "
                                + spec
                                + ": its items are 13.1–13.3, 14.1–14.12, 26.1–26.3, 37.1–37.4,"
                                + " 39.1–39.3, 40.1–40.3, 41.1–41.2, 48.1–48.2, 49.1 (an ITEM of"
                                + " numbers and dots is an"
                                + " id: run specgate progress "
                                + spec
                                + " to see every item's id; the file is unchanged)");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void anIdInASpecWithoutChecklistsSaysItHasNone() {
        String text = cleanSpec().replaceAll("(?m)^(\\s*)- \\[[ xX]\\] ", "$1- ");
        Path spec = writeSpec(root, CLEAN, text);

        CliRun run = CliRun.of("done", spec.toString(), "1.1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("in " + spec + ": it has no checklist items (");
    }

    @Test
    void noMatchIsABadArgumentAndSeveralItemsAlreadyDoneAreRefused() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun none = CliRun.of("done", spec.toString(), "launch the rocket");
        CliRun severalDone = CliRun.of("done", spec.toString(), "Decision by");
        CliRun badId = CliRun.of("done", spec.toString(), "13.9");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no item has the id or text 'launch the rocket'");
        assertThat(severalDone.exitCode()).isEqualTo(1);
        assertThat(severalDone.err())
                .contains("no unchecked item matches 'Decision by'")
                .contains("  48.1 Back-off cap of 6 h or 24 h - **Decision by:** 2026-10-10")
                .contains("  48.2 Outbox per shard or global - **Decision by:** 2026-10-12");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void anItemAlreadyDoneIsTheSameAnswerByItsTextAsByItsId() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun byId = CliRun.of("done", spec.toString(), "13.1");
        CliRun byText = CliRun.of("done", spec.toString(), "outbox TABLE approved");

        assertThat(byText.exitCode()).isZero().isEqualTo(byId.exitCode());
        assertThat(byText.out())
                .isEqualTo(byId.out())
                .startsWith(
                        "13.1 is already checked; nothing changed: Outbox table approved by the"
                                + " database guild");
        assertThat(byText.err()).isEmpty();
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void theProgressHintOfARefusalCanBeCopiedForAPathWithASpace() throws Exception {
        Path folder = Files.createDirectories(root.resolve("team specs"));
        Path spec = writeSpec(folder, CLEAN, cleanSpec());

        CliRun none = CliRun.of("done", spec.toString(), "launch the rocket");
        CliRun badId = CliRun.of("done", spec.toString(), "13.9");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err())
                .contains("(run specgate progress '" + spec + "' to see every item; the file");
        assertThat(badId.err())
                .contains("run specgate progress '" + spec + "' to see every item's id; the file");
    }

    @Test
    void anAlreadyCheckedIdIsANoOp() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("done", spec.toString(), "13.1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("13.1 is already checked; nothing changed");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void inOrderRefusesWhileAnEarlierWorkingItemIsOpen() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun refused = CliRun.of("done", spec.toString(), "14.4", "--in-order");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().split("\\R"))
                .containsExactly(
                        "specgate: cannot check 14.4 in order: 2 earlier items are still unchecked (the file is unchanged)",
                        "  13.3 Staging merchant simulator deployed (Prerequisites, line "
                                + lineOf(cleanSpec(), "Staging merchant")
                                + ")",
                        "  14.3 Prepare test data and fixtures (Implementation Steps, line "
                                + lineOf(cleanSpec(), "Prepare test data")
                                + ")");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);

        assertThat(CliRun.of("done", spec.toString(), "13.3", "--in-order").exitCode()).isZero();
        assertThat(CliRun.of("done", spec.toString(), "14.3", "--in-order").exitCode()).isZero();
        assertThat(CliRun.of("done", spec.toString(), "14.4", "--in-order").exitCode()).isZero();
    }

    @Test
    void doneOnACrlfBomSpecChangesOnlyTheBox() {
        Path spec = writeSpec(root, CLEAN, SpecBytes.crlfWithBom(cleanSpec()));

        CliRun run = CliRun.of("done", spec.toString(), "13.3");

        assertThat(run.exitCode()).isZero();
        assertThat(SpecBytes.of(spec))
                .isEqualTo(
                        SpecBytes.crlfWithBom(
                                cleanSpec()
                                        .replace(
                                                "- [ ] Staging merchant",
                                                "- [x] Staging merchant")));
    }

    @Test
    void aMissingSpecIsAnInputError() {
        assertThat(CliRun.of("progress", root.resolve("x.md").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("next", root.resolve("x.md").toString()).exitCode()).isEqualTo(2);
        CliRun done = CliRun.of("done", root.resolve("x.md").toString(), "1.1");
        assertThat(done.exitCode()).isEqualTo(2);
        assertThat(done.err()).contains("spec not found");
        assertThat(CliRun.of("progress", root.toString(), "--format", "sarif").exitCode())
                .isEqualTo(2);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static int lineOf(String text, String needle) {
        var lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + needle);
    }
}
