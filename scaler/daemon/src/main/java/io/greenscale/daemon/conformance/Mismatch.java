package io.greenscale.daemon.conformance;

/** One expected key that the emulation did not reproduce, with both values as JSON text. */
public record Mismatch(String key, String expected, String actual) {

    @Override
    public String toString() {
        return key + ": expected " + expected + ", actual " + actual;
    }
}
