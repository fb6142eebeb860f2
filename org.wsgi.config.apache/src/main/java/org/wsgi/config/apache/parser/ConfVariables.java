package org.wsgi.config.apache.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code Define}, {@code UnDefine} and {@code ${NAME}} while one file is read, with Apache core's rules: a line is
 * resolved as a whole when it is read (after comments, before its words are split), a name is looked up among the
 * defined values first (in any letter case) and then in the process environment, and a {@code ${NAME}} that is
 * neither stays as written, with a warning unless the name holds a colon (a {@code RewriteMap} lookup looks alike).
 */
final class ConfVariables {

    /**
     * The longest line a resolution may make. Apache has no limit of its own short of memory; a value defined from
     * itself twice per line would double with every line and take the server down with the file.
     */
    static final int MAX_LINE = 1 << 20;

    private final List<String> names;
    private final Map<String, String> values;
    private final UnaryOperator<String> environment;

    ConfVariables(Defines start, UnaryOperator<String> environment) {
        this.names = new ArrayList<>(start.names());
        this.values = new LinkedHashMap<>(start.values());
        this.environment = environment;
    }

    /** {@code Define name [value]}. */
    void define(String name, String value) {
        if (!names.contains(name)) {
            names.add(name);
        }
        if (value != null) {
            values.put(key(name), value);
        }
    }

    /** {@code UnDefine name}. */
    void undefine(String name) {
        names.remove(name);
        values.remove(key(name));
    }

    /** What {@code <IfDefine name>} tests. */
    boolean isDefined(String name) {
        return names.contains(name);
    }

    Defines snapshot() {
        return new Defines(names, values);
    }

    /**
     * The line with each {@code ${NAME}} replaced; {@code undefined} hears each name left as written. A value is
     * not resolved again.
     */
    String resolve(String line, Consumer<String> undefined) {
        int dollar = line.indexOf("${");
        if (dollar < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 32);
        int pos = 0;
        while (dollar >= 0) {
            int close = line.indexOf('}', dollar + 2);
            if (close < 0) {
                break;
            }
            String name = line.substring(dollar + 2, close);
            String value = lookup(name);
            out.append(line, pos, dollar);
            if (value != null && out.length() + value.length() > MAX_LINE) {
                throw new IllegalArgumentException("Config variable expansion of this line exceeds " + MAX_LINE
                        + " characters");
            }
            if (value != null) {
                out.append(value);
            } else {
                out.append(line, dollar, close + 1);
                if (name.indexOf(':') < 0) {
                    undefined.accept(name);
                }
            }
            pos = close + 1;
            dollar = line.indexOf("${", pos);
        }
        return out.append(line, pos, line.length()).toString();
    }

    private String lookup(String name) {
        String value = values.get(key(name));
        return value != null ? value : environment.apply(name);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
