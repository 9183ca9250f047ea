package dev.specgate.core.history;

import dev.specgate.core.input.MarkdownNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The Markdown files ({@code *.md}, {@code *.markdown}, in any case: {@link MarkdownNames}) each of
 * a run of commits changed against its first parent: what JGit's {@code DiffEntry.scan} gives over
 * a recursive {@code TreeWalk} with {@code ANY_DIFF} and {@link GitRevisions}' Markdown name
 * filter, read from the raw tree objects. The trees of the whole run are read one directory level
 * at a time, each level's in the order they lie in the packs ({@link StorageOrder}); the entries
 * two trees share are skipped with one byte comparison ({@link Arrays#mismatch}), so a directory of
 * 1,000 specs where a commit changed one costs a comparison of bytes, not 2,000 parsed entries.
 */
final class TreeChanges {

    /** What happened to a file. */
    enum Kind {
        ADD,
        MODIFY,
        DELETE,
        /**
         * Its type changed (file, symbolic link, submodule): JGit splits it into a deletion and an
         * addition, which the caller reads with JGit itself.
         */
        TYPE
    }

    /**
     * A changed file.
     *
     * @param kind the change
     * @param path its path in the commit
     * @param id its content in the commit (null when deleted)
     */
    record Change(Kind kind, String path, ObjectId id) {}

    /** Two trees to compare for one commit of the run; either may be missing (null). */
    private record Pair(int commit, byte[] prefix, ObjectId before, ObjectId after) {}

    private static final byte[] NONE = new byte[0];

    private final ObjectReader reader;
    private final StorageOrder order;

    TreeChanges(ObjectReader reader, StorageOrder order) {
        this.reader = reader;
        this.order = order;
    }

    /**
     * The changes of each commit against its parent (null for a root commit), in the order given.
     */
    List<List<Change>> of(List<RevCommit> commits, List<RevCommit> parents) throws IOException {
        List<List<Change>> out = new ArrayList<>(commits.size());
        List<Pair> level = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            out.add(new ArrayList<>(2));
            ObjectId before = parents.get(i) == null ? null : parents.get(i).getTree().copy();
            ObjectId after = commits.get(i).getTree().copy();
            if (!after.equals(before)) {
                level.add(new Pair(i, NONE, before, after));
            }
        }
        while (!level.isEmpty()) {
            Map<ObjectId, byte[]> trees = read(level);
            List<Pair> next = new ArrayList<>();
            for (Pair p : level) {
                compare(p, trees, out.get(p.commit()), next);
            }
            level = next;
        }
        return out;
    }

    /** Every tree of a level, read in storage order. */
    private Map<ObjectId, byte[]> read(List<Pair> level) throws IOException {
        Set<ObjectId> ids = new LinkedHashSet<>();
        for (Pair p : level) {
            if (p.before() != null) {
                ids.add(p.before());
            }
            if (p.after() != null) {
                ids.add(p.after());
            }
        }
        Map<ObjectId, byte[]> trees = new HashMap<>();
        for (ObjectId id : order.sorted(new ArrayList<>(ids), x -> x)) {
            trees.put(id, reader.open(id, Constants.OBJ_TREE).getCachedBytes());
        }
        return trees;
    }

    private static void compare(
            Pair p, Map<ObjectId, byte[]> trees, List<Change> out, List<Pair> next)
            throws IOException {
        byte[] a = p.before() == null ? NONE : trees.get(p.before());
        byte[] b = p.after() == null ? NONE : trees.get(p.after());
        Entry ea = new Entry();
        Entry eb = new Entry();
        int ia = 0;
        int ib = 0;
        while (ia < a.length && ib < b.length) {
            int m = Arrays.mismatch(a, ia, a.length, b, ib, b.length);
            if (m < 0) {
                return; // the rest is the same in both
            }
            // whole entries before the first differing byte are the same in both
            int differs = ia + m;
            while (ia < a.length) {
                int end = Entry.end(a, ia);
                if (end > differs) {
                    break;
                }
                ib += end - ia;
                ia = end;
            }
            if (ia >= a.length || ib >= b.length) {
                break;
            }
            ea.read(a, ia);
            eb.read(b, ib);
            int cmp = Entry.compare(ea, eb);
            if (cmp < 0) {
                gone(p, ea, out, next);
                ia = ea.end;
            } else if (cmp > 0) {
                added(p, eb, out, next);
                ib = eb.end;
            } else {
                both(p, ea, eb, out, next);
                ia = ea.end;
                ib = eb.end;
            }
        }
        for (; ia < a.length; ia = ea.end) {
            ea.read(a, ia);
            gone(p, ea, out, next);
        }
        for (; ib < b.length; ib = eb.end) {
            eb.read(b, ib);
            added(p, eb, out, next);
        }
    }

    private static void gone(Pair p, Entry e, List<Change> out, List<Pair> next) {
        if (e.isTree()) {
            next.add(new Pair(p.commit(), e.path(p.prefix()), e.id(), null));
        } else if (e.isMarkdown()) {
            out.add(new Change(Kind.DELETE, path(p.prefix(), e), null));
        }
    }

    private static void added(Pair p, Entry e, List<Change> out, List<Pair> next) {
        if (e.isTree()) {
            next.add(new Pair(p.commit(), e.path(p.prefix()), null, e.id()));
        } else if (e.isMarkdown()) {
            out.add(new Change(Kind.ADD, path(p.prefix(), e), e.id()));
        }
    }

    private static void both(Pair p, Entry a, Entry b, List<Change> out, List<Pair> next) {
        boolean sameId = a.sameId(b);
        if (a.isTree()) {
            if (!sameId) {
                next.add(new Pair(p.commit(), a.path(p.prefix()), a.id(), b.id()));
            }
            return;
        }
        if (!b.isMarkdown() || (sameId && a.mode == b.mode)) {
            return;
        }
        boolean sameType = (a.mode & FileMode.TYPE_MASK) == (b.mode & FileMode.TYPE_MASK);
        Kind kind = !sameId && !sameType ? Kind.TYPE : Kind.MODIFY;
        out.add(new Change(kind, path(p.prefix(), b), b.id()));
    }

    /** A file's path as JGit's tree walk names it: the whole path's bytes decoded at once. */
    private static String path(byte[] prefix, Entry e) {
        byte[] full = e.path(prefix);
        return RawParseUtils.decode(full, 0, full.length - 1); // without the trailing '/'
    }

    /** One entry of a raw tree object: {@code mode SP name NUL id[20]}. */
    private static final class Entry {
        byte[] raw;
        int mode;
        int nameStart;
        int nameEnd;
        int end;

        /** Where the entry starting at {@code pos} ends. */
        static int end(byte[] raw, int pos) throws CorruptObjectException {
            int nul = pos;
            while (nul < raw.length && raw[nul] != 0) {
                nul++;
            }
            if (nul + 21 > raw.length) {
                throw new CorruptObjectException("a tree entry runs past the end of its tree");
            }
            return nul + 21;
        }

        void read(byte[] raw, int pos) throws CorruptObjectException {
            this.raw = raw;
            int m = 0;
            int k = pos;
            while (k < raw.length && raw[k] != ' ') {
                m = (m << 3) + (raw[k] - '0');
                k++;
            }
            mode = m;
            nameStart = k + 1;
            end = end(raw, pos);
            nameEnd = end - 21;
            if (nameStart > nameEnd) {
                throw new CorruptObjectException("a tree entry has no name");
            }
        }

        boolean isTree() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        boolean isMarkdown() {
            return MarkdownNames.isMarkdown(raw, nameStart, nameEnd);
        }

        ObjectId id() {
            return ObjectId.fromRaw(raw, nameEnd + 1);
        }

        boolean sameId(Entry o) {
            return Arrays.equals(raw, nameEnd + 1, end, o.raw, o.nameEnd + 1, o.end);
        }

        /** {@code prefix}, the name and a {@code /}. */
        byte[] path(byte[] prefix) {
            int n = nameEnd - nameStart;
            byte[] p = Arrays.copyOf(prefix, prefix.length + n + 1);
            System.arraycopy(raw, nameStart, p, prefix.length, n);
            p[p.length - 1] = '/';
            return p;
        }

        /** The char a name ends with when compared: {@code /} for a tree (git's tree order). */
        int last() {
            return isTree() ? '/' : 0;
        }

        /** Git's order of tree entries, as JGit's {@code Paths.compare}. */
        static int compare(Entry a, Entry b) {
            int la = a.nameEnd - a.nameStart;
            int lb = b.nameEnd - b.nameStart;
            int n = Math.min(la, lb);
            int m =
                    Arrays.mismatch(
                            a.raw,
                            a.nameStart,
                            a.nameStart + n,
                            b.raw,
                            b.nameStart,
                            b.nameStart + n);
            if (m >= 0) {
                return (a.raw[a.nameStart + m] & 0xff) - (b.raw[b.nameStart + m] & 0xff);
            }
            int ca = la > n ? a.raw[a.nameStart + n] & 0xff : a.last();
            int cb = lb > n ? b.raw[b.nameStart + n] & 0xff : b.last();
            return ca - cb;
        }
    }
}
