package io.greenscale.app.work;

import io.greenscale.app.compute.Engine;
import io.greenscale.app.model.MatrixOperands;
import io.greenscale.app.model.Mlp;

/** Runs validated work on the engine; called on a compute slot, never on a request thread. */
public final class WorkRunner {
    private final Engine engine;
    private final Mlp model;
    private final MatrixOperands operands = new MatrixOperands();

    public WorkRunner(Engine engine, Mlp model) {
        this.engine = engine;
        this.model = model;
    }

    public Engine engine() {
        return engine;
    }

    public Mlp model() {
        return model;
    }

    public WorkResult run(Work work) {
        return switch (work) {
            case Work.Matmul m -> matmul(m);
            case Work.Infer i -> new WorkResult.Infer(model.forward(engine, i.inputs(), i.rows()), i.rows(), model.outputWidth());
        };
    }

    private WorkResult.Matmul matmul(Work.Matmul m) {
        MatrixOperands.Pair p = operands.forSize(m.n());
        float[] c = null;
        for (int i = 0; i < m.iterations(); i++) {
            c = engine.multiply(p.a(), p.b(), m.n(), m.n(), m.n());
        }
        double sum = 0;
        for (float v : c) {
            sum += v;
        }
        return new WorkResult.Matmul(m.n(), m.iterations(), sum);
    }
}
