package org.wsgi.router.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wsgi.api.EnvironOptions;

/**
 * Apache's default handler for plain files reached through {@code Alias} or the {@code DocumentRoot}: the
 * content type from the file's extension (the system's {@code /etc/mime.types}, as Debian's Apache reads it),
 * {@code Content-Length}, {@code Last-Modified}, Apache's default {@code ETag}, {@code If-None-Match},
 * {@code If-Modified-Since}, {@code If-Match}, {@code If-Unmodified-Since}, one byte range ({@code Range},
 * {@code If-Range}), {@code HEAD} and {@code OPTIONS}. Several ranges in one
 * request are answered with the whole file (Apache sends them as multipart/byteranges). Thread-safe.
 */
final class StaticFiles {

    /** Files up to this size are read and written as bytes, not mapped. */
    private static final long SMALL = 64 * 1024;

    /** The methods Apache's default handler allows. */
    static final String ALLOW = "GET,POST,OPTIONS,HEAD,TRACE";
    /** The methods Apache's method registry knows (http_protocol.c); any other is not implemented. */
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("GET", "HEAD", "PUT", "POST",
            "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK",
            "UNLOCK", "VERSION-CONTROL", "CHECKOUT", "UNCHECKOUT", "CHECKIN", "UPDATE", "LABEL", "REPORT",
            "MKWORKSPACE", "MKACTIVITY", "BASELINE-CONTROL", "MERGE");

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

    /**
     * {@code direct}: the pooled direct buffers a larger file is read into and sent from.
     * {@code options}: the location's {@code AddDefaultCharset}.
     */
    int send(HttpServletRequest req, HttpServletResponse resp, Path file, DirectWrites direct,
            EnvironOptions options) throws IOException {
        return send(req, resp, file, direct, options, 0);
    }

