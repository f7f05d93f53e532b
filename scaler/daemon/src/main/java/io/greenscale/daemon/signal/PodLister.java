package io.greenscale.daemon.signal;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;

/** Lists the pods of a namespace that match a label selector; a test fake is a lambda. */
@FunctionalInterface
public interface PodLister {

    List<V1Pod> list(String namespace, String selector) throws SourceException;
}
