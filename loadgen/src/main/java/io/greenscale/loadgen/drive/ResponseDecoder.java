package io.greenscale.loadgen.drive;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's response decoder, told that every request of the connection is a HEAD when it is (which
 * HttpClientCodec learns by watching requests go out; here they go out already encoded).
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private final boolean head;

    ResponseDecoder(boolean head) {
        super(new HttpDecoderConfig());
        this.head = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return head || super.isContentAlwaysEmpty(msg);
    }
}
