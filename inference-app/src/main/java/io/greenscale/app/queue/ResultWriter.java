package io.greenscale.app.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.app.work.WorkResult;

/** The result JSON of a job: the job's own fields (less its inputs), then what the worker adds. */
final class ResultWriter {
    private final ObjectMapper json;
    private final String worker;
    private final String engine;
    private final String device;

    ResultWriter(ObjectMapper json, String worker, String engine, String device) {
        this.json = json;
        this.worker = worker;
        this.engine = engine;
        this.device = device;
    }

    String write(Job job, WorkResult result, long computeNanos, long startedAtMs, long completedAtMs) {
        ObjectNode r = job.fields().deepCopy();
        r.remove("inputs");
        r.put("id", job.id());
        r.put("kind", job.kind());
        r.put("worker", worker);
        r.put("engine", engine);
        r.put("device", device);
        r.put("started_at_ms", startedAtMs);
        r.put("completed_at_ms", completedAtMs);
        job.enqueuedAtMs().ifPresent(t -> r.put("enqueued_at_ms", t));
        double seconds = computeNanos / 1e9;
        r.put("compute_seconds", seconds);
        r.put("gflops", seconds > 0 ? job.work().flops() / seconds / 1e9 : 0);
        switch (result) {
            case WorkResult.Matmul m -> {
                r.put("n", m.n());
                r.put("iterations", m.iterations());
                r.put("checksum", m.checksum());
            }
            case WorkResult.Infer i -> {
                ArrayNode rows = r.putArray("outputs");
                for (int row = 0; row < i.rows(); row++) {
                    ArrayNode out = rows.addArray();
                    for (int j = 0; j < i.width(); j++) {
                        out.add(i.outputs()[row * i.width() + j]);
                    }
                }
            }
        }
        return r.toString();
    }

    /** {@code {"job": "<raw text>", "reason": "...", "worker": "...", "at_ms": ...}} */
    String deadLetter(String raw, String reason, long atMs) {
        ObjectNode d = json.createObjectNode();
        d.put("job", raw);
        d.put("reason", reason);
        d.put("worker", worker);
        d.put("at_ms", atMs);
        return d.toString();
    }
}
