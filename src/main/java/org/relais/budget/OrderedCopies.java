package org.relais.budget;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Immutable copies that keep a stable order (Map.copyOf and Set.copyOf do not), so that findings, messages and
 * JSON come out the same way every run.
 */
final class OrderedCopies {

    private OrderedCopies() {
    }

    static <K extends Enum<K>, V> Map<K, V> of(Map<K, V> map, Class<K> keys) {
        EnumMap<K, V> copy = new EnumMap<>(keys);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }

    static SortedSet<String> of(Set<String> set) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }
}
