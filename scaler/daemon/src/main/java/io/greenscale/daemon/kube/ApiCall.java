package io.greenscale.daemon.kube;

import java.util.Objects;

/**
 * One kind of request the daemon sends to the Kubernetes API, in RBAC's terms: API group,
 * resource (with {@code /subresource}) and verb. Every request goes through {@link KubeApi#call}
 * with one of these, so {@link ApiCalls} is the complete list that the Role must allow.
 *
 * @param group the API group, empty for the core group
 */
public record ApiCall(String group, String resource, String verb) {

    public ApiCall {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(verb, "verb");
    }

    @Override
    public String toString() {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
    }
}
