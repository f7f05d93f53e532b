package io.greenscale.daemon.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"greenscale " + (v == null ? "dev" : v)};
    }
}
