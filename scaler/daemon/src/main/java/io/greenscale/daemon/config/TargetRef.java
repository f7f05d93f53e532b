package io.greenscale.daemon.config;

import java.util.Locale;
import java.util.Objects;

/**
 * The workload a target scales: any namespaced kind with a {@code /scale} subresource.
 *
 * @param resource the plural resource name in the API path ({@code deployments})
 */
public record TargetRef(String namespace, String apiVersion, String kind, String name, String resource) {

    public TargetRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
    }

    /** The API group: {@code apps} for {@code apps/v1}, empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    /** Deployments, StatefulSets and ReplicaSets, which the typed apps/v1 client serves. */
    public boolean isAppsKind() {
        return group().equals("apps") && AppsKind.of(kind) != null;
    }

    /** {@code namespace/kind/name} with the kind in lower case, as in decision logs and metric labels. */
    public String id() {
        return namespace + "/" + kind.toLowerCase(Locale.ROOT) + "/" + name;
    }

    /** True when an HPA's {@code scaleTargetRef} (same namespace) points at this workload. */
    public boolean matches(String refApiVersion, String refKind, String refName) {
        if (!kind.equals(refKind) || !name.equals(refName)) {
            return false;
        }
        String refGroup = refApiVersion == null || !refApiVersion.contains("/") ? "" : refApiVersion.substring(0, refApiVersion.indexOf('/'));
        return refGroup.equals(group());
    }

    /** The scalable kinds of apps/v1 with their plural resource names. */
    enum AppsKind {
        DEPLOYMENT("Deployment", "deployments"),
        STATEFUL_SET("StatefulSet", "statefulsets"),
        REPLICA_SET("ReplicaSet", "replicasets");

        final String kind;
        final String resource;

        AppsKind(String kind, String resource) {
            this.kind = kind;
            this.resource = resource;
        }

        static AppsKind of(String kind) {
            for (AppsKind k : values()) {
                if (k.kind.equals(kind)) {
                    return k;
                }
            }
            return null;
        }
    }
}
