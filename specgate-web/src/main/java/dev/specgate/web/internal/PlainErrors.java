package dev.specgate.web.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The preview server's answer to a request Jetty refuses before any route sees it (a path that
 * climbs out of the site, {@code /../../etc/passwd}, or is otherwise ambiguous or malformed): a
 * line of plain text in the server's words, with the headers of every other answer, in place of
 * Jetty's HTML error page. It names neither the path asked for nor anything of the server: nothing
 * outside the site is read to answer it.
 */
public final class PlainErrors extends ErrorHandler {

    private final String contentSecurityPolicy;

    /**
     * @param contentSecurityPolicy the policy every answer of the server carries
     */
    public PlainErrors(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The line a refused request gets for {@code code}, without its line end. */
    public static String said(int code) {
        String reason = HttpStatus.getMessage(code);
        if (code == HttpStatus.BAD_REQUEST_400) {
            return "specgate: bad request (400): the preview serves only its own pages, and not"
                    + " this path (one that climbs out with '..' or is otherwise malformed); the"
                    + " overview is at /";
        }
        if (code == HttpStatus.NOT_FOUND_404) {
            return "specgate: not found (404): the preview has no page at this address; the"
                    + " overview is at /";
        }
        return "specgate: " + code + " " + reason;
    }

    /**
     * The line an address under {@code specs/} that names no spec gets: the spec was deleted or
     * renamed since its page was linked, or the address is mistyped.
     */
    public static final String NO_SUCH_SPEC =
            "specgate: not found (404): no spec has this page (its file was deleted or renamed,"
                    + " or the address is mistyped); the overview at / lists every spec";

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback)
            throws IOException {
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        byte[] body = (said(code) + "\n").getBytes(StandardCharsets.UTF_8);
        headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
