package io.greenscale.policy;

/**
 * What a policy remembers between ticks (smoothed values, recommendation and scale-event
 * history, cooldown timestamps). Each policy defines its own immutable implementation; the
 * caller only carries it from one {@link Decision} to the next {@code decide} call.
 */
public interface PolicyState {
}
