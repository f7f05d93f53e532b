package io.greenscale.analysis.sim;

/**
 * A binary min-heap of (time ns, a, b, generation) entries in primitive arrays: slot completions
 * (a = pod, b = slot) and pod lifecycle steps (a = pod, b = step). An entry whose generation no
 * longer matches its owner's is stale (the pod was killed, the slot reused) and is skipped by the caller.
 */
final class TimedHeap {
    private long[] time = new long[64];
    private int[] a = new int[64];
    private int[] b = new int[64];
    private int[] gen = new int[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return size == 0 ? Long.MAX_VALUE : time[0];
    }

    int peekA() {
        return a[0];
    }

    int peekB() {
        return b[0];
    }

    int peekGen() {
        return gen[0];
    }

    void push(long t, int x, int y, int g) {
        if (size == time.length) {
            time = java.util.Arrays.copyOf(time, size * 2);
            a = java.util.Arrays.copyOf(a, size * 2);
            b = java.util.Arrays.copyOf(b, size * 2);
            gen = java.util.Arrays.copyOf(gen, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(t, x, y, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, t, x, y, g);
    }

    void pop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        long t = time[last];
        int x = a[last];
        int y = b[last];
        int g = gen[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && lessAt(child + 1, child)) {
                child++;
            }
            if (!lessAt(child, t, x, y)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, x, y, g);
    }

    /** Ties broken by (a, b) so the order of simultaneous events never depends on insertion history. */
    private boolean less(long t, int x, int y, int j) {
        if (t != time[j]) {
            return t < time[j];
        }
        return x != a[j] ? x < a[j] : y < b[j];
    }

    private boolean lessAt(int i, int j) {
        return less(time[i], a[i], b[i], j);
    }

    private boolean lessAt(int j, long t, int x, int y) {
        if (time[j] != t) {
            return time[j] < t;
        }
        return a[j] != x ? a[j] < x : b[j] < y;
    }

    private void move(int from, int to) {
        time[to] = time[from];
        a[to] = a[from];
        b[to] = b[from];
        gen[to] = gen[from];
    }

    private void set(int i, long t, int x, int y, int g) {
        time[i] = t;
        a[i] = x;
        b[i] = y;
        gen[i] = g;
    }
}
