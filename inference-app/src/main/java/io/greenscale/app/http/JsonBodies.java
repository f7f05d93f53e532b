package io.greenscale.app.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies in, response bodies out, with errors that say what was wrong with the JSON. */
final class JsonBodies {
    private final ObjectMapper reader;
    private final ObjectMapper writer;
    private final long maxBodyBytes;

    JsonBodies(ObjectMapper reader, ObjectMapper snakeCaseWriter, long maxBodyBytes) {
        this.reader = reader;
        this.writer = snakeCaseWriter;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body as a JSON tree; 413 before reading one that announces more than the cap, 400 for bad JSON. */
    JsonNode read(Context ctx) {
        long length = ctx.contentLength();
        if (length > maxBodyBytes) {
            throw ApiError.tooLarge(length, maxBodyBytes);
        }
        byte[] body = ctx.bodyAsBytes(); // Javalin itself refuses chunked bodies beyond the cap (see ErrorMapping)
        if (body.length == 0) {
            throw ApiError.invalidJson("the body is empty: send a JSON object");
        }
        try {
            return reader.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.invalidJson("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    void write(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(writer.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }
}
