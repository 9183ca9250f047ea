package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import gg.jte.Content;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Everything one spec's page shows.
 *
 * @param spec the spec's summary
 * @param bodyHtml the spec rendered to HTML, raw HTML escaped and unsafe links dropped, with its
 *     diagnostics placed after the blocks they concern: a string, or (for the static site, which
 *     writes each page as soon as it is rendered) the buffer the renderer wrote it into, valid
 *     until the next page is rendered on that thread
 * @param diagnostics every diagnostic, in line order
 * @param progress checklist progress per section, sections without items left out
 * @param history its status timeline, approval and checklist burn-up from git
 */
public record SpecPage(
        SpecView spec,
        CharSequence bodyHtml,
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

    /**
     * The body as the page template writes it, as it is (it is HTML already): appended straight to
     * an output that takes characters ({@code Appendable}, the site's page buffer), without first
     * becoming a string.
     */
    public Content body() {
        return output -> {
            if (output instanceof Appendable chars) {
                try {
                    chars.append(bodyHtml);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                output.writeContent(bodyHtml.toString());
            }
        };
    }
}
