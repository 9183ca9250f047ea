package dev.specgate.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.ApprovalRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * How {@link ApprovalWeeks} reads histories (the dashboard's real-repository test is {@code
 * ApprovalWeeksPagesTest} in specgate-web): the week of a record's date, once per spec; a move to
 * Approved without a record written is a hand move; a shallow clone's cut is neither.
 */
class ApprovalWeeksTest {

    private static final Path A = Path.of("a.md");
    private static final Path B = Path.of("b.md");

    /** A record counts whatever status it was written at (no lifecycle). */
    private static final java.util.function.Predicate<String> ANY_STATUS = status -> true;

    private static ApprovalRecord record(String day, String hash) {
        return new ApprovalRecord(LocalDate.parse(day), "Ana Ruiz", hash, "");
    }

    /** A timeline of versions (day, status, record or null), changes found as the history does. */
    private static SpecMoves timeline(Path file, boolean shallow, Object[]... versions) {
        List<HistoryVersion> vs = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            Object[] v = versions[i];
            var r =
                    new GitRevisions.Revision(
                            ObjectId.zeroId().name(),
                            ZonedDateTime.of(
                                    LocalDate.parse((String) v[0]).atTime(10, 0), ZoneOffset.UTC),
                            "Sam Okafor",
                            file.toString(),
                            ObjectId.zeroId());
            var version =
                    new FieldsVersion(
                            r,
                            Optional.of((String) v[1]),
                            Optional.ofNullable((ApprovalRecord) v[2]));
            HistoryVersion before = i == 0 ? null : vs.get(i - 1);
            vs.add(version);
            Optional<String> from = before == null ? Optional.empty() : before.status();
            Optional<ApprovalRecord> was = before == null ? Optional.empty() : before.approval();
            if (!from.equals(version.status()) || !was.equals(version.approval())) {
                changes.add(
                        new StatusChange(
                                version,
                                from,
                                version.status(),
                                was,
                                version.approval(),
                                Optional.empty()));
            }
        }
        return new SpecMoves(file, file.toString(), vs, changes, shallow);
    }

    @Test
    void aDoubleMoveCountsOnceAndAHandMoveNotAtAll() {
        ApprovalRecord first = record("2026-11-02", "aaaaaaaaaaaa");
        ApprovalRecord second = record("2026-11-05", "bbbbbbbbbbbb");
        SpecMoves a =
                timeline(
                        A,
                        false,
                        new Object[] {"2026-10-20", "Review", null},
                        new Object[] {"2026-11-02", "Approved", first},
                        new Object[] {"2026-11-03", "Draft", null},
                        new Object[] {"2026-11-05", "Approved", second},
                        // a refresh the next week, committed later: the record's week counts
                        new Object[] {
                            "2026-11-20", "Approved", record("2026-11-10", "cccccccccccc")
                        });
        SpecMoves b =
                timeline(
                        B,
                        false,
                        new Object[] {"2026-10-20", "Approved", null},
                        new Object[] {"2026-10-21", "Draft", null},
                        new Object[] {"2026-11-04", "Approved", null});
        ApprovalWeeks weeks = ApprovalWeeks.of(List.of(b, a), ANY_STATUS);
        assertThat(weeks.weeks())
                .extracting(ApprovalWeeks.Week::week, ApprovalWeeks.Week::specs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-W45", List.of(A)),
                        org.assertj.core.groups.Tuple.tuple("2026-W46", List.of(A)));
        // added as Approved, and moved back to Approved by hand: both hand moves
        assertThat(weeks.handMoves())
                .extracting(h -> h.change().version().revision().time().toLocalDate().toString())
                .containsExactly("2026-10-20", "2026-11-04");
        assertThat(weeks.partial()).isFalse();
    }

    @Test
    void aRecordCarriedOverIsNoApprovalAndAMoveBackWithItIsAHandMove() {
        ApprovalRecord kept = record("2026-11-02", "aaaaaaaaaaaa");
        SpecMoves a =
                timeline(
                        A,
                        false,
                        new Object[] {"2026-10-20", "Review", null},
                        new Object[] {"2026-11-02", "Approved", kept},
                        // back to Draft by hand: the record left in place
                        new Object[] {"2026-11-09", "Draft", kept},
                        new Object[] {"2026-11-16", "Approved", kept});
        ApprovalWeeks weeks = ApprovalWeeks.of(List.of(a), ANY_STATUS);
        assertThat(weeks.weeks()).extracting(ApprovalWeeks.Week::week).containsExactly("2026-W45");
        assertThat(weeks.handMoves())
                .singleElement()
                .satisfies(h -> assertThat(h.file()).isEqualTo(A));
        assertThat(weeks.handMoves().get(0).change().from()).contains("Draft");
    }

    /**
     * A record written into a spec that is not approved (copied from another spec into a Draft, or
     * kept in a Review) approves nothing: by the lifecycle's reading of the status after the
     * commit, it is not counted; a refresh of a spec in Implementation is.
     */
    @Test
    void aRecordWrittenIntoASpecThatIsNotApprovedIsNotCounted() {
        SpecMoves copied =
                timeline(
                        A,
                        false,
                        new Object[] {"2026-11-16", "Draft", record("2026-11-16", "aaaaaaaaaaaa")},
                        new Object[] {
                            "2026-11-17", "Review", record("2026-11-17", "bbbbbbbbbbbb")
                        });
        SpecMoves refreshed =
                timeline(
                        B,
                        false,
                        new Object[] {"2026-11-02", "Implementation", null},
                        new Object[] {
                            "2026-11-18", "Implementation", record("2026-11-18", "cccccccccccc")
                        });
        java.util.function.Predicate<String> approvedAt =
                s -> s.equalsIgnoreCase("Approved") || s.equalsIgnoreCase("Implementation");

        ApprovalWeeks weeks = ApprovalWeeks.of(List.of(copied, refreshed), approvedAt);

        assertThat(weeks.weeks())
                .extracting(ApprovalWeeks.Week::week, ApprovalWeeks.Week::specs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-W47", List.of(B)));
        assertThat(weeks.handMoves()).isEmpty();
        // without a lifecycle every record written counts, the copied one too
        assertThat(ApprovalWeeks.of(List.of(copied, refreshed), ANY_STATUS).weeks().get(0).specs())
                .containsExactly(A, B);
    }

    @Test
    void aShallowClonesCutIsNoHandMoveAndMakesTheWeeksPartial() {
        SpecMoves cut =
                timeline(
                        A,
                        true,
                        new Object[] {"2026-11-12", "Approved", null},
                        new Object[] {
                            "2026-11-13", "Approved", record("2026-11-13", "dddddddddddd")
                        });
        ApprovalWeeks weeks = ApprovalWeeks.of(List.of(cut), ANY_STATUS);
        assertThat(weeks.handMoves()).isEmpty();
        assertThat(weeks.shallow()).containsExactly(A);
        assertThat(weeks.partial()).isTrue();
        assertThat(weeks.weeks()).extracting(ApprovalWeeks.Week::week).containsExactly("2026-W46");
        // the same versions read in full: the first is a spec added as Approved by hand
        assertThat(
                        ApprovalWeeks.of(
                                        List.of(
                                                timeline(
                                                        A,
                                                        false,
                                                        new Object[] {
                                                            "2026-11-12", "Approved", null
                                                        })),
                                        ANY_STATUS)
                                .handMoves())
                .hasSize(1);
    }
}
