package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's "done when", as a new user walks it: create a spec, fill it, move it through every
 * status, settle decisions and prerequisites, and see it in the list. Every refused step leaves the
 * file byte-identical; every accepted one changes only the lines it must.
 */
class LifecycleWalkTest {

    @TempDir Path root;

    @Test
    void newFillReviewApproveImplementList() throws Exception {
        CliRun made =
                CliRun.of(
                        "new",
                        "Webhook Retry Queue",
                        "--root",
                        root.toString(),
                        "--date",
                        "2026-10-02",
                        "--type",
                        "architecture change");
        assertThat(made.exitCode()).isZero();
        Path spec = Path.of(made.out().strip());
        assertThat(spec.getFileName()).hasToString("2026-10-02_spec_webhook-retry-queue.md");
        assertRefused(spec, "status", "Review", "--today", "2026-10-03");

        String filled =
                cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replace("**Reviewer:** Priya Raman", "**Reviewer:** TBD")
                        .replace("- [x] Back-off cap", "- [ ] Back-off cap")
                        .replace("- [x] Outbox per shard", "- [ ] Outbox per shard")
                        .replace("- [x] Do merchants", "- [ ] Do merchants");
        Files.writeString(spec, filled);

        assertAccepted(
                spec,
                List.of("Document Status", "Last Updated"),
                "status",
                "Review",
                "--today",
                "2026-10-05");
        assertRefused(spec, "status", "Approved", "--today", "2026-10-06");

        assertAccepted(spec, List.of("Back-off cap"), "done", "Back-off cap");
        assertAccepted(spec, List.of("Outbox per shard"), "done", "48.2");
        assertAccepted(spec, List.of("Do merchants"), "done", "replay API");
        assertRefused(spec, "status", "Approved", "--today", "2026-10-06");
        Files.writeString(
                spec,
                SpecBytes.text(spec).replace("**Reviewer:** TBD", "**Reviewer:** Priya Raman"));
        assertAccepted(
                spec,
                // the approval is recorded again, bound to the content now
                List.of("Document Status", "Last Updated", "**Approval:** 2026-10-"),
                "status",
                "Approved",
                "--today",
                "2026-10-20");

        assertRefused(spec, "status", "Implementation", "--today", "2026-10-21");
        CliRun next = CliRun.of("next", spec.toString());
        assertThat(next.out()).startsWith("Next: 13.3 Staging merchant simulator deployed");
        assertRefused(spec, "done", "14.4", "--in-order");
        assertAccepted(spec, List.of("Staging merchant"), "done", "13.3", "--in-order");
        assertAccepted(
                spec,
                List.of("Document Status", "Last Updated"),
                "status",
                "Implementation",
                "--today",
                "2026-10-22");
        assertRefused(spec, "status", "Review", "--today", "2026-10-23");

        CliRun list = CliRun.of("list", root.toString(), "--today", "2026-10-23");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().split("\\R")[1])
                .startsWith("2026-10-02  Implementation  11/33 [###-------]  33%")
                .contains("Architecture Change")
                .contains("Webhook Retry Queue");
        assertThat(CliRun.of("check", spec.toString(), "--today", "2026-10-23").exitCode())
                .isZero();

        // back to Draft: the status and date change and the approval line goes; nothing else
        List<String> implemented = SpecBytes.text(spec).lines().toList();
        CliRun draft = CliRun.of("status", spec.toString(), "Draft", "--today", "2026-10-24");
        assertThat(draft.exitCode()).as(draft.err()).isZero();
        List<String> expected = new ArrayList<>();
        for (String line : implemented) {
            if (line.startsWith("**Approval:** 2026-10-20 by Priya Raman, sha256:")) {
                continue;
            }
            expected.add(
                    line.equals("**Document Status:** Implementation")
                            ? "**Document Status:** Draft"
                            : line.equals("**Last Updated:** 2026-10-22")
                                    ? "**Last Updated:** 2026-10-24"
                                    : line);
        }
        assertThat(expected).hasSize(implemented.size() - 1);
        assertThat(SpecBytes.text(spec)).isEqualTo(String.join("\n", expected) + "\n");
    }

    private static void assertRefused(Path spec, String... args) {
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of(withSpec(spec, args));

        assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(run.err()).startsWith("specgate: ");
        assertThat(SpecBytes.of(spec))
                .as(String.join(" ", args) + " left the file as it was")
                .isEqualTo(before);
    }

    private static void assertAccepted(Path spec, List<String> changedLinesHold, String... args) {
        List<String> before = SpecBytes.text(spec).lines().toList();

        CliRun run = CliRun.of(withSpec(spec, args));

        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        List<String> after = SpecBytes.text(spec).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        assertThat(changed).hasSameSizeAs(changedLinesHold);
        for (int i = 0; i < changed.size(); i++) {
            assertThat(changed.get(i)).contains(changedLinesHold.get(i));
        }
    }

    private static String[] withSpec(Path spec, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = spec.toString();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        return all;
    }
}
