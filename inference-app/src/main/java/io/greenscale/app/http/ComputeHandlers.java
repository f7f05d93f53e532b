package io.greenscale.app.http;

import io.greenscale.app.admit.ComputeGate;
import io.greenscale.app.admit.Lifecycle;
import io.greenscale.app.admit.Refused;
import io.greenscale.app.work.Work;
import io.greenscale.app.work.WorkParser;
import io.greenscale.app.work.WorkResult;
import io.greenscale.app.work.WorkRunner;
import io.javalin.http.Context;
import java.util.Set;

/** POST /v1/matmul and /v1/infer: HTTP → validated work → a compute slot → JSON. */
final class ComputeHandlers {
    private final Lifecycle lifecycle;
    private final ComputeGate gate;
    private final WorkParser parser;
    private final WorkRunner runner;
    private final JsonBodies json;

    ComputeHandlers(Lifecycle lifecycle, ComputeGate gate, WorkParser parser, WorkRunner runner, JsonBodies json) {
        this.lifecycle = lifecycle;
        this.gate = gate;
        this.parser = parser;
        this.runner = runner;
        this.json = json;
    }

    void matmul(Context ctx) {
        refuseUnlessReady();
        Work.Matmul work = parser.matmul(json.read(ctx), Set.of());
        ComputeGate.Timed<WorkResult> t = gate.offer(() -> runner.run(work));
        WorkResult.Matmul r = (WorkResult.Matmul) t.value();
        double seconds = t.computeNanos() / 1e9;
        json.write(ctx, new Responses.Matmul(r.n(), r.iterations(), r.checksum(), runner.engine().kind().label(),
                runner.engine().device(), seconds, gflops(work, seconds)));
    }

    void infer(Context ctx) {
        refuseUnlessReady();
        Work.Infer work = parser.infer(json.read(ctx), Set.of());
        ComputeGate.Timed<WorkResult> t = gate.offer(() -> runner.run(work));
        WorkResult.Infer r = (WorkResult.Infer) t.value();
        double seconds = t.computeNanos() / 1e9;
        json.write(ctx, new Responses.Infer(r.asRows(), r.rows(), runner.engine().kind().label(), runner.engine().device(),
                seconds, gflops(work, seconds)));
    }

    private void refuseUnlessReady() {
        Refused refusal = lifecycle.refusal();
        if (refusal != null) {
            throw refusal;
        }
    }

    private static double gflops(Work work, double seconds) {
        return seconds > 0 ? work.flops() / seconds / 1e9 : 0;
    }
}
