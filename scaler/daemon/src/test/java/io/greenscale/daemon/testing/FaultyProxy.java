package io.greenscale.daemon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real server that can make it unreachable (connection refused) or
 * hang (connections accepted, nothing answered), as a dead or overloaded server looks on the
 * network.
 */
public final class FaultyProxy implements AutoCloseable {
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket listener;
    private volatile boolean hanging;

    public FaultyProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    public int port() {
        return port;
    }

    /** Stops listening and drops every connection: clients get connection refused. */
    public void down() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        dropConnections();
    }

    /** Listens again on the same port, passing traffic through. */
    public void up() {
        hanging = false;
        if (listener.isClosed()) {
            listener = bind(port);
            accept(listener);
        }
    }

    /** New connections are accepted but never answered. */
    public void hang() {
        hanging = true;
        dropConnections();
    }

    private void dropConnections() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        open.clear();
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    open.add(client);
                    if (hanging) {
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                    open.add(upstream);
                    pipe(client.getInputStream(), upstream.getOutputStream());
                    pipe(upstream.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    // listener closed, or upstream gone
                }
            }
        });
    }

    private static void pipe(InputStream in, OutputStream out) {
        Thread.ofVirtual().start(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            }
        });
    }

    @Override
    public void close() {
        down();
    }
}
