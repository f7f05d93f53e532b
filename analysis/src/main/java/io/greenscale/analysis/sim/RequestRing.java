package io.greenscale.analysis.sim;

/**
 * A FIFO of waiting requests as two primitive arrays (arrival time, service time, both in ns):
 * the simulator queues millions of requests without allocating per request. Requests taken
 * back from a killed worker go to the head, so they are served next.
 */
final class RequestRing {
    private long[] arrived = new long[256];
    private long[] service = new long[256];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void addLast(long arrivedAt, long serviceNanos) {
        grow();
        int i = (head + size) & (arrived.length - 1);
        arrived[i] = arrivedAt;
        service[i] = serviceNanos;
        size++;
    }

    void addFirst(long arrivedAt, long serviceNanos) {
        grow();
        head = (head - 1) & (arrived.length - 1);
        arrived[head] = arrivedAt;
        service[head] = serviceNanos;
        size++;
    }

    long headArrived() {
        return arrived[head];
    }

    long headService() {
        return service[head];
    }

    void removeFirst() {
        head = (head + 1) & (arrived.length - 1);
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        if (size < arrived.length) {
            return;
        }
        int n = arrived.length;
        long[] a = new long[n * 2];
        long[] s = new long[n * 2];
        for (int k = 0; k < size; k++) {
            a[k] = arrived[(head + k) & (n - 1)];
            s[k] = service[(head + k) & (n - 1)];
        }
        arrived = a;
        service = s;
        head = 0;
    }

    @Override
    public String toString() {
        return "RequestRing[" + size + " waiting, head arrived " + (size == 0 ? "-" : Long.toString(arrived[head])) + "]";
    }
}
