package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runs the vectors of one kind: reads the input (throwing {@link VectorFormatException} when malformed) and returns the actual outputs. */
@FunctionalInterface
interface KindRunner {
    ObjectNode run(Vector vector);
}
