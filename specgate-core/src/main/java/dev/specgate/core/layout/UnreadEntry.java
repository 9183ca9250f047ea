package dev.specgate.core.layout;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A list item of the File Organization section that names a path but is not read as an entry,
 * because its path is not in backticks (or a link) right after the label ({@code - Core logic:
 * src/core/retry/}, {@code - Docker configs: updated in `environment/docker/`}), or a second path
 * in backticks after the one an entry reads ({@code - Unit tests: `tests/unit/a/`,
 * `tests/unit/b/`}): a user is told of it rather than left to think it is traced.
 *
 * @param line the 0-based line of the item
 * @param column the 0-based column where the item's text starts (after its marker), or where the
 *     second path's backtick is
 * @param text the item's text, trimmed, or the second path in its backticks
 */
public record UnreadEntry(int line, int column, String text) {

    /** Why it is not read, and how to write it so that it is. */
    public static final String WHY =
            "a path is read only in backticks or as a link right after the label, as in '- Core"
                    + " logic: `src/core/[feature-name]/`'";

    /**
     * Its one JSON shape, in order: {@code line} (1-based) and {@code text}; what {@code trace
     * --format json} and the MCP tools {@code trace} and {@code scaffold} give in their {@code
     * unread}.
     */
    public LinkedHashMap<String, Object> jsonFields() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("line", line + 1);
        m.put("text", text);
        return m;
    }

    /**
     * What scaffold says of this item, which it makes nothing for: {@code 'TEXT' is not read as a
     * File Organization entry, nothing is made for it: WHY}.
     */
    public String nothingMade() {
        return "'"
                + text
                + "' is not read as a File Organization entry, nothing is made for it: "
                + WHY;
    }

    /**
     * Why a spec has nothing to scaffold: {@code no File Organization entries to scaffold}, and how
     * many of its list items name a path without being read ({@code unread}), from which line, and
     * why. The one wording of every surface that scaffolds.
     */
    public static String nothingToScaffold(List<UnreadEntry> unread) {
        String none = "no File Organization entries to scaffold";
        if (unread.isEmpty()) {
            return none;
        }
        return none
                + " ("
                + unread.size()
                + (unread.size() == 1 ? " list item names" : " list items name")
                + " a path, from line "
                + (unread.get(0).line() + 1)
                + ": "
                + WHY
                + ")";
    }
}
