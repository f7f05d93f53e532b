package io.greenscale.loadgen.drive;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive HTTP/1.1 connection carrying one exchange at a time (no pipelining, as wrk and
 * browsers do). It reads the status line and headers, discards the body as it streams in, and
 * completes the exchange at the end of the response. A connection the server closes, that fails,
 * or whose exchange times out is closed and leaves the pool; nothing is retried. Event-loop
 * confined.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private final HttpConnectionPool pool;
    private final HttpRequestFactory requests;
    private Channel channel;
    private Exchange exchange;
    private int status;
    private boolean keepAlive;

    HttpConnection(HttpConnectionPool pool, HttpRequestFactory requests) {
        this.pool = pool;
        this.requests = requests;
    }

    /** Connecting: {@code first} is sent once the connection is up. */
    void connecting(Channel channel, Exchange first) {
        this.channel = channel;
        this.exchange = first;
    }

    void connected() {
        if (exchange != null) {
            write(exchange);
        }
    }

    void start(Exchange x) {
        exchange = x;
        write(x);
    }

    private void write(Exchange x) {
        status = 0;
        // Write failures arrive in exceptionCaught, so no promise is allocated per request.
        channel.writeAndFlush(requests.encoded(x.request().payload()), channel.voidPromise());
    }

    /** Fails the exchange with a timeout and closes the connection, if its deadline has passed. */
    void expireIfDue(long nowNanos) {
        Exchange x = exchange;
        if (x != null && x.expired(nowNanos)) {
            exchange = null;
            x.complete(Outcome.failed(Outcome.TIMEOUT));
            channel.close();
        }
    }

    /** The connection attempt failed: the exchange waiting for it fails with the cause. */
    void connectFailed(Throwable cause) {
        fail(cause);
    }

    void close() {
        channel.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpObject o && o.decoderResult() != DecoderResult.SUCCESS && o.decoderResult().isFailure()) {
                complete(Outcome.failed("protocol")); // not an HTTP/1.1 response
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof LastHttpContent) {
                responseEnded(ctx);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void responseEnded(ChannelHandlerContext ctx) {
        if (status >= 100 && status < 200 && status != 101) {
            return; // an interim response (100 Continue, 103 Early Hints): the final one follows
        }
        Exchange x = exchange;
        exchange = null;
        if (x != null) {
            // Completed first, so the latency does not include handing the connection on.
            x.complete(Outcome.status(status));
        }
        if (keepAlive && x != null && ctx.channel().isActive()) {
            pool.released(this);
        } else {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new java.nio.channels.ClosedChannelException());
        pool.closed(this);
    }

    private void fail(Throwable cause) {
        complete(HttpTarget.failure(cause));
    }

    private void complete(Outcome outcome) {
        Exchange x = exchange;
        exchange = null;
        if (x != null) {
            x.complete(outcome);
        }
    }
}
