package io.greenscale.daemon.lead;

/** Whether this process may write. Only the leader's targets write; followers decide in dry-run. */
public interface Leadership extends AutoCloseable {

    boolean isLeader();

    /** Gives up leadership (releasing the Lease so a follower takes over at once) and stops. */
    @Override
    void close();

    /** Without leader election: the only instance always leads. */
    static Leadership sole() {
        return new Leadership() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
