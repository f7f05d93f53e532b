package io.greenscale.policy.limit;

/** How several step policies combine: {@code MAX} allows the largest change, {@code MIN} the smallest, {@code DISABLED} none. */
public enum SelectPolicy { MAX, MIN, DISABLED }
