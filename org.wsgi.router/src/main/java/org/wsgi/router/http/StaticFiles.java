package org.wsgi.router.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Apache's default handler for plain files reached through {@code Alias} or the {@code DocumentRoot}: the
 * content type from the file's extension (the system's {@code /etc/mime.types}, as Debian's Apache reads it),
 * {@code Content-Length}, {@code Last-Modified}, {@code If-Modified-Since}, {@code HEAD}. Thread-safe.
 */
final class StaticFiles {

    private final Map<String, String> types;

    StaticFiles(Path mimeTypes) {
        Map<String, String> t = new HashMap<>(Map.of("html", "text/html", "htm", "text/html", "txt", "text/plain",
                "css", "text/css", "js", "text/javascript", "json", "application/json", "png", "image/png",
                "jpg", "image/jpeg", "gif", "image/gif", "ico", "image/vnd.microsoft.icon"));
        if (Files.isReadable(mimeTypes)) {
            try {
                for (String line : Files.readAllLines(mimeTypes)) {
                    String[] words = line.trim().split("\\s+");
                    if (words.length < 2 || words[0].startsWith("#")) {
                        continue;
                    }
                    for (int i = 1; i < words.length; i++) {
                        t.put(words[i].toLowerCase(Locale.ROOT), words[0]);
                    }
                }
            } catch (IOException e) {
                // The built-in table above still answers for the common types.
            }
        }
        this.types = Map.copyOf(t);
    }

    String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : types.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    void send(HttpServletRequest req, HttpServletResponse resp, Path file) throws IOException {
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
            ErrorPages.send(req, resp, 405, "Allow", "GET,POST,OPTIONS,HEAD,TRACE", null);
            return;
        }
        long modified = Files.getLastModifiedTime(file).toMillis() / 1000 * 1000;
        long since = req.getDateHeader("If-Modified-Since");
        resp.setDateHeader("Last-Modified", modified);
        if (since >= 0 && modified <= since) {
            resp.setStatus(304);
            return;
        }
        String type = contentType(file);
        if (type != null) {
            resp.setContentType(type);
        }
        long size = Files.size(file);
        resp.setContentLengthLong(size);
        if (method.equals("HEAD")) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
