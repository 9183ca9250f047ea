package dev.specgate.core.project;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;

/**
 * Where a section's own text ends, in a spec or in the template itself: at the next heading, or,
 * when the template's closing fields (the Document Status block) come first, above them and the
 * blank lines and thematic break ({@code ---}) that open it. The one reading that the MCP server's
 * section tools and the language server's section guidance (hover, the inserted missing section)
 * share, so that neither takes the status block for the last section's text.
 */
public final class SectionBodies {

    private SectionBodies() {}

    /**
     * The line after a section's own text: the next heading's, or, when the template's closing
     * fields (outside lists, such as {@code **Document Status:**}) come first, the line after the
     * last line above them that is neither blank nor a thematic break (the {@code ---} that opens
     * the Document Status block is not the section's).
     */
    public static int end(SpecSource source, SpecDocument doc, TemplateSchema schema, Section s) {
        List<Section> all = doc.sections();
        int heading = s.range().endLine();
        int next = s.index() + 1 < all.size() ? all.get(s.index() + 1).line() : source.lineCount();
        next = Math.min(next, source.lineCount());
        int footer = schema.closingFieldLine(doc.fields(), heading);
        if (footer >= next) {
            return next;
        }
        int end = footer;
        while (end > heading + 1 && blankOrBreak(source, end - 1)) {
            end--;
        }
        return end;
    }

    /**
     * What the template writes under the heading of {@code section}, its guidance for that section,
     * one {@code \n} after each line (the template's closing fields are not part of its last
     * section); empty when the template has no such heading or writes nothing under it.
     *
     * @param source the template's text
     * @param template the template parsed as a spec is
     */
    public static String guidance(
            SpecSource source, SpecDocument template, TemplateSchema schema, SectionSpec section) {
        for (Section s : template.sections()) {
            if (s.level() == section.level() && HeadingKey.of(s.title()).equals(section.key())) {
                StringBuilder body = new StringBuilder();
                int to = Math.min(end(source, template, schema, s), source.lineCount());
                for (int l = s.range().endLine() + 1; l < to; l++) {
                    body.append(source.text(), source.lineStart(l), source.lineEnd(l)).append('\n');
                }
                return body.toString();
            }
        }
        return "";
    }

    private static boolean blankOrBreak(SpecSource source, int line) {
        String l = source.text().substring(source.lineStart(line), source.lineEnd(line));
        return l.isBlank() || SpecParser.isThematicBreak(l);
    }
}
