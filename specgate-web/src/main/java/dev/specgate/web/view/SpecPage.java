package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything one spec's page shows.
 *
 * @param spec the spec's summary
 * @param bodyHtml the spec rendered to HTML, raw HTML escaped and unsafe links dropped, with its
 *     diagnostics placed after the blocks they concern
 * @param diagnostics every diagnostic, in line order
 * @param progress checklist progress per section, sections without items left out
 * @param history its status timeline, approval and checklist burn-up from git
 */
public record SpecPage(
        SpecView spec,
        String bodyHtml,
        List<DiagnosticView> diagnostics,
        List<SectionProgress> progress,
        ApprovalHistory history) {

    public SpecPage {
        requireNonNull(spec, "spec must not be null");
        requireNonNull(bodyHtml, "bodyHtml must not be null");
        diagnostics = List.copyOf(diagnostics);
        progress = List.copyOf(progress);
        requireNonNull(history, "history must not be null");
    }
}
