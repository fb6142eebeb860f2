package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Map;

/**
 * What {@code Define} has set when a file has been read: the defined names ({@code <IfDefine>} tests them, case
 * sensitive) and the values {@code ${NAME}} takes (looked up in any letter case, as Apache's table does; keyed here
 * by the lower-case name). A file is read with the defines of the files before it, as Apache reads a folder through
 * {@code IncludeOptional dir/*.conf}.
 *
 * @param names the defined names in the order first defined
 * @param values lower-case name to value, for the names defined with a value
 */
public record Defines(List<String> names, Map<String, String> values) {

    /** Nothing defined: what the first file is read with ({@code httpd -D} has no equivalent here). */
    public static final Defines NONE = new Defines(List.of(), Map.of());

    public Defines {
        names = List.copyOf(names);
        values = Map.copyOf(values);
    }
}
