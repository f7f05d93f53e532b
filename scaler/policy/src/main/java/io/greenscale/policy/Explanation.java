package io.greenscale.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything behind one decision: each signal (raw value, smoothed value, age), each proposal
 * and how it could vote, which proposal won, the fused recommendation, and each rule that
 * changed the value on its way to the result. It is the decision-log line, the Event text, the
 * metric labels and the analyser's input, so it holds plain values only.
 *
 * @param recommended the fused recommendation before stabilisation, rate limits and bounds
 * @param steps       the rules that changed the value, in pipeline order
 */
public record Explanation(
        List<SignalNote> signals,
        List<ProposalNote> proposals,
        String winner,
        int recommended,
        List<StepNote> steps) {

    public Explanation {
        signals = List.copyOf(signals);
        proposals = List.copyOf(proposals);
        steps = List.copyOf(steps);
    }

    /** The rule that set the final value (the last step that changed it), or null when none did. */
    public String clampedBy() {
        return steps.isEmpty() ? null : steps.getLast().rule();
    }

    /** One line for humans: "queue=12 (winner), cpu=4 → 12; step_limit 12→8". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (ProposalNote p : proposals) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.source()).append('=').append(p.replicas());
            if (p.source().equals(winner)) {
                sb.append(" (winner)");
            } else if (p.vote() == Vote.NONE) {
                sb.append(" (no vote)");
            }
        }
        if (sb.isEmpty()) {
            sb.append("no proposals");
        }
        sb.append(" → ").append(recommended);
        for (StepNote step : steps) {
            sb.append("; ").append(step.rule()).append(' ').append(step.before()).append('→').append(step.after());
        }
        return sb.toString();
    }

    /**
     * One signal as the policy saw it.
     *
     * @param raw        the reading's value, null when absent
     * @param smoothed   the value after smoothing (EWMA, forecast level), null when not smoothed
     * @param ageSeconds how old the reading was at decision time, null when absent
     * @param status     {@code ok}, {@code stale} or {@code absent}
     * @param detail     the absence reason, or a note on the value
     */
    public record SignalNote(String signal, Double raw, Double smoothed, Double ageSeconds, String status, String detail) {
        public SignalNote {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(status, "status");
        }
    }

    /** How a proposal may take part in fusion. */
    public enum Vote {
        /** May raise or lower the result. */
        FULL,
        /** May only raise the result above the current count (latency, forecast). */
        ADD_ONLY,
        /** Confirms another signal's scale-up (GPU duty cycle); cannot drive alone. */
        CONFIRM,
        /** Computed for the record but took no part (e.g. a GPU not confirmed by demand). */
        NONE
    }

    /** One per-signal proposal. */
    public record ProposalNote(String source, int replicas, Vote vote, String detail) {
        public ProposalNote {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(vote, "vote");
        }
    }

    /** One rule that changed the value: tolerance, stabilization, cooldown, step_limit, bounds, busy_floor, stale_hold, … */
    public record StepNote(String rule, int before, int after, String detail) {
        public StepNote {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** Collects notes while a decision is computed. Not thread-safe; one per decide call. */
    public static final class Builder {
        private final List<SignalNote> signals = new ArrayList<>();
        private final List<ProposalNote> proposals = new ArrayList<>();
        private final List<StepNote> steps = new ArrayList<>();
        private String winner;
        private int recommended;

        public Builder signal(SignalNote note) {
            signals.add(note);
            return this;
        }

        public Builder proposal(ProposalNote note) {
            proposals.add(note);
            return this;
        }

        public Builder winner(String winner, int recommended) {
            this.winner = winner;
            this.recommended = recommended;
            return this;
        }

        /** Records a step only when it changed the value. */
        public Builder step(String rule, int before, int after, String detail) {
            if (before != after) {
                steps.add(new StepNote(rule, before, after, detail));
            }
            return this;
        }

        public Explanation build() {
            return new Explanation(signals, proposals, winner, recommended, steps);
        }
    }
}
