package dev.specgate.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prompts: ways of working that a person picks in their client and the agent then follows
 * through the tools. Drafting and working items need the write tools, so a read-only server offers
 * only the review.
 */
final class SpecPrompts {

    private SpecPrompts() {}

    static List<SyncPromptSpecification> all(boolean readOnly) {
        List<SyncPromptSpecification> out = new ArrayList<>();
        if (!readOnly) {
            out.add(draft());
        }
        out.add(review());
        if (!readOnly) {
            out.add(workNext());
        }
        return out;
    }

    /** The names served, in order. */
    static List<String> names(boolean readOnly) {
        return all(readOnly).stream().map(p -> p.prompt().name()).toList();
    }

    private static SyncPromptSpecification draft() {
        McpSchema.Prompt prompt =
                new McpSchema.Prompt(
                        "draft_spec",
                        "Draft a spec",
                        "Write a new spec for a problem: fill the template, check the draft until"
                                + " it is clean, then save it as a Draft.",
                        List.of(
                                new McpSchema.PromptArgument(
                                        "problem",
                                        "The problem or feature, in a few sentences.",
                                        true),
                                new McpSchema.PromptArgument(
                                        "title", "A short title for the spec (optional).", false)));
        return new SyncPromptSpecification(
                prompt,
                (exchange, request) -> {
                    String problem = required(request, "problem");
                    String title = argument(request.arguments(), "title");
                    return result(
                            "Draft a spec",
                            "Write a technical spec for this problem:\n\n"
                                    + problem
                                    + "\n\n"
                                    + (title.isEmpty()
                                            ? "Choose a short title that names the change.\n\n"
                                            : "Title: " + title + "\n\n")
                                    + "Work through the specgate tools, not by editing files:\n"
                                    + "1. Call `template` and read every section: what it is"
                                    + " for (its guidance), whether it is required, and the"
                                    + " fields with their allowed values.\n"
                                    + "2. Write the whole spec in Markdown from that template."
                                    + " Replace every placeholder with what you know; where you"
                                    + " do not know something, say so in Open Questions rather"
                                    + " than inventing it. Leave Document Status at Draft.\n"
                                    + "3. Call `check_text` with the path the spec will have"
                                    + " (directives/spec/<today>_spec_<slug>.md) and your text."
                                    + " Fix every error and warning it reports, and call it"
                                    + " again, until it reports none.\n"
                                    + "4. Save it with `new_spec` (title and text). It never"
                                    + " overwrites a file: if the name is taken, choose another"
                                    + " title.\n"
                                    + "5. Tell the person the path, and which open questions"
                                    + " need their answer. Do not move the spec to Review or"
                                    + " Approved yourself.");
                });
    }

    private static SyncPromptSpecification review() {
        McpSchema.Prompt prompt =
                new McpSchema.Prompt(
                        "review_spec",
                        "Review a spec",
                        "Review one spec: its diagnostics, whether each status gate would pass,"
                                + " and the decisions still open.",
                        List.of(
                                new McpSchema.PromptArgument(
                                        "path",
                                        "The spec, relative to the project root (list_specs"
                                                + " lists them).",
                                        true)));
        return new SyncPromptSpecification(
                prompt,
                (exchange, request) -> {
                    String path = required(request, "path");
                    return result(
                            "Review a spec",
                            "Review the spec "
                                    + path
                                    + " and report to me; change nothing.\n\n"
                                    + "1. Call `get_spec` for it. Report each diagnostic (errors"
                                    + " first) with its line and what would fix it.\n"
                                    + "2. From `gates` in that answer, say for the next status"
                                    + " whether its gate passes, and list every reason it does"
                                    + " not.\n"
                                    + "3. Read the Open Questions & Decisions section: list each"
                                    + " decision or question that is still open, with its owner"
                                    + " and date if it has them, and say which are overdue.\n"
                                    + "4. Read the spec as a reviewer would: where is it vague,"
                                    + " inconsistent, or missing a risk, a test or a rollback"
                                    + " step? Quote the lines.\n"
                                    + "5. End with a short verdict: ready for the next status,"
                                    + " or what must change first.");
                });
    }

    private static SyncPromptSpecification workNext() {
        McpSchema.Prompt prompt =
                new McpSchema.Prompt(
                        "work_next_item",
                        "Work the next item",
                        "Do the next open checklist item of a spec, verify it, and tick it.",
                        List.of(
                                new McpSchema.PromptArgument(
                                        "path", "The spec, relative to the project root.", true)));
        return new SyncPromptSpecification(
                prompt,
                (exchange, request) -> {
                    String path = required(request, "path");
                    return result(
                            "Work the next item",
                            "Work on the spec "
                                    + path
                                    + ", one checklist item at a time.\n\n"
                                    + "1. Call `next_item` for it. If `next` is null, every item"
                                    + " is done: say so and stop.\n"
                                    + "2. Read the item and the sections it depends on"
                                    + " (`get_spec` with `section`). Do the work it describes in"
                                    + " the code base, and verify it (run the tests it names).\n"
                                    + "3. Only when it is really done, call `mark_done` with the"
                                    + " item's id and the hash from your last read. If it is"
                                    + " refused because the file changed, read it again and"
                                    + " retry; if it is refused because earlier items are open,"
                                    + " do those first. Never tick an item you did not finish.\n"
                                    + "4. Report what you did and what `mark_done` says is next;"
                                    + " ask before starting the next item.");
                });
    }

    private static String argument(Map<String, Object> args, String name) {
        Object v = args == null ? null : args.get(name);
        return v == null ? "" : v.toString().strip();
    }

    /**
     * A required argument, or an invalid-params error (-32602, as the MCP specification asks for a
     * missing one) that names the prompt and the argument; an internal error would say that the
     * server failed.
     */
    private static String required(McpSchema.GetPromptRequest request, String name) {
        String v = argument(request.arguments(), name);
        if (v.isEmpty()) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message(
                            "the prompt '" + request.name() + "' needs the argument '" + name + "'")
                    .data(Map.of("prompt", request.name(), "argument", name))
                    .build();
        }
        return v;
    }

    private static McpSchema.GetPromptResult result(String description, String text) {
        return new McpSchema.GetPromptResult(
                description,
                List.of(
                        new McpSchema.PromptMessage(
                                McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }
}
