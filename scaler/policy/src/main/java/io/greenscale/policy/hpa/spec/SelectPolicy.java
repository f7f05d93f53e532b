package io.greenscale.policy.hpa.spec;

/** How the policies of one direction combine ({@code autoscaling/v2 ScalingPolicySelect}). */
public enum SelectPolicy {
    /** The policy allowing the largest change (upstream default). */
    MAX("Max"),
    /** The policy allowing the smallest change. */
    MIN("Min"),
    /** No change in this direction at all. */
    DISABLED("Disabled");

    private final String apiName;

    SelectPolicy(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The value for its API name ({@code Max}, {@code Min}, {@code Disabled}), or null. */
    public static SelectPolicy ofApiName(String name) {
        for (SelectPolicy p : values()) {
            if (p.apiName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
