package org.wsgi.router.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wsgi.api.runtime.RuntimeDTO;
import org.wsgi.router.status.StatusPage;

/** Answers for {@code SetHandler server-status}: HTML, or {@code text/plain} with {@code ?auto}. */
public final class StatusHandler {

    private final Supplier<RuntimeDTO> runtime;
    private final long started = System.currentTimeMillis();

    public StatusHandler(Supplier<RuntimeDTO> runtime) {
        this.runtime = runtime;
    }

    void send(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RuntimeDTO dto = runtime.get();
        long uptime = (System.currentTimeMillis() - started) / 1000;
        boolean auto = req.getQueryString() != null && req.getQueryString().matches("(^|.*&)auto(&.*|=.*|$)");
        String body = auto ? StatusPage.auto(dto, CgiEnvironment.SERVER_SOFTWARE, uptime)
                : StatusPage.html(dto, CgiEnvironment.SERVER_SOFTWARE, uptime);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(auto ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
        resp.setContentLength(bytes.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(bytes);
        }
    }
}
