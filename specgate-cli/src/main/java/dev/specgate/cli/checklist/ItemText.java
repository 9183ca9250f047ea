package dev.specgate.cli.checklist;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.report.TextReporter;
import java.io.IOException;

/**
 * How a checklist item is shown: always with its id; lines 1-based. Text lines write control
 * characters from the spec as escapes, as {@code check}'s text report does.
 */
final class ItemText {

    private ItemText() {}

    /** {@code [ ] 13.3 Staging merchant simulator deployed} */
    static String box(ChecklistEntry e) {
        return TextReporter.escape((e.checked() ? "[x] " : "[ ] ") + e.id() + " " + e.text());
    }

    /** {@code 13.3 Staging merchant simulator deployed (Prerequisites, line 71)} */
    static String located(ChecklistEntry e) {
        return TextReporter.escape(
                e.id()
                        + " "
                        + e.text()
                        + " ("
                        + e.sectionTitle()
                        + ", line "
                        + (e.line() + 1)
                        + ")");
    }

    /** {@code {"id":…,"section":…,"text":…,"line":N}} fields, without the braces. */
    static void jsonFields(JsonGenerator g, ChecklistEntry e) throws IOException {
        g.writeStringField("id", e.id());
        g.writeStringField("section", e.sectionTitle());
        g.writeStringField("text", e.text());
        g.writeNumberField("line", e.line() + 1);
    }
}
