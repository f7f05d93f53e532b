package io.greenscale.daemon.signal;

import java.util.Map;

/** metrics.k8s.io usage of the pods of a namespace that match a label selector, by pod name. */
@FunctionalInterface
public interface UsageLister {

    Map<String, PodUsage> list(String namespace, String selector) throws SourceException;
}
