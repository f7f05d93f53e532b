package io.greenscale.daemon.config;

import java.nio.file.Path;
import java.time.Duration;

/** The daemon-wide settings beside the targets. */
public final class Settings {
    private Settings() {}

    /**
     * How the daemon reaches the Kubernetes API.
     *
     * @param kubeconfig            null: in-cluster service account, else $KUBECONFIG, else ~/.kube/config
     * @param requestTimeout        read timeout of every API request
     * @param maxConcurrentRequests requests in flight at once across all targets, so a tick over
     *                              many targets does not flood the API server
     * @param events                emit a Kubernetes Event on every scale and refusal
     */
    public record Kubernetes(Path kubeconfig, Duration requestTimeout, int maxConcurrentRequests, boolean events) {
    }

    /** The HTTP port serving {@code /metrics}, {@code /healthz} and {@code /readyz}; port 0 picks a free one. */
    public record Server(String address, int port, boolean enabled) {
    }

    /** Where the JSON decision log (one line per tick per target) goes. {@code file} is null for none. */
    public record DecisionLog(boolean stdout, Path file) {
    }

    /**
     * Leader election on a coordination.k8s.io Lease: only the leader writes.
     *
     * @param leaseDuration how long a follower waits after the last renewal before it takes over
     * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
     * @param retryPeriod   the interval between acquire and renew attempts
     */
    public record Leader(boolean enabled, String namespace, String leaseName, String identity,
                         Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    }
}
