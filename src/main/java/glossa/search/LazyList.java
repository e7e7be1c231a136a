package glossa.search;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/** A list computed on first use: what a page shows only when it is built, not when it is served from the cache. */
final class LazyList<T> extends AbstractList<T> {

    private final Supplier<? extends List<? extends T>> source;
    private List<? extends T> items;

    LazyList(Supplier<? extends List<? extends T>> source) {
        this.source = source;
    }

    private List<? extends T> items() {
        if (items == null) {
            items = source.get();
        }
        return items;
    }

    @Override
    public T get(int index) {
        return items().get(index);
    }

    @Override
    public int size() {
        return items().size();
    }
}
