package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Where every job of the run ended up, read from Redis once the workers have stopped: a result
 * ({@code result:<id>}), a dead letter, or still waiting (in the queue or a processing list). A
 * job pushed but in none of them is lost — the queue protocol's promise is that none is. A job
 * completed twice (taken back from a worker that was thought dead) is counted as a duplicate.
 *
 * @param pushed       jobs the load generator pushed ({@code {q}:stats:enqueued})
 * @param completed    jobs with a result
 * @param completions  completions the workers counted ({@code {q}:stats:completed}), duplicates included
 * @param unfinished   jobs still in the queue or a processing list when the run ended
 * @param lostIds      up to 20 ids of jobs pushed and found nowhere
 */
public record JobLedger(long pushed, long completed, long completions, long deadLettered, long unfinished, long lost, List<String> lostIds,
                 List<JobRow> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public long duplicates() {
        return Math.max(0, completions - completed);
    }

    /**
     * @param prefix   the load generator's job-id prefix; its jobs are {@code prefix + seq}, seq from 0
     * @param intended the jobs the schedule held (the seqs to look for)
     */
    static JobLedger take(Jedis jedis, String queue, String prefix, long intended) {
        List<JobRow> rows = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (long from = 0; from < intended; from += 500) {
            List<String> ids = new ArrayList<>();
            for (long seq = from; seq < Math.min(intended, from + 500); seq++) {
                ids.add(prefix + seq);
            }
            List<String> results = jedis.mget(ids.stream().map(id -> "result:" + id).toArray(String[]::new));
            for (int i = 0; i < ids.size(); i++) {
                if (results.get(i) == null) {
                    continue;
                }
                found.add(ids.get(i));
                JobRow row = row(ids.get(i), results.get(i));
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        long completed = found.size();
        Set<String> dead = new HashSet<>();
        for (String entry : jedis.lrange(queue + ":dead", 0, -1)) {
            String raw = field(entry, "job");
            String id = raw == null ? null : field(raw, "id");
            if (id != null) {
                dead.add(id);
            }
        }
        found.addAll(dead);
        Set<String> waiting = new HashSet<>();
        jedis.lrange(queue, 0, -1).forEach(job -> waiting.add(field(job, "id")));
        for (String key : processingLists(jedis, queue)) {
            jedis.lrange(key, 0, -1).forEach(job -> waiting.add(field(job, "id")));
        }
        waiting.remove(null);
        found.addAll(waiting);
        long pushed = counter(jedis.get(queue + ":stats:enqueued"));
        long completions = counter(jedis.get(queue + ":stats:completed"));
        List<String> missing = new ArrayList<>();
        for (long seq = 0; seq < intended && missing.size() < 20; seq++) {
            if (!found.contains(prefix + seq)) {
                missing.add(prefix + seq);
            }
        }
        long lost = Math.max(0, pushed - found.stream().filter(id -> id.startsWith(prefix)).count());
        return new JobLedger(pushed, completed, completions, dead.size(), waiting.size(), lost, lost == 0 ? List.of() : missing, rows);
    }

    private static List<String> processingLists(Jedis jedis, String queue) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(queue + ":processing:*").count(500);
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** The result's timings, or null when it is not JSON (it still counts as completed). */
    private static JobRow row(String id, String result) {
        try {
            JsonNode r = JSON.readTree(result);
            return new JobRow(id, r.path("worker").asText(null), r.hasNonNull("enqueued_at_ms") ? r.get("enqueued_at_ms").asLong() : null,
                    r.path("started_at_ms").asLong(), r.path("completed_at_ms").asLong(),
                    r.hasNonNull("compute_seconds") ? r.get("compute_seconds").asDouble() : null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String field(String json, String key) {
        try {
            JsonNode n = JSON.readTree(json);
            return n.hasNonNull(key) ? n.get(key).asText() : null;
        } catch (IOException e) {
            return null; // a malformed job has no id to account it by
        }
    }

    private static long counter(String v) {
        return v == null ? 0 : Long.parseLong(v.trim());
    }

    /** The accounting run.json records. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pushed", pushed);
        m.put("completed", completed);
        m.put("completions", completions);
        m.put("duplicates", duplicates());
        m.put("dead_lettered", deadLettered);
        m.put("unfinished", unfinished);
        m.put("lost", lost);
        if (!lostIds.isEmpty()) {
            m.put("lost_ids", lostIds);
        }
        return m;
    }
}
