package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The fragment ids a document defines: each heading's ({@link Section#anchor()}) and, with them,
 * the HTML ids it writes ({@link SpecDocument#anchors()}). The parser that reads them works them
 * out on first use: a heading's slug is numbered after every heading before it, and a check mostly
 * asks only whether a few links' fragments are among them ({@link #defines}), which the parser
 * answers without a slug of every heading. Immutable; safe to share across threads.
 */
public abstract class HeadingIds {

    /**
     * The ids as worked out: each section's, in the order of {@link SpecDocument#sections()}, and
     * every id the document defines.
     */
    protected record Ids(List<String> sections, Set<String> all) {
        public Ids {
            sections = List.copyOf(sections);
            all = Set.copyOf(all);
        }
    }

    /** The ids, once worked out (a race works them out twice, to the same). */
    private volatile Ids ids;

    private final Set<String> view = new View();

    protected HeadingIds() {}

    /** Ids already known: {@code sections}, one per section in order, and {@code all}. */
    public static HeadingIds of(List<String> sections, Set<String> all) {
        Ids known = new Ids(sections, all);
        return new HeadingIds() {
            @Override
            protected Ids work() {
                return known;
            }
        };
    }

    /** Works the ids out, once. */
    protected abstract Ids work();

    /** Whether the ids are worked out already. */
    protected final boolean worked() {
        return ids != null;
    }

    private Ids ids() {
        Ids known = ids;
        if (known == null) {
            known = work();
            ids = known;
        }
        return known;
    }

    /** The id of the section at {@code index} of {@link SpecDocument#sections()}. */
    public final String section(int index) {
        return ids().sections().get(index);
    }

    /** Whether the document defines {@code id}: whether {@link #asSet()} holds it. */
    public boolean defines(String id) {
        return ids().all().contains(id);
    }

    /**
     * Every id the document defines, as an immutable set whose {@code contains} asks {@link
     * #defines}: the others work the ids out.
     */
    public final Set<String> asSet() {
        return view;
    }

    /**
     * {@code anchors} as a document keeps it: the set of some heading ids as it is, else a copy.
     */
    public static Set<String> kept(Set<String> anchors) {
        requireNonNull(anchors, "anchors must not be null");
        return anchors instanceof View ? anchors : Set.copyOf(anchors);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof HeadingIds h && ids().equals(h.ids());
    }

    @Override
    public final int hashCode() {
        return ids().hashCode();
    }

    @Override
    public String toString() {
        return ids().sections().toString();
    }

    /** {@link #asSet()}: unmodifiable, as every set {@link AbstractSet} makes without add. */
    private final class View extends AbstractSet<String> {

        @Override
        public boolean contains(Object o) {
            return o instanceof String id && defines(id);
        }

        @Override
        public Iterator<String> iterator() {
            return ids().all().iterator(); // an immutable set's: no remove
        }

        @Override
        public int size() {
            return ids().all().size();
        }
    }
}
