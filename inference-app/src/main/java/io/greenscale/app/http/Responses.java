package io.greenscale.app.http;

/** Bodies the compute endpoints answer with (snake_case on the wire). */
final class Responses {
    private Responses() {
    }

    record Matmul(int n, int iterations, double checksum, String engine, String device, double seconds, double gflops) {
    }

    record Infer(float[][] outputs, int rows, String engine, String device, double seconds, double gflops) {
    }

    record Ready(boolean ready, String state, String detail) {
    }

    record Health(String status) {
    }
}