    /**
     * As {@link #send(HttpServletRequest, HttpServletResponse, Path, DirectWrites, EnvironOptions)}; a non-zero
     * {@code status} answers an error with the file ({@code ErrorDocument}): whole, with that status, whatever the
     * request's conditions and ranges say, as Apache sends an error document.
     *
     * @return 0 when the answer is sent, else the error status the caller is to answer: 405 or 501 (with
     *         {@link #ALLOW}) or 416
     */
    int send(HttpServletRequest req, HttpServletResponse resp, Path file, DirectWrites direct,
            EnvironOptions options, int status) throws IOException {
        String method = req.getMethod();
        if (status != 0) {
            method = method.equals("HEAD") ? "HEAD" : "GET";
        } else if (method.equals("OPTIONS")) {
            resp.setHeader("Allow", ALLOW);
            String type = options.withDefaultCharset(contentType(file));
            if (type != null) {
                resp.setContentType(type);
            }
            resp.setContentLength(0);
            return 0;
        }
        if (status == 0 && !method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
            return KNOWN_METHODS.contains(method) ? 405 : 501; // a method Apache has no number for is 501
        }
        long size = Files.size(file);
        FileTime mtime = Files.getLastModifiedTime(file);
        long modified = mtime.toMillis() / 1000 * 1000;
        String etag = etag(file, options.fileETag(), size, mtime, System.currentTimeMillis() * 1000);
        resp.setDateHeader("Last-Modified", modified);
        if (etag != null) {
            resp.setHeader("ETag", etag);
        }
        resp.setHeader("Accept-Ranges", "bytes");
        String type = options.withDefaultCharset(contentType(file));
        if (status != 0) {
            resp.setStatus(status);
        } else if (preconditionFails(req, etag, modified)) {
            if (type != null) {
                resp.setContentType(type);
            }
            resp.setStatus(412); // as Apache: the validators, the type and no body
            resp.setContentLength(0);
            return 0;
        }
        String noneMatch = status != 0 ? null : req.getHeader("If-None-Match");
        long since = noneMatch != null || status != 0 ? -1 : date(req, "If-Modified-Since");
        if ((noneMatch != null && etag != null && matches(noneMatch, etag)) || (since >= 0 && modified <= since)) {
            resp.setStatus(304);
            return 0;
        }
        // GET, HEAD and POST alike, as Apache; never for an error document
        long[] range = status != 0 ? null : ByteRange.parse(req.getHeader("Range"), size);
        String ifRange = req.getHeader("If-Range");
        if (range != null && ifRange != null && !sameVersion(ifRange, etag, modified, req)) {
            range = null; // the client holds another version: the whole file, not a piece to splice
        }
        if (range == ByteRange.UNSATISFIABLE) {
            return 416;
        }
        if (type != null) {
            resp.setContentType(type);
        }
        long from = 0;
        long count = size;
        if (range != null) {
            from = range[0];
            count = range[1] - range[0] + 1;
            resp.setStatus(206);
            resp.setHeader("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        resp.setContentLengthLong(count);
        if (method.equals("HEAD")) {
            return 0;
        }
        if (count <= SMALL) {
            // A mapping costs more than it saves for a small file: read it once and write the bytes.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer bytes = ByteBuffer.allocate((int) count);
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, from + bytes.position()) < 0) {
                        break; // the file shrank since its size was read: send what there is
                    }
                }
                resp.getOutputStream().write(bytes.array(), 0, bytes.position());
            }
            return 0;
        }
        // A larger file is read into a pooled direct buffer, which the container sends without another copy. Not
        // mapped: a mapping lives until the collector finds it, pinning a deleted file's space meanwhile.
        ResponseBody body = new ResponseBody(resp.getOutputStream(), direct);
        ByteBuffer buffer = direct.borrow();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long sent = 0; sent < count;) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), count - sent));
                int n = channel.read(buffer, from + sent);
                if (n < 0) {
                    break; // the file shrank while it was sent: the response ends short, as Apache's does
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    body.write(buffer);
                }
                sent += n;
            }
        } finally {
            body.release();
            direct.giveBack(buffer);
        }
        return 0;
    }

    /**
     * A date header as a time, -1 when absent, unparsable (Jetty would throw: a 500 where Apache ignores it) or in
     * the future (Apache ignores such a date).
     */
    private static long date(HttpServletRequest req, String name) {
        try {
            long date = req.getDateHeader(name);
            return date > System.currentTimeMillis() ? -1 : date;
        } catch (IllegalArgumentException unparsable) {
            return -1;
        }
    }

    /** {@code If-Match} naming none of the file's tags (strongly), else {@code If-Unmodified-Since} before it. */
    private static boolean preconditionFails(HttpServletRequest req, String etag, long modified) {
        String ifMatch = req.getHeader("If-Match");
        if (ifMatch != null) {
            for (String tag : ifMatch.split(",")) {
                // a strong comparison: a weak tag matches nothing but *
                if (tag.trim().equals("*") || (etag != null && !etag.startsWith("W/") && tag.trim().equals(etag))) {
                    return false;
                }
            }
            return true;
        }
        long unmodifiedSince = date(req, "If-Unmodified-Since");
        return unmodifiedSince >= 0 && modified > unmodifiedSince;
    }

    /** {@code If-Range}: the file's strong ETag, or exactly its Last-Modified date; a weak tag never matches. */
    private static boolean sameVersion(String ifRange, String etag, long modified, HttpServletRequest req) {
        String v = ifRange.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return etag != null && !etag.startsWith("W/") && v.equals(etag); // strong comparison
        }
        try {
            return req.getDateHeader("If-Range") == modified;
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    /**
     * Apache's ETag of a file under {@code FileETag} ({@code ap_make_etag}): the chosen of inode, size and
     * modification time (in microseconds), in hex, joined by {@code -}; {@code null} for {@code FileETag None}. Weak
     * ({@code W/}) when the request comes within a second of the file's modification, as the file could change
     * again within that second without its tag changing.
     */
    static String etag(Path file, int parts, long size, FileTime mtime, long nowMicros) throws IOException {
        boolean weak = nowMicros - mtime.to(TimeUnit.MICROSECONDS) <= 1_000_000;
        StringBuilder b = new StringBuilder(weak ? "W/\"" : "\"");
        int empty = b.length();
        if ((parts & EnvironOptions.ETAG_INODE) != 0) {
            Object inode = Files.getAttribute(file, "unix:ino");
            b.append(Long.toHexString(((Number) inode).longValue()));
        }
        if ((parts & EnvironOptions.ETAG_SIZE) != 0) {
            b.append(b.length() > empty ? "-" : "").append(Long.toHexString(size));
        }
        if ((parts & EnvironOptions.ETAG_MTIME) != 0) {
            b.append(b.length() > empty ? "-" : "").append(Long.toHexString(mtime.to(TimeUnit.MICROSECONDS)));
        }
        return b.length() > empty ? b.append('"').toString() : null;
    }

    /** {@code If-None-Match}: {@code *} or a list naming {@code etag}, compared weakly ({@code W/} ignored). */
    static boolean matches(String header, String etag) {
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(opaque) || t.equals("W/" + opaque)) {
                return true;
            }
        }
        return false;
    }
}
