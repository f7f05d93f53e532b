package io.greenscale.daemon.signal;

import io.greenscale.daemon.signal.SourceException.Kind;
import io.greenscale.daemon.signal.SourceException.Source;
import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** Turns Jedis exceptions into typed source failures. */
final class RedisFailures {
    private RedisFailures() {}

    static SourceException of(JedisException e, String what, Object server) {
        String detail = what + " on " + server + ": " + e.getMessage();
        if (has(e, SocketTimeoutException.class) || has(e, NoSuchElementException.class)) {
            return new SourceException(Source.REDIS, Kind.TIMEOUT, detail, e);
        }
        if (e instanceof JedisAccessControlException || startsWith(e, "NOAUTH") || startsWith(e, "WRONGPASS") || startsWith(e, "NOPERM")) {
            return new SourceException(Source.REDIS, Kind.AUTH, detail, e);
        }
        if (e instanceof JedisConnectionException || startsWith(e, "LOADING") || startsWith(e, "BUSY")) {
            return new SourceException(Source.REDIS, Kind.UNAVAILABLE, detail, e);
        }
        if (e instanceof JedisDataException) {
            return new SourceException(Source.REDIS, Kind.BAD_RESPONSE, detail, e);
        }
        return new SourceException(Source.REDIS, Kind.UNAVAILABLE, detail, e);
    }

    private static boolean startsWith(Throwable e, String prefix) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
