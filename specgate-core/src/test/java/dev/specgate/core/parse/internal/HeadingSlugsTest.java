package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HeadingSlugsTest {

    @Example
    void sectionsGetTheirHeadingsIdsAndTheDocumentEveryId() {
        HeadingSlugs.Builder b = new HeadingSlugs.Builder();
        b.section("Risk Assessment", true);
        b.heading("Notes", true); // a nested heading: no section, a slug all the same
        b.section("Notes", true);
        b.section("Motivation {#why}", false);
        b.section("Caf\u00e9 & *Tea*", false);
        b.htmlId("anchor-1");
        HeadingSlugs ids = b.build();

        assertThat(ids.defines("notes-1")).isTrue(); // numbered: worked out
        assertThat(List.of(ids.section(0), ids.section(1), ids.section(2), ids.section(3)))
                .containsExactly("risk-assessment", "notes-1", "why", "café--tea");
        assertThat(ids.asSet())
                .containsExactlyInAnyOrder(
                        "risk-assessment",
                        "notes",
                        "notes-1",
                        "motivation-why",
                        "motivation",
                        "why",
                        "café--tea",
                        "anchor-1");
    }

    @Example
    void aFragmentIsAnsweredWithoutWorkingOutTheSlugs() {
        HeadingSlugs ids = plainDocument();
        assertThat(ids.defines("risk-assessment")).isTrue();
        assertThat(ids.defines("testing--validation")).isTrue();
        assertThat(ids.defines("no-such-heading")).isFalse();
        assertThat(ids.defines("Risk-Assessment")).isFalse();
        assertThat(ids.workedOut()).isFalse();
        // a numbered one may be a repeat's: then the slugs are worked out
        assertThat(ids.defines("risk-assessment-1")).isFalse();
        assertThat(ids.workedOut()).isTrue();
        assertThat(ids.defines("risk-assessment")).isTrue();
    }

    /** Whatever the headings, the answer without the slugs is the answer with them. */
    @Property(tries = 2000)
    void definesIsTheWorkedOutSetsContains(
            @ForAll("headings") List<String> headings, @ForAll("fragments") List<String> asked) {
        HeadingSlugs fast = build(headings);
        HeadingSlugs worked = build(headings);
        Set<String> all = Set.copyOf(worked.asSet()); // iterating works them out
        List<String> candidates = new ArrayList<>(asked);
        all.forEach(id -> candidates.add(id));
        for (String id : candidates) {
            assertThat(fast.defines(id)).as(id + " in " + headings).isEqualTo(all.contains(id));
        }
        assertThat(fast).isEqualTo(worked);
    }

    @Example
    void aLongDocumentsHeadingsAreAllKept() {
        // past the builder's first arrays: 200 headings, plain, marked up and repeated
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            headings.add(i % 7 == 0 ? "Step *" + (i % 50) + "*" : "Step " + (i % 50));
        }
        HeadingSlugs fast = build(headings);
        Set<String> all = Set.copyOf(build(headings).asSet());
        assertThat(all).contains("step-0", "step-49", "step-49-3", "step-7-3");
        for (String id :
                List.of("step-0", "step-49-3", "step-7-3", "step-7-4", "step-50", "step")) {
            assertThat(fast.defines(id)).as(id).isEqualTo(all.contains(id));
        }
        assertThat(fast).isEqualTo(build(headings));
    }

    private static HeadingSlugs plainDocument() {
        HeadingSlugs.Builder b = new HeadingSlugs.Builder();
        for (String h :
                List.of(
                        "Technical Specification: Snapshot Session",
                        "Executive Summary",
                        "Risk Assessment",
                        "Testing & Validation")) {
            b.section(h, true);
        }
        return b.build();
    }

    private static HeadingSlugs build(List<String> headings) {
        HeadingSlugs.Builder b = new HeadingSlugs.Builder();
        for (int i = 0; i < headings.size(); i++) {
            String h = headings.get(i);
            // as the parser says: a heading of none of the inline syntax's characters is plain
            boolean plain = h.chars().noneMatch(c -> "`\\<>&[]*_~{}!".indexOf(c) >= 0);
            if (i % 3 == 2) {
                b.heading(h, plain);
            } else {
                b.section(h, plain);
            }
            if (i % 4 == 3) {
                b.htmlId(h.toLowerCase());
            }
        }
        return b.build();
    }

    @Provide
    Arbitrary<List<String>> headings() {
        Arbitrary<String> written =
                Arbitraries.strings()
                        .withChars(" \t()!-_&#*`[]<>\\{}:\u00e9\u2003")
                        .withChars('f', 'o', 'F', 'O', '1', '2')
                        .ofMaxLength(12);
        Arbitrary<String> usual =
                Arbitraries.of(
                        "Foo",
                        "Foo",
                        "foo 1",
                        "Foo-2",
                        "Bar *x*",
                        "R&D",
                        "Evidence & Metrics",
                        "Caf\u00e9",
                        "X {#why}",
                        " Spaced  out ",
                        "Plan_B",
                        "Phase 1",
                        "");
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, usual), net.jqwik.api.Tuple.of(1, written))
                .list()
                .ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> fragments() {
        return Arbitraries.of(
                        "foo",
                        "foo-1",
                        "foo-2",
                        "foo-2-1",
                        "foo-3",
                        "bar-x",
                        "rd",
                        "evidence--metrics",
                        "café",
                        "why",
                        "x-why",
                        "x",
                        "spaced--out",
                        "plan_b",
                        "phase-1",
                        "phase-1-1",
                        "fo",
                        "fo-o",
                        "-fo",
                        "o-1",
                        "",
                        "-1",
                        "1")
                .list()
                .ofMaxSize(6);
    }
}
