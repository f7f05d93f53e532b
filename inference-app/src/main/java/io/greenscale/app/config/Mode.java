package io.greenscale.app.config;

/** What the process serves: the compute endpoints, the queue worker, or both (ops endpoints always). */
public enum Mode {
    HTTP, WORKER, BOTH;

    public boolean http() {
        return this != WORKER;
    }

    public boolean worker() {
        return this != HTTP;
    }
}
