package org.wsgi.config.apache.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical line of a configuration file: continuation lines joined, surrounding white space removed.
 *
 * @param line the 1-based number of the physical line the logical line starts on
 * @param text the text, never empty, never a comment
 */
record ConfLine(int line, String text) {

    /**
     * Splits file content into logical lines as Apache's {@code ap_cfg_getline} does: a backslash as the very last
     * character continues the line, {@code #} as the first non-blank character of a logical line makes it a
     * comment, blank lines are skipped.
     */
    static List<ConfLine> split(String content) {
        List<ConfLine> lines = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int start = 0;
        int number = 0;
        int pos = content.startsWith("\uFEFF") ? 1 : 0;
        while (pos <= content.length()) {
            int nl = content.indexOf('\n', pos);
            int end = nl < 0 ? content.length() : nl;
            String physical = content.substring(pos, end);
            if (physical.endsWith("\r")) {
                physical = physical.substring(0, physical.length() - 1);
            }
            number++;
            if (logical.isEmpty()) {
                start = number;
            }
            boolean continued = physical.endsWith("\\") && nl >= 0;
            logical.append(continued ? physical.substring(0, physical.length() - 1) : physical);
            if (!continued) {
                add(lines, start, logical.toString());
                logical.setLength(0);
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        if (!logical.isEmpty()) {
            add(lines, start, logical.toString());
        }
        return lines;
    }

    private static void add(List<ConfLine> lines, int start, String raw) {
        String text = raw.strip();
        if (!text.isEmpty() && text.charAt(0) != '#') {
            lines.add(new ConfLine(start, text));
        }
    }
}
