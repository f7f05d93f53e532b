package io.greenscale.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.localservers.LocalRedis;
import io.greenscale.localservers.RequiresPrograms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Where each job ended up, read from a real Redis laid out as the queue protocol leaves it. */
@RequiresPrograms({"redis-server"})
class JobLedgerTest {
    static LocalRedis redis;

    @BeforeAll
    static void start() {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    static String job(int seq) {
        return "{\"id\":\"lg-x-" + seq + "\",\"kind\":\"matmul\",\"n\":32,\"enqueued_at_ms\":1000}";
    }

    @Test
    void accounts_for_results_dead_letters_and_waiting_jobs_and_names_the_lost_one() {
        try (Jedis jedis = redis.connect()) {
            jedis.set("jobs:stats:enqueued", "7");
            jedis.set("jobs:stats:completed", "4"); // job 1 completed twice: taken back from a worker thought dead
            for (int seq : new int[] {0, 1, 2}) {
                jedis.set("result:lg-x-" + seq, "{\"id\":\"lg-x-" + seq + "\",\"worker\":\"w-1\",\"started_at_ms\":2000,\"completed_at_ms\":3010,"
                        + "\"enqueued_at_ms\":1000,\"compute_seconds\":1.0}");
            }
            jedis.lpush("jobs:dead", "{\"job\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(job(3)) + ",\"reason\":\"n = 0\"}");
            jedis.lpush("jobs", job(4));
            jedis.lpush("jobs:processing:w-2", job(5));
            // job 6 is nowhere: lost

            JobLedger ledger = JobLedger.take(jedis, "jobs", "lg-x-", 7);

            assertThat(ledger.pushed()).isEqualTo(7);
            assertThat(ledger.completed()).isEqualTo(3);
            assertThat(ledger.duplicates()).isEqualTo(1);
            assertThat(ledger.deadLettered()).isEqualTo(1);
            assertThat(ledger.unfinished()).isEqualTo(2);
            assertThat(ledger.lost()).isEqualTo(1);
            assertThat(ledger.lostIds()).containsExactly("lg-x-6");
            assertThat(ledger.rows()).hasSize(3).allSatisfy(r -> assertThat(r.serviceSeconds()).isEqualTo(1.01));
        }
    }
}
