package org.wsgi.router.http;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

/**
 * mod_autoindex's listing of a directory with {@code Options Indexes} and no index file, in its plain form (no
 * {@code FancyIndexing}), byte for byte as Apache 2.4 writes it: entries sorted by name, directories with a
 * trailing {@code /}, links escaped, and the {@code .ht*} files the base configuration refuses left out.
 */
final class DirectoryListing {

    private DirectoryListing() {
    }

    /** The page for {@code dir} reached as {@code uri} (decoded, ending in {@code /}). */
    static String page(File dir, String uri) {
        String title = uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        String parent = title.substring(0, title.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder(512);
        b.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n")
                .append("<html>\n <head>\n  <title>Index of ").append(html(title)).append("</title>\n </head>\n")
                .append(" <body>\n<h1>Index of ").append(html(title)).append("</h1>\n")
                .append("<ul><li><a href=\"").append(href(parent.isEmpty() ? "/" : parent))
                .append("\"> Parent Directory</a></li>\n");
        String[] names = dir.list();
        if (names != null) {
            Arrays.sort(names);
            for (String name : names) {
                if (name.startsWith(".ht")) {
                    continue;
                }
                String shown = new File(dir, name).isDirectory() ? name + "/" : name;
                b.append("<li><a href=\"").append(href(shown)).append("\"> ").append(html(shown))
                        .append("</a></li>\n");
            }
        }
        return b.append("</ul>\n</body></html>\n").toString();
    }

    static void send(HttpServletResponse resp, File dir, String uri, boolean head) throws IOException {
        send(resp, dir, uri, head, 200);
    }

    /** The listing with {@code status} (an error's, when the listing is its {@code ErrorDocument}). */
    static void send(HttpServletResponse resp, File dir, String uri, boolean head, int status) throws IOException {
        byte[] body = page(dir, uri).getBytes(StandardCharsets.ISO_8859_1);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=ISO-8859-1");
        resp.setContentLength(body.length);
        if (!head) {
            resp.getOutputStream().write(body);
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A link as ap_escape_uri makes it: unreserved characters and {@code /} kept, the rest %-encoded. */
    private static String href(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "/-_.~!$&'()*+,;=:@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
