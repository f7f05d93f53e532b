package io.greenscale.loadgen.record;

import java.util.LinkedHashMap;
import java.util.Map;

/** The versions a run records: GreenScale's (from the jar manifest, "dev" when run from classes) and Java's. */
final class Versions {
    private Versions() {}

    static Map<String, String> current() {
        String version = Versions.class.getPackage().getImplementationVersion();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("greenscale", version == null ? "dev" : version);
        m.put("java", Runtime.version().toString());
        return m;
    }
}
