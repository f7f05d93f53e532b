package io.greenscale.daemon.standin;

import io.greenscale.daemon.kube.ApiCall;
import java.time.Instant;

/** One request the stand-in received, in RBAC terms, with when it arrived and its body. */
public record Request(Instant at, String method, String path, ApiCall call, String body) {
}
