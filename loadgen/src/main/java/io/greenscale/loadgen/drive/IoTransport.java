package io.greenscale.loadgen.drive;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The event loop's I/O: native epoll where it loads (Linux x86-64: fewer system calls per
 * request, and timers with sub-millisecond precision, which the open loop's send times need),
 * else the JDK's NIO selector (whose waits are whole milliseconds, so idle-rate sends may leave up
 * to 1 ms late). {@code -Dio.netty.transport.noNative=true} forces NIO.
 */
record IoTransport(String name, IoHandlerFactory handlers, Class<? extends SocketChannel> channelType) {

    static IoTransport best() {
        return Epoll.isAvailable()
                ? new IoTransport("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class)
                : new IoTransport("nio", NioIoHandler.newFactory(), NioSocketChannel.class);
    }
}
