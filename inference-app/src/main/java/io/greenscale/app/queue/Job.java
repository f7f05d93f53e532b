package io.greenscale.app.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.app.work.Work;
import java.util.OptionalLong;

/**
 * A job taken from the queue and validated.
 *
 * @param raw the exact text taken from Redis: LREM needs it to remove the job from the processing list
 * @param fields the job's JSON object; fields the worker does not use are copied into the result
 */
public record Job(String raw, String id, String kind, Work work, OptionalLong enqueuedAtMs, ObjectNode fields) {
}
