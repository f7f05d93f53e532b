package io.greenscale.app.work;

/**
 * What one request or job may ask for; beyond these it is refused with a 4xx or dead-lettered, so
 * that no input can exhaust memory or hold a compute slot for minutes.
 */
public record Limits(int maxN, int maxIterations, int maxBatch) {
}
