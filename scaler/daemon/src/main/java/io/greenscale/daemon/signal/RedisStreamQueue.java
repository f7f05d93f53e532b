package io.greenscale.daemon.signal;

import io.greenscale.daemon.config.RedisConnection;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * A Redis stream read by a consumer group (Redis 7+): backlog is the group's {@code lag}
 * (entries not yet delivered), in-flight its pending entries (delivered, not acknowledged), per
 * consumer from {@code XPENDING}. Counters: the stream's {@code entries-added} for arrivals, and
 * the group's {@code entries-read} minus pending for completions.
 */
public final class RedisStreamQueue implements QueueProbe {
    private final UnifiedJedis redis;
    private final RedisConnection server;
    private final String stream;
    private final String group;

    public RedisStreamQueue(UnifiedJedis redis, RedisConnection server, String stream, String group) {
        this.redis = redis;
        this.server = server;
        this.stream = stream;
        this.group = group;
    }

    @Override
    public QueueSample read() throws SourceException {
        Response<List<StreamGroupInfo>> groups;
        Response<StreamInfo> info;
        Response<StreamPendingSummary> pending;
        try (AbstractPipeline pipe = redis.pipelined()) {
            groups = pipe.xinfoGroups(stream);
            info = pipe.xinfoStream(stream);
            pending = pipe.xpending(stream, group);
            pipe.sync();
            StreamGroupInfo found = groups.get().stream().filter(g -> g.getName().equals(group)).findFirst().orElse(null);
            if (found == null) {
                throw new SourceException(SourceException.Source.REDIS, SourceException.Kind.EMPTY,
                        "stream " + stream + " on " + server + " has no consumer group " + group);
            }
            Map<String, Object> groupInfo = found.getGroupInfo();
            Map<String, Object> streamInfo = info.get().getStreamInfo();
            Long added = asLong(streamInfo.get("entries-added"));
            Long read = asLong(groupInfo.get("entries-read"));
            Long lag = asLong(groupInfo.get("lag"));
            long pendingCount = found.getPending();
            if (lag == null) {
                if (added == null || read == null) {
                    throw new SourceException(SourceException.Source.REDIS, SourceException.Kind.BAD_RESPONSE,
                            "stream " + stream + " group " + group + ": Redis reports no lag (needs Redis 7+)");
                }
                lag = Math.max(0, added - read);
            }
            Map<String, Long> byConsumer = pending.get().getConsumerMessageCount();
            Long completed = read == null ? null : read - pendingCount;
            return new QueueSample(lag, pendingCount, byConsumer == null ? Map.of() : byConsumer, added, completed);
        } catch (JedisException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                throw new SourceException(SourceException.Source.REDIS, SourceException.Kind.EMPTY,
                        "stream " + stream + " does not exist on " + server, e);
            }
            throw RedisFailures.of(e, "reading stream " + stream + " group " + group, server);
        }
    }

    private static Long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
