package io.greenscale.daemon.signal;

import java.util.Map;

/**
 * metrics.k8s.io usage of every pod of a namespace, by pod name. One list per namespace per tick
 * serves every target there; each picks its own pods by name.
 */
@FunctionalInterface
public interface UsageLister {

    Map<String, PodUsage> list(String namespace) throws SourceException;
}
