package dev.specgate.cli.checklist;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ItemLookup;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate done SPEC ITEM}: ticks one checklist item, changing only its box. */
@Command(
        name = "done",
        mixinStandardHelpOptions = true,
        description = {
            "Ticks one checklist item, changing only its box ([ ] becomes [x]).",
            "ITEM is an item id (such as 13.2, as progress and next show it) or a piece of the"
                    + " item's text, as written or as it reads rendered (without code marks or"
                    + " emphasis), that matches exactly one unchecked item (ignoring case; of"
                    + " several, the one whose whole text it is), or, when it matches no"
                    + " unchecked item, exactly one checked item: that one is"
                    + " already checked, as its id would say."
        })
public final class DoneCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "ITEM", description = "An item id or text.")
    private String item;

    @Option(
            names = "--in-order",
            description =
                    "Refuse while an earlier item is unchecked: for an item of Prerequisites,"
                            + " Implementation Steps, Testing & Validation or Integration &"
                            + " Deployment, any earlier one of those; for any other item, an"
                            + " earlier one under the same heading.")
    private boolean inOrder;

    @Override
    public Integer call() throws ConfigException {
        if (item.isBlank()) {
            throw SpecgateException.usage("ITEM must be an item id or text, not empty");
        }
        ChecklistInput input =
                ChecklistInput.read(file, configOptions, spec.commandLine().getErr());
        Checklist checklist = input.checklist();
        ChecklistEntry entry = find(checklist);
        PrintWriter out = spec.commandLine().getOut();
        if (entry.checked()) {
            out.println(
                    TextReporter.escape(
                            entry.id() + " is already checked; nothing changed: " + entry.text()));
            out.flush();
            return ExitCode.CLEAN.code();
        }
        if (inOrder) {
            List<ChecklistEntry> open = checklist.openBefore(entry);
            if (!open.isEmpty()) {
                throw SpecgateException.refused(
                        "cannot check "
                                + entry.id()
                                + " in order: "
                                + open.size()
                                + (open.size() == 1 ? " earlier item is" : " earlier items are")
                                + " still unchecked (the file is unchanged)",
                        open.stream().map(ItemText::located).toList());
            }
        }
        SpecFiles.write(input.source().edit().taskBox(entry.item(), true));
        out.println("Checked " + ItemText.located(entry) + ".");
        Optional<ChecklistEntry> next = checklist.nextOnceTicked(entry);
        out.println(
                next.map(n -> "Next: " + ItemText.located(n))
                        .orElse("Every checklist item is now checked."));
        out.flush();
        return ExitCode.CLEAN.code();
    }

    /**
     * The item ITEM names (by its id, or by its text: the one open item that matches, else the one
     * item that matches, ticked already). An ITEM that names no item, or several open ones, is a
     * bad argument (exit 2, as for every command), said in one line with the spec and what it
     * holds; an ITEM whose text matches several ticked items and no open one is refused (exit 1)
     * with them listed: they are all done, but which one was meant cannot be said.
     */
    private ChecklistEntry find(Checklist checklist) {
        ItemLookup found = checklist.lookup(item);
        if (found instanceof ItemLookup.Found f) {
            return f.entry();
        }
        String name = DisplayPath.of(file);
        if (found instanceof ItemLookup.Ambiguous a && Checklist.looksLikeId(item)) {
            throw SpecgateException.refused(
                    Checklist.duplicateIdRefusal(item, a.candidates().size(), name),
                    a.candidates().stream().map(ItemText::located).toList());
        }
        if (found instanceof ItemLookup.Ambiguous a) {
            throw new SpecgateException(
                    ExitCode.USAGE,
                    "'"
                            + item
                            + "' matches "
                            + a.candidates().size()
                            + " unchecked items in "
                            + name
                            + ": give the id of one (the file is unchanged)",
                    a.candidates().stream().map(ItemText::located).toList());
        }
        List<ChecklistEntry> checked = ((ItemLookup.NotFound) found).checkedMatches();
        if (!checked.isEmpty()) {
            throw SpecgateException.refused(
                    "no unchecked item matches '" + item + "' in " + name + "; already checked:",
                    checked.stream().map(ItemText::located).toList());
        }
        if (Checklist.looksLikeId(item)) {
            throw SpecgateException.usage(
                    "no item has the id '"
                            + item.strip()
                            + "' in "
                            + name
                            + ": "
                            + checklist.idsSaid()
                            + " (an ITEM of numbers and dots is an id: run specgate progress "
                            + ShellWord.of(name)
                            + " to see every item's id; the file is unchanged)");
        }
        throw SpecgateException.usage(
                "no item has the id or text '"
                        + item
                        + "' in "
                        + name
                        + ": "
                        + checklist.idsSaid()
                        + " (run specgate progress "
                        + ShellWord.of(name)
                        + " to see every item; the file is unchanged)");
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "ticked (or already ticked, whether ITEM is its id or its text)",
                ExitCode.FINDINGS,
                "refused: ITEM's text matches several checked items and no unchecked one, or an earlier item is open with --in-order (the file is untouched)",
                ExitCode.USAGE,
                "usage error, unreadable spec, or ITEM names no item or several (the file is untouched)");
    }
}
