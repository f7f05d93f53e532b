package io.greenscale.daemon.policy;

import io.greenscale.daemon.config.Mode;
import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's rules over a policy's decision, before anything is written. A paused workload
 * and a workload another autoscaler (an HPA) owns are held at their current count in active
 * mode; dry-run, shadow and follower decisions are logged but not written. Pure.
 */
public final class Guard {
    private Guard() {}

    /**
     * @param decision  what is logged (the policy's decision, or a hold that replaced it)
     * @param write     whether the target may write it
     * @param modeLabel the decision log's mode: {@code active}, {@code dry-run} (also a follower's) or {@code shadow}
     */
    public record Verdict(Decision decision, boolean write, String modeLabel, String withheld) {
    }

    /** @param conflictingHpa the name of an HPA that scales the same workload, or null */
    public static Verdict judge(Decision decision, Mode mode, boolean leader, boolean paused, String conflictingHpa) {
        if (mode != Mode.ACTIVE) {
            return new Verdict(decision, false, mode.label(), mode.label() + " mode");
        }
        if (paused) {
            return new Verdict(hold(decision, Reason.PAUSED, "paused", "the workload is annotated greenscale.io/paused=true"),
                    false, mode.label(), "paused");
        }
        if (conflictingHpa != null) {
            return new Verdict(hold(decision, Reason.CONFLICT, "conflict",
                    "HorizontalPodAutoscaler " + conflictingHpa + " also scales this workload; GreenScale will not fight it"),
                    false, mode.label(), "HPA " + conflictingHpa + " owns the workload");
        }
        if (!leader) {
            return new Verdict(decision, false, Mode.DRY_RUN.label(), "not the leader");
        }
        return new Verdict(decision, true, mode.label(), null);
    }

    /** The decision replaced by "stay where you are", with the rule that held it added to the explanation. */
    static Decision hold(Decision d, Reason reason, String rule, String detail) {
        Explanation why = d.why();
        List<Explanation.StepNote> steps = new ArrayList<>(why.steps());
        steps.add(new Explanation.StepNote(rule, d.desired(), d.current(), detail));
        Explanation held = new Explanation(why.signals(), why.proposals(), why.winner(), why.recommended(), steps);
        return new Decision(d.current(), d.current(), reason, held, d.next());
    }
}
