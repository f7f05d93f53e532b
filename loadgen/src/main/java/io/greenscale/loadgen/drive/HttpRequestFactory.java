package io.greenscale.loadgen.drive;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Builds the HTTP/1.1 requests of a run; Netty's codec encodes them. Everything constant is built
 * once: the headers, and for an unchanging body (no placeholders) the body bytes, shared by every
 * request without copying. Used on the event loop only.
 */
final class HttpRequestFactory {
    /** Methods whose requests carry a body by convention: without one they say Content-Length: 0. */
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final HttpMethod method;
    private final String path;
    private final HttpHeaders headers;
    private final HttpHeaders headersWithoutBody;
    private String lastPayload;
    private ByteBuf lastBody;
    private HttpHeaders lastHeaders;

    /**
     * @param headers name/value pairs, flattened, without Content-Type
     * @throws IllegalArgumentException for a header name or value HTTP does not allow
     */
    HttpRequestFactory(URI uri, String method, List<String> headers, String contentType) {
        this.method = HttpMethod.valueOf(method);
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.path = uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
        HttpHeaders h = new DefaultHttpHeaders();
        h.set(HttpHeaderNames.HOST, uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        h.set(HttpHeaderNames.USER_AGENT, "greenscale-loadgen");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            h.add(headers.get(i), headers.get(i + 1));
        }
        this.headersWithoutBody = BODY_METHODS.contains(method) ? h.copy().set(HttpHeaderNames.CONTENT_LENGTH, 0) : h.copy();
        this.headers = h.copy().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }

    /** A request carrying {@code payload} (null: none). The codec releases it once written. */
    FullHttpRequest build(String payload) {
        if (payload == null) {
            return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, Unpooled.EMPTY_BUFFER,
                    headersWithoutBody, EmptyHttpHeaders.INSTANCE);
        }
        if (payload != lastPayload) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            lastPayload = payload;
            lastBody = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
            lastHeaders = headers.copy().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        }
        // A duplicate has its own read position over the shared bytes; releasing it is a no-op.
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, lastBody.duplicate(),
                lastHeaders, EmptyHttpHeaders.INSTANCE);
    }
}
