package io.greenscale.daemon.cli;

import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.daemon.kube.KubeClients;
import io.greenscale.daemon.loop.Daemon;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code scaler run --config FILE}: the daemon (and the container's entrypoint). Runs until
 * SIGTERM or SIGINT, then finishes the tick in progress, releases the Lease and exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scaler until SIGTERM. Decisions go to stdout as JSON lines, logs to stderr, "
                + "metrics to /metrics on the configured port.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"1:invalid configuration (every problem is listed) or no Kubernetes client configuration", "2:usage error",
                "143:stopped by SIGTERM after finishing the tick in progress"})
final class ScalerRunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--owner-pid", paramLabel = "PID",
            description = "Shut down (as on SIGTERM) when process PID exits: what started this scaler, so that it and its local workers never outlive it.")
    Long ownerPid;

    @Override
    public Integer call() throws InterruptedException {
        ScalerConfig loaded = config.load(spec.commandLine().getErr());
        if (loaded == null) {
            return 1;
        }
        java.util.Optional<ProcessHandle> owner = ownerPid == null ? java.util.Optional.empty() : ProcessHandle.of(ownerPid);
        if (ownerPid != null && owner.isEmpty()) {
            spec.commandLine().getErr().println("--owner-pid " + ownerPid + ": no such process; not starting");
            return 1;
        }
        ApiClient kubernetes;
        try {
            // Local workers need no cluster: nothing reads a kubeconfig unless a target is a Kubernetes workload.
            boolean allLocal = loaded.targets().stream().allMatch(io.greenscale.daemon.config.TargetConfig::isLocal);
            kubernetes = allLocal && loaded.kubernetes().kubeconfig() == null ? new ApiClient() : KubeClients.fromSettings(loaded.kubernetes());
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot configure the Kubernetes client (kubeconfig " + loaded.kubernetes().kubeconfig()
                    + ", or the pod's service account): " + e.getMessage());
            return 1;
        }
        PrintStream decisions = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Daemon daemon = Daemon.build(new Daemon.Parts(loaded, kubernetes, decisions, InstantSource.system(), true)).start();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            closed.countDown();
        }, "shutdown"));
        owner.ifPresent(o -> o.onExit().thenRun(() -> {
            System.err.println("scaler: process " + ownerPid + " (the owner) exited; shutting down");
            System.exit(143);
        }));
        closed.await();
        return 0;
    }
}
