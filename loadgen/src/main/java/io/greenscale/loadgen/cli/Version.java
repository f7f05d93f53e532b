package io.greenscale.loadgen.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ("dev" when run from classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"greenscale loadgen " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
