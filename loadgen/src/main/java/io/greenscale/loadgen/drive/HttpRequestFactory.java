package io.greenscale.loadgen.drive;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The HTTP/1.1 requests of a run, encoded by Netty's codec. Everything constant is encoded once:
 * a request without a body, or with an unchanging body (no placeholders), is encoded on first use
 * and then sent as the same bytes every time, without copying. Used on one thread only.
 */
final class HttpRequestFactory {
    /** Methods whose requests carry a body by convention: without one they say Content-Length: 0. */
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final HttpMethod method;
    private final String path;
    private final HttpHeaders headers;
    private final HttpHeaders headersWithoutBody;
    private final EmbeddedChannel encoder = new EmbeddedChannel(new HttpRequestEncoder());
    private ByteBuf withoutBody;
    private String lastPayload;
    private ByteBuf lastEncoded;

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

    /** HEAD answers announce a body they do not send. */
    boolean isHead() {
        return HttpMethod.HEAD.equals(method);
    }

    /** The bytes of a request carrying {@code payload} (null: none); the channel releases them once written. */
    ByteBuf encoded(String payload) {
        if (payload == null) {
            if (withoutBody == null) {
                withoutBody = Unpooled.unreleasableBuffer(encode(build(null)));
            }
            // A duplicate has its own read position over the shared bytes; releasing it is a no-op.
            return withoutBody.duplicate();
        }
        if (payload == lastPayload) {
            return lastEncoded.duplicate();
        }
        ByteBuf bytes = encode(build(payload));
        if (lastPayload != null) {
            return bytes; // bodies differ from request to request: each is encoded and sent once
        }
        lastPayload = payload;
        lastEncoded = Unpooled.unreleasableBuffer(bytes);
        return lastEncoded.duplicate();
    }

    private FullHttpRequest build(String payload) {
        if (payload == null) {
            return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, Unpooled.EMPTY_BUFFER,
                    headersWithoutBody, EmptyHttpHeaders.INSTANCE);
        }
        ByteBuf body = Unpooled.wrappedBuffer(payload.getBytes(StandardCharsets.UTF_8));
        HttpHeaders h = headers.copy().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, body, h, EmptyHttpHeaders.INSTANCE);
    }

    /** One direct buffer: the socket writes it without a copy or a gathering write. */
    private ByteBuf encode(FullHttpRequest request) {
        encoder.writeOutbound(request);
        List<ByteBuf> parts = new ArrayList<>(2);
        for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
            parts.add(part);
        }
        ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(parts.stream().mapToInt(ByteBuf::readableBytes).sum());
        for (ByteBuf part : parts) {
            out.writeBytes(part);
            part.release();
        }
        return out;
    }
}
