package io.greenscale.app.http;

/** An error the client caused or must wait out, answered as {@code {"error": code, "detail": ...}} with {@code status}. */
final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    ApiError(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static ApiError invalidJson(String detail) {
        return new ApiError(400, "invalid_json", detail);
    }

    static ApiError tooLarge(long bytes, long max) {
        return new ApiError(413, "too_large", "the body has " + bytes + " bytes: at most " + max + " are allowed (--max-body)");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The JSON body of the answer. */
    record Body(String error, String detail) {
    }
}
