package io.greenscale.daemon.lead;

import io.kubernetes.client.extended.leaderelection.LeaderElectionRecord;
import io.kubernetes.client.extended.leaderelection.Lock;
import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lease lock that reports failures to read the Lease (RBAC, API server down) once when they
 * start and once when they end. The elector's own log is switched off (logback.xml) because it
 * reports every ordinary shutdown as an error.
 */
final class ReportingLock implements Lock {
    private static final Logger LOG = LoggerFactory.getLogger(ReportingLock.class);

    private final Lock delegate;
    private volatile Integer failing;

    ReportingLock(Lock delegate) {
        this.delegate = delegate;
    }

    @Override
    public LeaderElectionRecord get() throws ApiException {
        try {
            LeaderElectionRecord record = delegate.get();
            recovered();
            return record;
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                recovered();
            } else if (!Integer.valueOf(e.getCode()).equals(failing)) {
                failing = e.getCode();
                LOG.warn("cannot read the leader Lease {} (HTTP {}): this instance cannot lead until it can; {}",
                        delegate.describe(), e.getCode(), e.getCode() == 0 ? e.getMessage() : e.getResponseBody());
            }
            throw e;
        }
    }

    private void recovered() {
        if (failing != null) {
            LOG.info("the leader Lease {} can be read again", delegate.describe());
            failing = null;
        }
    }

    @Override
    public boolean create(LeaderElectionRecord record) {
        return delegate.create(record);
    }

    @Override
    public boolean update(LeaderElectionRecord record) {
        return delegate.update(record);
    }

    @Override
    public String identity() {
        return delegate.identity();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
