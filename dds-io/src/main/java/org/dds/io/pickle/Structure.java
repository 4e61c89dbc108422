package org.dds.io.pickle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the unpickler builds finite and shallow, without recursion of its own: a pickle can make a list hold
 * itself (APPEND of a memoised list into itself) or nest 100,000 containers, and any later recursive walk of such a
 * value (hashing it as a dict key, printing it, comparing it) overflows the Java stack. Containers are lists, tuples
 * and dicts; numpy arrays and scalars are leaves.
 */
final class Structure {
    private Structure() {
    }

    /**
     * Checks a finished value: no container holds itself, directly or through others, and no chain of containers
     * is longer than {@link RestrictedUnpickler#MAX_DEPTH}. Shared values (the same list in many places, as the
     * memo allows) are visited once, so the check is linear in the number of containers.
     *
     * @param root the value
     * @param in   the input, for messages
     */
    static void check(Object root, PickleInput in) {
        if (!container(root)) {
            return;
        }
        // height of every finished container: the longest chain of containers it starts
        Map<Object, Integer> height = new IdentityHashMap<>();
        Map<Object, Boolean> onPath = new IdentityHashMap<>();
        Deque<Frame> path = new ArrayDeque<>();
        path.push(new Frame(root));
        onPath.put(root, Boolean.TRUE);
        while (!path.isEmpty()) {
            Frame top = path.peek();
            if (top.children.hasNext()) {
                Object child = top.children.next();
                if (!container(child)) {
                    continue;
                }
                if (onPath.containsKey(child)) {
                    throw in.fail("holds a container that contains itself", "a data file never does; the file "
                            + "is corrupt or hostile");
                }
                Integer done = height.get(child);
                if (done != null) {
                    top.below = Math.max(top.below, done);
                    tooDeep(path.size() + done, in);
                    continue;
                }
                tooDeep(path.size() + 1, in);
                path.push(new Frame(child));
                onPath.put(child, Boolean.TRUE);
            } else {
                path.pop();
                onPath.remove(top.node);
                int h = top.below + 1;
                height.put(top.node, h);
                if (!path.isEmpty()) {
                    path.peek().below = Math.max(path.peek().below, h);
                }
            }
        }
    }

    /**
     * Checks a dict key before it is hashed: Python refuses lists and dicts as keys (unhashable), and a tuple key
     * must not be nested deeper than {@link RestrictedUnpickler#MAX_DEPTH}. A tuple of such values cannot hold
     * itself (tuples are built from values that already exist), so the walk ends.
     *
     * @param key the key
     * @param in  the input, for messages
     */
    static void requireKey(Object key, PickleInput in) {
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {key, 1});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Object o = item[0];
            int depth = (Integer) item[1];
            if (o instanceof ArrayList<?> || o instanceof Map<?, ?>) {
                throw in.fail("uses " + NumpyCalls.kind(o) + " as a dict key, which Python refuses (unhashable)",
                        "the file is corrupt or hostile");
            }
            if (o instanceof List<?> tuple) {
                tooDeep(depth, in);
                for (Object e : tuple) {
                    todo.push(new Object[] {e, depth + 1});
                }
            }
        }
    }

    private static void tooDeep(int depth, PickleInput in) {
        if (depth > RestrictedUnpickler.MAX_DEPTH) {
            throw in.fail("holds containers nested more than " + RestrictedUnpickler.MAX_DEPTH + " levels deep",
                    "a data file never does; the file is corrupt or hostile");
        }
    }

    private static boolean container(Object o) {
        return o instanceof List<?> || o instanceof Map<?, ?>;
    }

    /** One container on the current path and the children still to visit. */
    private static final class Frame {
        final Object node;
        final Iterator<Object> children;
        int below;

        Frame(Object node) {
            this.node = node;
            List<Object> c = new ArrayList<>();
            if (node instanceof Map<?, ?> m) {
                c.addAll(m.keySet());
                c.addAll(m.values());
            } else {
                c.addAll((List<?>) node);
            }
            this.children = c.iterator();
        }
    }
}
