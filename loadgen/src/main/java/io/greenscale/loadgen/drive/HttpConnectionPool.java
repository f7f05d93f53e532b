package io.greenscale.loadgen.drive;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * At most {@code maxConnections} connections to one origin, opened when needed and reused. Idle
 * connections are taken in turn (first in, first out), so load spreads over every open
 * connection — behind a Kubernetes Service, that is over the pods. An exchange that finds every
 * connection busy waits here, in order (in open loop the generator's own queue keeps this one
 * empty). Timeouts are checked by {@link #sweep}, so a request times out within one sweep period
 * after its deadline. Event-loop confined.
 */
final class HttpConnectionPool {
    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    private final SslContext ssl;
    private final HttpRequestFactory requests;
    private final int maxConnections;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final List<HttpConnection> open = new ArrayList<>();

    /** @param ssl null for plain HTTP */
    HttpConnectionPool(Bootstrap bootstrap, String host, int port, SslContext ssl, HttpRequestFactory requests,
                       int maxConnections, long timeoutNanos, LongSupplier nanoTime) {
        this.bootstrap = bootstrap;
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.requests = requests;
        this.maxConnections = maxConnections;
        this.timeoutNanos = timeoutNanos;
        this.nanoTime = nanoTime;
    }

    void send(Request request, CompletableFuture<Outcome> outcome) {
        Exchange x = new Exchange(request, outcome, nanoTime.getAsLong() + timeoutNanos);
        HttpConnection c = idle.pollFirst();
        if (c != null) {
            c.start(x);
        } else if (open.size() < maxConnections) {
            connect(x);
        } else {
            waiting.addLast(x);
        }
    }

    private void connect(Exchange first) {
        HttpConnection c = new HttpConnection(this, requests);
        open.add(c);
        ChannelFuture f = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                if (ssl != null) {
                    ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                }
                ch.pipeline().addLast(new ResponseDecoder(requests.isHead()), c);
            }
        }).connect(host, port);
        c.connecting(f.channel(), first);
        f.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                c.connected();
            } else {
                c.connectFailed(done.cause());
                closed(c);
            }
        });
    }

    /** {@code c} finished its exchange and stays open: it takes the next waiting exchange, or idles. */
    void released(HttpConnection c) {
        Exchange next = waiting.pollFirst();
        if (next != null) {
            c.start(next);
        } else {
            idle.addLast(c);
        }
    }

    /** {@code c} is closed (or never opened): forget it, and open another for a waiting exchange. */
    void closed(HttpConnection c) {
        if (!open.remove(c)) {
            return;
        }
        idle.remove(c);
        Exchange next = waiting.pollFirst();
        if (next != null) {
            connect(next);
        }
    }

    /** Times out every exchange past its deadline, in flight or waiting. */
    void sweep() {
        long now = nanoTime.getAsLong();
        for (HttpConnection c : open.toArray(HttpConnection[]::new)) {
            c.expireIfDue(now);
        }
        while (!waiting.isEmpty() && waiting.peekFirst().expired(now)) {
            waiting.pollFirst().complete(Outcome.failed(Outcome.TIMEOUT));
        }
    }

    /** Closes every connection; exchanges still waiting fail as {@code closed}. */
    void close() {
        for (HttpConnection c : open.toArray(HttpConnection[]::new)) {
            c.close();
        }
        Exchange x;
        while ((x = waiting.pollFirst()) != null) {
            x.complete(Outcome.failed("closed"));
        }
    }
}
