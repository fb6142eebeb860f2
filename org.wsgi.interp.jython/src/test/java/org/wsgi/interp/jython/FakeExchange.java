package org.wsgi.interp.jython;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wsgi.api.exec.ResponseRefusedException;
import org.wsgi.api.exec.WsgiExchange;

/** A WsgiExchange that records what the gateway sends; optionally fails writes after some bytes (a client gone). */
public final class FakeExchange implements WsgiExchange {

    private final Map<String, String> environ = new LinkedHashMap<>();
    private InputStream input = new ByteArrayInputStream(new byte[0]);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<Integer> flushes = new java.util.ArrayList<>();
    private long failAfter = -1;
    private int sendHeadersCalls;
    private String refusal;
    private int writes;
    public String status;
    public List<Map.Entry<String, String>> headers;
    public long contentLength = -2;

    public FakeExchange() {
        this("GET", "/app", "");
    }

    public FakeExchange(String method, String scriptName, String pathInfo) {
        environ.put("REQUEST_METHOD", method);
        environ.put("SCRIPT_NAME", scriptName);
        environ.put("PATH_INFO", pathInfo);
        environ.put("QUERY_STRING", "a=1&b=2");
        environ.put("REQUEST_URI", scriptName + pathInfo + "?a=1&b=2");
        environ.put("SERVER_NAME", "localhost");
        environ.put("SERVER_PORT", "8080");
        environ.put("SERVER_PROTOCOL", "HTTP/1.1");
        environ.put("REQUEST_SCHEME", "http");
        environ.put("REMOTE_ADDR", "127.0.0.1");
        environ.put("REMOTE_PORT", "51234");
        environ.put("HTTP_HOST", "localhost:8080");
        environ.put("GATEWAY_INTERFACE", "CGI/1.1");
        environ.put("mod_wsgi.process_group", "");
    }

    public FakeExchange put(String key, String value) {
        environ.put(key, value);
        return this;
    }

    public FakeExchange body(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        input = new ByteArrayInputStream(bytes);
        environ.put("CONTENT_LENGTH", Integer.toString(bytes.length));
        environ.put("CONTENT_TYPE", "application/octet-stream");
        return this;
    }

    /** Replaces every CGI variable by {@code env}, for tests that build the whole environment themselves. */
    public FakeExchange environ(Map<String, String> env) {
        environ.clear();
        environ.putAll(env);
        return this;
    }

    /** The request body, without touching CONTENT_LENGTH or CONTENT_TYPE. */
    public FakeExchange input(byte[] bytes) {
        input = new ByteArrayInputStream(bytes);
        return this;
    }

    public byte[] bodyBytes() {
        return body.toByteArray();
    }

    /** The server refuses to send the response (sendHeaders throws), as for a status it cannot carry. */
    public FakeExchange refuse(String why) {
        refusal = why;
        return this;
    }

    /** Writes beyond this many body bytes throw, as when the client closed the connection. */
    public FakeExchange failAfter(long bytes) {
        failAfter = bytes;
        return this;
    }

    public String bodyText() {
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The body's size at each flush, in order. */
    public List<Integer> flushes() {
        return flushes;
    }

    /** How many write calls reached the body stream. */
    public int writes() {
        return writes;
    }

    public int sendHeadersCalls() {
        return sendHeadersCalls;
    }

    @Override
    public Map<String, String> environ() {
        return Map.copyOf(environ);
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public void sendHeaders(String status, List<Map.Entry<String, String>> headers, long contentLength) {
        if (refusal != null) {
            throw new ResponseRefusedException(refusal);
        }
        sendHeadersCalls++;
        this.status = status;
        this.headers = headers;
        this.contentLength = contentLength;
    }

    @Override
    public boolean headersSent() {
        return status != null;
    }

    /** Bytes that arrived as buffers, each write's size (when {@link #channelBody()} was asked for). */
    public final java.util.List<Integer> bufferWrites = new java.util.ArrayList<>();
    private boolean channel;

    /** The body stream also takes ByteBuffers, as the router's does. */
    public FakeExchange channelBody() {
        channel = true;
        return this;
    }

    @Override
    public OutputStream body() {
        if (channel) {
            return new ChannelBody();
        }
        return plainBody();
    }

    /** A body stream that is a channel too. */
    private final class ChannelBody extends OutputStream implements java.nio.channels.WritableByteChannel {
        private final OutputStream plain = plainBody();

        @Override
        public void write(int b) throws IOException {
            plain.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            plain.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            plain.flush();
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            int n = src.remaining();
            byte[] copy = new byte[n];
            src.get(copy);
            bufferWrites.add(n);
            plain.write(copy, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    private OutputStream plainBody() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (failAfter >= 0 && body.size() + len > failAfter) {
                    throw new IOException("Broken pipe");
                }
                writes++;
                body.write(b, off, len);
            }

            @Override
            public void flush() {
                flushes.add(body.size());
            }
        };
    }

    @Override
    public String logTag() {
        return "[client 127.0.0.1:51234]";
    }
}
