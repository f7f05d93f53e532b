package io.greenscale.policy.hpa.calc;

/**
 * A metric could not produce a proposal; the message is upstream's wording so that logs, vector
 * expectations and conditions read the same ("no metrics returned matched known pods").
 */
public final class CalculationException extends Exception {

    public CalculationException(String message) {
        super(message);
    }

    /** Upstream wraps errors with context the same way ({@code fmt.Errorf("…: %w", err)}). */
    public CalculationException wrap(String context) {
        return new CalculationException(context + ": " + getMessage());
    }
}
