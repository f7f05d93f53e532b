package io.greenscale.daemon.lead;

import io.greenscale.daemon.config.Settings;
import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a coordination.k8s.io Lease with client-java-extended's LeaderElector. The
 * elector runs on its own thread: it campaigns until it leads, renews until it cannot, then
 * campaigns again. Leadership ends the moment a renewal misses its deadline, which is shorter
 * than the lease, so two instances never write at once.
 */
public final class LeaseLeadership implements Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseLeadership.class);

    private final ApiClient client;
    private final Settings.Leader settings;
    private final AtomicReference<LeaderElector> elector = new AtomicReference<>();
    private volatile boolean leading;
    private volatile boolean closed;
    private Thread thread;

    public LeaseLeadership(ApiClient client, Settings.Leader settings) {
        this.client = client;
        this.settings = settings;
    }

    public LeaseLeadership start() {
        thread = Thread.ofPlatform().daemon().name("leader-election").start(this::campaign);
        return this;
    }

    private void campaign() {
        while (!closed) {
            ReportingLock lock = new ReportingLock(new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity(), client));
            LeaderElectionConfig config = new LeaderElectionConfig(lock, settings.leaseDuration(), settings.renewDeadline(), settings.retryPeriod());
            LeaderElector current = new LeaderElector(config, e -> LOG.debug("leader election attempt failed", e));
            elector.set(current);
            if (closed) {
                break;
            }
            current.run(this::started, this::stopped, leader -> LOG.info("lease {}/{} is held by {}", settings.namespace(), settings.leaseName(), leader));
            if (!closed) {
                // Lost the lease (or could not renew it): release the elector's threads and campaign again.
                current.close();
            }
        }
    }

    private void started() {
        leading = true;
        LOG.info("{} leads (lease {}/{}): writing replica counts", settings.identity(), settings.namespace(), settings.leaseName());
    }

    private void stopped() {
        if (leading) {
            LOG.warn("{} stopped leading: deciding in dry-run until it leads again", settings.identity());
        }
        leading = false;
    }

    @Override
    public boolean isLeader() {
        return leading && !closed;
    }

    @Override
    public void close() {
        closed = true;
        leading = false;
        LeaderElector current = elector.get();
        if (current != null) {
            // Releases the Lease when this instance holds it, so a follower takes over without waiting out the lease.
            current.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
