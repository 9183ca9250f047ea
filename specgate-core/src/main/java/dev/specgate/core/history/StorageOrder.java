package dev.specgate.core.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Where objects lie in the repository's pack files, to read many of them in that order. A pack
 * stores most objects as deltas against a base written before them, and JGit keeps only the base it
 * read last: read in the pack's order, each object costs one delta; read against it (newest commit
 * first in a pack written oldest first, as {@code git fast-import} writes them), each costs the
 * whole chain, up to 50 deltas. Loose objects (never deltas) come first. Where the object store is
 * not a file repository's, the order is left as it is. The results never depend on the order.
 */
final class StorageOrder {

    private final List<Pack> packs;

    private StorageOrder(List<Pack> packs) {
        this.packs = packs;
    }

    /** The order of {@code repo}'s packs as they are now. */
    static StorageOrder of(Repository repo) {
        try {
            if (repo.getObjectDatabase() instanceof ObjectDirectory dir) {
                return new StorageOrder(new ArrayList<>(dir.getPacks()));
            }
        } catch (RuntimeException | LinkageError e) {
            // JGit's storage internals changed: read in the order given
        }
        return new StorageOrder(List.of());
    }

    /** A sort key: the pack's rank and the object's offset in it; -1 when not packed. */
    long position(AnyObjectId id) {
        for (int i = 0; i < packs.size(); i++) {
            try {
                long offset = packs.get(i).getIndex().findOffset(id);
                if (offset >= 0) {
                    return ((long) i << 44) | offset;
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable index: the object is read wherever it is
            }
        }
        return -1;
    }

    /** {@code items} sorted by where their objects lie (stable for equal positions). */
    <T> List<T> sorted(List<T> items, Function<T, ? extends AnyObjectId> id) {
        if (packs.isEmpty() || items.size() < 2) {
            return items;
        }
        List<long[]> keyed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            keyed.add(new long[] {position(id.apply(items.get(i))), i});
        }
        keyed.sort(Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
        List<T> out = new ArrayList<>(items.size());
        for (long[] k : keyed) {
            out.add(items.get((int) k[1]));
        }
        return out;
    }
}
