package io.greenscale.app.queue;

/**
 * The Redis keys of one queue, as docs/queue-protocol.md specifies them; the load generator and the
 * scaler's Redis source use the same names.
 */
public record QueueKeys(String queue) {

    /** LPUSH by producers, BLMOVE RIGHT → LEFT by workers: FIFO. */
    public String pending() {
        return queue;
    }

    public String processing(String worker) {
        return queue + ":processing:" + worker;
    }

    /** SET of registered worker ids. */
    public String workers() {
        return queue + ":workers";
    }

    /** Epoch ms of the worker's last heartbeat, expiring after 3 periods. */
    public String heartbeat(String worker) {
        return queue + ":worker:" + worker;
    }

    public String dead() {
        return queue + ":dead";
    }

    public String enqueued() {
        return queue + ":stats:enqueued";
    }

    public String completed() {
        return queue + ":stats:completed";
    }

    public String reclaimed() {
        return queue + ":stats:reclaimed";
    }

    public String deadCount() {
        return queue + ":stats:dead";
    }

    public String failed() {
        return queue + ":stats:failed";
    }

    /** PUBLISH channel carrying the id of each completed job. */
    public String done() {
        return queue + ":done";
    }

    /** Results are global, not per queue: {@code result:{id}}. */
    public static String result(String id) {
        return "result:" + id;
    }
}
