package org.wsgi.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A minimal HTTP client for the itests (no dependencies to provision into the framework). */
final class Http {

    /** A response: status and body as text. */
    record Response(int status, String body) {
    }

    private final int port;

    Http(int port) {
        this.port = port;
    }

    Response get(String path) throws IOException {
        return send("GET", path, null);
    }

    Response send(String method, String path, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(20000);
        if (body != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, text);
    }
}
