package io.greenscale.loadgen.drive;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTTP driver's own CPU per exchange, apart from the kernel's: encoding a request (constant,
 * or with a body that changes every time) and decoding the answer 'loadgen serve' gives. Scores
 * are nanoseconds per operation. Run: {@code ./greenscale bench loadgen HttpCodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpCodecBenchmark {
    /** What the JDK's HTTP server behind 'loadgen serve' sends, byte for byte. */
    static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 22:34:52 GMT\r\nContent-type: application/json\r\n"
            + "Content-length: 11\r\n\r\n{\"ok\":true}").getBytes(StandardCharsets.US_ASCII);

    HttpRequestFactory requests;
    EmbeddedChannel decoder;
    ByteBuf answer;
    int ended;
    long seq;

    @Setup
    public void setUp() {
        requests = new HttpRequestFactory(URI.create("http://127.0.0.1:8089/v1/infer"), "POST", List.of("X-Tenant", "blue"),
                "application/json");
        decoder = new EmbeddedChannel(new ResponseDecoder(false), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    ended++;
                }
                ReferenceCountUtil.release(msg);
            }
        });
        answer = Unpooled.unreleasableBuffer(Unpooled.directBuffer(ANSWER.length).writeBytes(ANSWER));
    }

    @Benchmark
    public int decodeAnswer() {
        decoder.writeInbound(answer.duplicate());
        return ended;
    }

    @Benchmark
    public ByteBuf encodeConstantRequest() {
        ByteBuf b = requests.encoded("{\"n\":256}");
        b.release();
        return b;
    }

    @Benchmark
    public ByteBuf encodeChangingRequest() {
        ByteBuf b = requests.encoded("{\"n\":" + (seq++ & 1023) + "}");
        b.release();
        return b;
    }
}
