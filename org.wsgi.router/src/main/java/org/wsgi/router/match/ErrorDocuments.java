package org.wsgi.router.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.wsgi.api.config.DirectorySettings;

/**
 * {@code ErrorDocument} in merged settings, and how Apache tells its three kinds apart ({@code set_error_document}
 * in core.c): with a space, or neither a URL-path nor a full URL, it is a message; starting with {@code /} it is a
 * local URL-path the request is redirected to internally; else a full URL the client is redirected to. The last
 * occurrence for a status wins; {@code default} restores the server's own page.
 */
public final class ErrorDocuments {

    /** What a configured document is. */
    public enum Kind {
        MESSAGE, LOCAL, URL
    }

    private ErrorDocuments() {
    }

    /** The kind of {@code document}. */
    public static Kind kind(String document) {
        if (document.indexOf(' ') >= 0) {
            return Kind.MESSAGE;
        }
        if (document.startsWith("/")) {
            return Kind.LOCAL;
        }
        return document.matches("^[A-Za-z0-9+.-]+:.*") ? Kind.URL : Kind.MESSAGE;
    }

    /**
     * Status to document for the settings in effect; a message's {@code %{VAR}} expanded by {@code variables}
     * (Apache evaluates it as a string expression per request; an unknown variable stays as written).
     */
    static Map<Integer, String> of(DirectorySettings s, UnaryOperator<String> variables) {
        List<List<String>> all = s.directives().get("ErrorDocument");
        if (all == null) {
            return Map.of();
        }
        Map<Integer, String> documents = new LinkedHashMap<>();
        for (List<String> d : all) {
            int status = Integer.parseInt(d.get(0));
            if (d.get(1).equalsIgnoreCase("default")) {
                documents.remove(status);
            } else {
                String doc = d.get(1);
                documents.put(status, kind(doc) == Kind.MESSAGE && doc.contains("%{") ? expand(doc, variables) : doc);
            }
        }
        return documents;
    }

    private static String expand(String message, UnaryOperator<String> variables) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int at = message.indexOf("%{"); at >= 0; at = message.indexOf("%{", pos)) {
            int end = message.indexOf('}', at);
            if (end < 0) {
                break;
            }
            String value = variables.apply(message.substring(at + 2, end));
            out.append(message, pos, at).append(value != null ? value : message.substring(at, end + 1));
            pos = end + 1;
        }
        return out.append(message, pos, message.length()).toString();
    }
}
