package io.greenscale.daemon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the configuration may read besides the file: environment variables (the pod's name and
 * namespace, secrets passed as variables) and secret files. Tests pass their own.
 */
public record Environment(Map<String, String> variables) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public String get(String name) {
        return variables.get(name);
    }

    /** The namespace this process runs in: $POD_NAMESPACE, the service account's namespace file, else {@code default}. */
    public String ownNamespace() {
        String fromEnv = get("POD_NAMESPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
        try {
            return Files.isReadable(file) ? Files.readString(file).trim() : "default";
        } catch (IOException e) {
            return "default";
        }
    }

    /** This process's name for leader election: $POD_NAME, else $HOSTNAME, else null. */
    public String ownName() {
        for (String name : new String[] {"POD_NAME", "HOSTNAME"}) {
            String v = get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
