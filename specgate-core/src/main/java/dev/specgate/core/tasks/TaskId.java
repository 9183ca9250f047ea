package dev.specgate.core.tasks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of a task-list item: a parent task {@code 2.0}, a subtask {@code 2.3}, a test-first
 * item {@code 2.0.T1} or a verification item {@code 2.0.V1}.
 *
 * @param parent the parent task's number ({@code 2} in all of the examples)
 * @param sub the subtask number, 0 for a parent and for T/V items
 * @param kind what the item is
 * @param n the number of a T or V item, else 0
 */
public record TaskId(int parent, int sub, Kind kind, int n) {

    /** What a numbered item is. */
    public enum Kind {
        PARENT,
        SUBTASK,
        TEST_FIRST,
        VERIFICATION
    }

    private static final Pattern ID =
            Pattern.compile("^(\\d{1,6})\\.(\\d{1,6})(?:\\.([TV])(\\d{1,6}))?(?=\\s|$)");

    /** The id an item's text starts with, if any. */
    public static Optional<TaskId> parse(String itemText) {
        Matcher m = ID.matcher(itemText.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        int parent = Integer.parseInt(m.group(1));
        int sub = Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (sub != 0) {
                return Optional.empty();
            }
            Kind kind = m.group(3).equals("T") ? Kind.TEST_FIRST : Kind.VERIFICATION;
            return Optional.of(new TaskId(parent, 0, kind, Integer.parseInt(m.group(4))));
        }
        return Optional.of(new TaskId(parent, sub, sub == 0 ? Kind.PARENT : Kind.SUBTASK, 0));
    }

    /** A parent task's id. */
    public static TaskId parent(int parent) {
        return new TaskId(parent, 0, Kind.PARENT, 0);
    }

    /** A subtask's id. */
    public static TaskId subtask(int parent, int sub) {
        return new TaskId(parent, sub, Kind.SUBTASK, 0);
    }

    /** A test-first item's id. */
    public static TaskId testFirst(int parent, int n) {
        return new TaskId(parent, 0, Kind.TEST_FIRST, n);
    }

    /** A verification item's id. */
    public static TaskId verification(int parent, int n) {
        return new TaskId(parent, 0, Kind.VERIFICATION, n);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PARENT, SUBTASK -> parent + "." + sub;
            case TEST_FIRST -> parent + ".0.T" + n;
            case VERIFICATION -> parent + ".0.V" + n;
        };
    }
}
