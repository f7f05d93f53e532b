package io.greenscale.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.admit.Pacer;
import io.greenscale.app.compute.Engine;
import io.greenscale.app.http.HttpApi;
import io.greenscale.app.metrics.AppMetrics;
import io.greenscale.app.model.Mlp;
import io.greenscale.app.work.Limits;
import io.greenscale.app.work.WorkParser;
import io.greenscale.app.work.WorkRunner;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** The HTTP API on port 0 around an engine the test chooses, ready at once unless told otherwise. */
public final class TestApps {
    public static final Limits LIMITS = new Limits(512, 10, 16);
    public static final long MAX_BODY = 64 * 1024;

    public record Running(Javalin http, Lifecycle lifecycle, ComputeGate gate, WorkRunner runner, TestHttp client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            http.stop();
            gate.close();
        }
    }

    private TestApps() {
    }

    public static Running http(Engine engine, int slots, int maxWaiting) {
        Lifecycle lifecycle = new Lifecycle(InstantSource.system());
        lifecycle.warmedUp(Instant.now(), Duration.ZERO);
        return http(engine, slots, maxWaiting, lifecycle);
    }

    public static Running http(Engine engine, int slots, int maxWaiting, Lifecycle lifecycle) {
        Mlp model = Mlp.seeded(42, Mlp.DEFAULT_WIDTHS);
        ComputeGate gate = new ComputeGate(slots, maxWaiting, 1.0, Duration.ZERO, Pacer.parking(), System::nanoTime);
        WorkRunner runner = new WorkRunner(engine, model);
        ObjectMapper writer = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        Javalin http = HttpApi.create(new HttpApi.Deps(true, MAX_BODY, new ObjectMapper(), writer, lifecycle, gate,
                new WorkParser(LIMITS, model.inputWidth(), model.flopsPerRow()), runner,
                new AppMetrics(engine, gate, Optional.empty()), () -> Map.of("engine", engine.kind().label()))).start(0);
        return new Running(http, lifecycle, gate, runner, new TestHttp(http.port()));
    }
}
