package org.wsgi.router.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.wsgi.api.config.DirectorySettings;

/**
 * {@code ErrorDocument} in merged settings, and how Apache tells its three kinds apart ({@code set_error_document}
 * in core.c): with a space, or neither a URL-path nor a full URL, it is a message; starting with {@code /} it is a
 * local URL-path the request is redirected to internally; else a full URL the client is redirected to. Each
 * status is stored under its own key ({@code ErrorDocument 404}), so the innermost context's document for a status
 * wins; {@code default} restores the server's own page.
 */
public final class ErrorDocuments {

    /** What a configured document is. */
    public enum Kind {
        MESSAGE, LOCAL, URL
    }

    private ErrorDocuments() {
    }

    /**
     * The kind of a document as {@link #of} gives it: a message starts with {@code "} (Apache's own marking, in
     * {@code set_error_document}), a local URL-path with {@code /}; anything else is a full URL.
     */
    public static Kind kindOf(String answer) {
        return answer.startsWith("\"") ? Kind.MESSAGE : answer.startsWith("/") ? Kind.LOCAL : Kind.URL;
    }

    /** The text of a {@link Kind#MESSAGE} answer. */
    public static String message(String answer) {
        return answer.substring(1);
    }

    /** The kind of {@code document} as configured. */
    static Kind kind(String document) {
        if (document.indexOf(' ') >= 0) {
            return Kind.MESSAGE;
        }
        if (document.startsWith("/")) {
            return Kind.LOCAL;
        }
        return document.matches("^[A-Za-z0-9+.-]+:.*") ? Kind.URL : Kind.MESSAGE;
    }

    private static final String KEY = "ErrorDocument ";

    /**
     * Whether the settings hold any {@code ErrorDocument} (most hold none: no per-request work then). The parser
     * stores the bare name beside each {@code ErrorDocument <status>} for this one look-up per request.
     */
    static boolean any(DirectorySettings s) {
        return s.directives().containsKey("ErrorDocument");
    }

    /**
     * Status to document for the settings in effect, each {@code %{VAR}} expanded by {@code variables} (Apache
     * evaluates every document as a string expression per request; what this cannot evaluate stays as written). A
     * message keeps its kind whatever its expansion holds, as Apache decides the kind when it reads the directive.
     */
    static Map<Integer, String> of(DirectorySettings s, UnaryOperator<String> variables) {
        Map<Integer, String> documents = new LinkedHashMap<>();
        for (Map.Entry<String, List<List<String>>> e : s.directives().entrySet()) {
            if (!e.getKey().startsWith(KEY) || e.getValue().isEmpty()) {
                continue;
            }
            List<List<String>> all = e.getValue();
            String doc = all.get(all.size() - 1).get(0);
            if (!doc.equalsIgnoreCase("default")) {
                String expanded = doc.contains("%{") ? expand(doc, variables) : doc;
                documents.put(Integer.parseInt(e.getKey().substring(KEY.length())),
                        kind(doc) == Kind.MESSAGE ? "\"" + expanded : expanded);
            }
        }
        return documents;
    }

    /** A variable, or one of the expression functions whose argument is a literal. */
    private static String evaluate(String name, UnaryOperator<String> variables) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return variables.apply(name.toUpperCase(java.util.Locale.ROOT));
        }
        String argument = name.substring(colon + 1);
        switch (name.substring(0, colon).toLowerCase(java.util.Locale.ROOT)) {
            case "http", "req", "req_novary":
                return variables.apply("HTTP:" + argument);
            case "env", "reqenv", "osenv":
                return variables.apply("ENV:" + argument);
            case "tolower":
                return argument.toLowerCase(java.util.Locale.ROOT);
            case "toupper":
                return argument.toUpperCase(java.util.Locale.ROOT);
            default:
                return null;
        }
    }

    private static String expand(String message, UnaryOperator<String> variables) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int at = message.indexOf("%{"); at >= 0; at = message.indexOf("%{", pos)) {
            int end = message.indexOf('}', at);
            if (end < 0) {
                break;
            }
            String value = evaluate(message.substring(at + 2, end), variables);
            out.append(message, pos, at).append(value != null ? value : message.substring(at, end + 1));
            pos = end + 1;
        }
        return out.append(message, pos, message.length()).toString();
    }
}
