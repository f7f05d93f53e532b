package io.greenscale.policy.hpa;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Explanation.ProposalNote;
import io.greenscale.policy.Explanation.SignalNote;
import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.hpa.calc.Outcome;
import io.greenscale.policy.hpa.controller.MetricProposal;
import io.greenscale.policy.hpa.controller.MetricsEvaluation;
import io.greenscale.policy.hpa.controller.Normalized;
import io.greenscale.policy.hpa.controller.ReconcileResult;
import io.greenscale.policy.hpa.normalize.Limited;

/**
 * Turns one HPA sync into a {@link Decision}: upstream's outcome mapped onto {@link Reason}, one
 * proposal note per metric, and a step for each rule that moved the value, with the upstream
 * condition reason in its detail.
 */
public final class HpaDecisions {
    private HpaDecisions() {}

    public static Decision toDecision(ReconcileResult r, PolicyState next) {
        return new Decision(r.currentReplicas(), r.desiredReplicas(), reason(r), explain(r), next);
    }

    public static Reason reason(ReconcileResult r) {
        int current = r.currentReplicas();
        int desired = r.desiredReplicas();
        return switch (r.path()) {
            case DISABLED_AT_ZERO -> Reason.PAUSED;
            case ABOVE_MAX -> Reason.MAX_REPLICAS;
            case BELOW_MIN -> Reason.MIN_REPLICAS;
            case METRICS_FAILED -> anyValid(r.evaluation()) ? Reason.STALE_HOLD : Reason.NO_SIGNALS;
            case NORMALIZED -> {
                Normalized n = r.normalized();
                if (n.isLimited() && desired == n.limited().replicas()) {
                    yield switch (n.limited().reason()) {
                        case Limited.SCALE_UP_LIMIT, Limited.SCALE_DOWN_LIMIT -> Reason.STEP_LIMIT;
                        case Limited.TOO_MANY -> Reason.MAX_REPLICAS;
                        default -> Reason.MIN_REPLICAS;
                    };
                }
                if (n.stabilized() != n.recommended()) {
                    yield Reason.STABILIZED;
                }
                if (current == 0 && desired > 0) {
                    yield Reason.ACTIVATION;
                }
                if (desired == 0 && current > 0) {
                    yield Reason.SCALE_TO_ZERO;
                }
                MetricProposal winner = r.evaluation().winner();
                if (desired == current && winner != null && winner.outcome() == Outcome.WITHIN_TOLERANCE) {
                    yield Reason.WITHIN_TOLERANCE;
                }
                yield desired > current ? Reason.SCALE_UP : desired < current ? Reason.SCALE_DOWN : Reason.STEADY;
            }
        };
    }

    public static Explanation explain(ReconcileResult r) {
        Explanation.Builder why = new Explanation.Builder();
        for (MetricProposal p : r.proposals()) {
            String name = p.spec().name();
            if (p.failed()) {
                why.signal(new SignalNote(name, null, null, null, "absent", p.failureReason() + ": " + p.error()));
                why.proposal(new ProposalNote(name, r.currentReplicas(), Vote.NONE, p.failureReason()));
            } else {
                why.signal(new SignalNote(name, p.value(), null, null, "ok", p.current()));
                why.proposal(new ProposalNote(name, p.replicas(), Vote.FULL, p.outcome() == Outcome.COMPUTED ? p.current()
                        : p.current() + "; " + (p.outcome() == Outcome.WITHIN_TOLERANCE ? "within tolerance" : "rebalancing guard")));
            }
        }
        MetricsEvaluation evaluation = r.evaluation();
        switch (r.path()) {
            case DISABLED_AT_ZERO -> why.winner(null, r.currentReplicas());
            case ABOVE_MAX -> why.winner(null, r.currentReplicas())
                    .step("bounds", r.currentReplicas(), r.desiredReplicas(), "TooManyReplicas: current number of replicas above Spec.MaxReplicas");
            case BELOW_MIN -> why.winner(null, r.currentReplicas())
                    .step("bounds", r.currentReplicas(), r.desiredReplicas(), "TooFewReplicas: current number of replicas below Spec.MinReplicas");
            case METRICS_FAILED -> {
                int best = bestValid(evaluation);
                String failure = evaluation.firstFailure().failureReason();
                if (best >= 0) {
                    why.winner(null, best).step("stale_hold", best, r.currentReplicas(),
                            failure + ": some metrics failed, so no scale-down");
                } else {
                    why.winner(null, r.currentReplicas());
                }
            }
            case NORMALIZED -> {
                Normalized n = r.normalized();
                why.winner(evaluation.winner() == null ? null : evaluation.winner().spec().name(), n.recommended());
                why.step("stabilization", n.recommended(), n.stabilized(), n.ableToScaleReason());
                String rule = switch (n.limited().reason()) {
                    case Limited.SCALE_UP_LIMIT, Limited.SCALE_DOWN_LIMIT -> "step_limit";
                    default -> "bounds";
                };
                why.step(rule, n.stabilized(), n.limited().replicas(), n.limited().reason());
                why.step("bounds", n.limited().replicas(), r.desiredReplicas(), "TooFewReplicas: scaling from zero to minReplicas");
            }
        }
        return why.build();
    }

    private static boolean anyValid(MetricsEvaluation e) {
        return e != null && bestValid(e) >= 0;
    }

    private static int bestValid(MetricsEvaluation e) {
        int best = -1;
        for (MetricProposal p : e.proposals()) {
            if (!p.failed()) {
                best = Math.max(best, p.replicas());
            }
        }
        return best;
    }
}
