package dev.specgate.core.checklist;

import java.util.List;

/** What an item reference ({@code 13.2} or a piece of an item's text) found in a checklist. */
public sealed interface ItemLookup {

    /**
     * Exactly one item: the one with that id, or the only open item whose text matches, or, when no
     * open item matches, the only item whose text matches (ticked already; {@link
     * ChecklistEntry#checked()} tells).
     */
    record Found(ChecklistEntry entry) implements ItemLookup {}

    /**
     * No item with that id and no open item whose text matches.
     *
     * @param checkedMatches the ticked items whose text matches when there are several (one alone
     *     is {@link Found}), to tell the user they are done already; empty when no item matches
     */
    record NotFound(List<ChecklistEntry> checkedMatches) implements ItemLookup {
        public NotFound {
            checkedMatches = List.copyOf(checkedMatches);
        }
    }

    /**
     * Several open items match the text, or several items (open or not) carry the id, as in a task
     * list that numbers two items alike; the user must say which one.
     *
     * @param candidates every open item whose text matches, or every item with the id, in document
     *     order
     */
    record Ambiguous(List<ChecklistEntry> candidates) implements ItemLookup {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }
}
