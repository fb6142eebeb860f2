package org.wsgi.config.apache.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over the arguments of one directive, splitting words as Apache's {@code ap_getword_conf} does: a word
 * starting with a double or single quote runs to the matching quote (a backslash escapes that quote or a
 * backslash), any other word runs to the next white space. An unterminated quote runs to the end of the line.
 */
final class ConfWords {

    private final String text;
    private int pos;

    ConfWords(String text) {
        this.text = text;
        skipBlanks();
    }

    /** All words of {@code text}. */
    static List<String> split(String text) {
        ConfWords words = new ConfWords(text);
        List<String> out = new ArrayList<>();
        while (words.hasMore()) {
            out.add(words.next());
        }
        return out;
    }

    boolean hasMore() {
        return pos < text.length();
    }

    /** The rest of the line, unparsed. */
    String rest() {
        return text.substring(pos);
    }

    /** The next word, or the empty string at the end. */
    String next() {
        if (!hasMore()) {
            return "";
        }
        char quote = text.charAt(pos);
        String word;
        if (quote == '"' || quote == '\'') {
            StringBuilder sb = new StringBuilder();
            int i = pos + 1;
            while (i < text.length() && text.charAt(i) != quote) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == quote || text.charAt(i + 1) == '\\')) {
                    sb.append(text.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            pos = Math.min(i + 1, text.length());
            word = sb.toString();
        } else {
            int i = pos;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            word = text.substring(pos, i).replace("\\\\", "\\");
            pos = i;
        }
        skipBlanks();
        return word;
    }

    /**
     * The next {@code name=value} option as mod_wsgi's {@code wsgi_parse_option} reads it (the value may be
     * quoted), or {@code null} when the next word is not of that form.
     */
    String[] nextOption() {
        int i = pos;
        while (i < text.length() && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == pos || i >= text.length() || text.charAt(i) != '=') {
            return null;
        }
        String name = text.substring(pos, i);
        pos = i + 1;
        skipBlanks();
        return new String[] {name, next()};
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
