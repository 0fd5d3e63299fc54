package dev.weir.server.api;

import dev.weir.api.Problem;
import dev.weir.core.WeirException;
import dev.weir.server.store.StateConflictException;
import dev.weir.server.store.WriteQueueFullException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into a JSON problem document. Bad input is a 4xx naming the field; only a
 * fault of the server itself is a 500, and then without a stack trace, only an id to find it in the log.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static void handle(Exception exception, Context ctx) {
        switch (exception) {
            case ApiException api -> send(ctx, api.status(), api.getMessage(), api.field());
            case NoSuchElementException missing -> send(ctx, 404, missing.getMessage(), null);
            case WriteQueueFullException full -> {
                ctx.header("Retry-After", "1");
                send(ctx, 503, "The server is busy writing; retry shortly", null);
            }
            case dev.weir.server.store.DatabaseClosedException closed -> {
                ctx.header("Retry-After", "5");
                send(ctx, 503, "The server is shutting down; retry shortly", null);
            }
            case StateConflictException conflict -> send(ctx, 409, conflict.getMessage(), null);
            case HttpResponseException http -> send(ctx, http.getStatus(), http.getMessage(), null);
            case IllegalArgumentException bad -> send(ctx, 400, bad.getMessage(), null);
            case WeirException weir when isInputError(weir) -> send(ctx, 400, weir.getMessage(), null);
            default -> {
                String id = UUID.randomUUID().toString();
                LOG.error("Request {} {} failed (error id {})", ctx.method(), ctx.path(), id, exception);
                send(ctx, 500, "The server failed to answer this request; error id " + id, null);
            }
        }
    }

    private static boolean isInputError(WeirException exception) {
        return exception.getClass() == WeirException.class;
    }

    private static final String SENT = "weir.problem";

    static void send(Context ctx, int status, String detail, String field) {
        ctx.attribute(SENT, Boolean.TRUE);
        ctx.status(status).json(new Problem("about:blank", title(status), status, detail, field));
    }

    /** Replaces an error answer Javalin wrote itself (an unknown route, a wrong method) with a problem document. */
    static void ensureProblem(Context ctx) {
        if (ctx.attribute(SENT) != null) {
            return;
        }
        int status = ctx.statusCode();
        String detail = switch (status) {
            case 404 -> "No route " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "The request body is larger than this server accepts";
            default -> title(status);
        };
        send(ctx, status, detail, null);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Request Error";
        };
    }
}
