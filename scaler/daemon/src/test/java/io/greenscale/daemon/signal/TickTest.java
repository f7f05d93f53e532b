package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickTest {
    private final List<SourceException> counted = new CopyOnWriteArrayList<>();
    private final Tick tick = new Tick(Instant.EPOCH, counted::add, Executors.newVirtualThreadPerTaskExecutor());

    @Test
    void a_shared_request_is_sent_once_however_many_targets_ask() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            assertThat(tick.<Integer>shared("q", SourceException.Source.PROMETHEUS, Duration.ofSeconds(5), "q", () -> sent.incrementAndGet()))
                    .isEqualTo(1);
        }
        assertThat(sent).hasValue(1);
    }

    @Test
    void a_hanging_source_times_out_at_its_deadline_and_is_counted_once() {
        CountDownLatch never = new CountDownLatch(1);
        Tick.Pending<String> a = tick.forkShared("slow", SourceException.Source.REDIS, Duration.ofMillis(50), "LLEN jobs", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        Tick.Pending<String> b = tick.forkShared("slow", SourceException.Source.REDIS, Duration.ofMillis(50), "LLEN jobs", () -> "unused");
        assertThatThrownBy(a::get).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.kind()).isEqualTo(SourceException.Kind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("LLEN jobs got no answer within 50ms");
        });
        assertThatThrownBy(b::get).isInstanceOf(SourceException.class);
        assertThat(counted).hasSize(1);
        never.countDown();
    }

    @Test
    void a_failing_call_is_counted_once_and_an_unexpected_exception_is_typed() {
        assertThatThrownBy(() -> tick.call(SourceException.Source.REDIS, Duration.ofSeconds(1), "x",
                () -> { throw new SourceException(SourceException.Source.REDIS, SourceException.Kind.AUTH, "NOAUTH"); }))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH));
        assertThatThrownBy(() -> tick.call(SourceException.Source.KUBERNETES, Duration.ofSeconds(1), "read scale",
                () -> { throw new IllegalArgumentException("field 'selector' is not defined"); }))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SourceException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("read scale failed").contains("selector");
                });
        assertThat(counted).extracting(SourceException::kind).containsExactly(SourceException.Kind.AUTH, SourceException.Kind.BAD_RESPONSE);
    }
}
