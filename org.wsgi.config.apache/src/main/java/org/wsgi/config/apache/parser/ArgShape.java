package org.wsgi.config.apache.parser;

import java.util.List;

/** How many arguments a directive takes, as Apache's {@code cmd_how}, with Apache's own complaints. */
enum ArgShape {
    /** The handler splits the arguments itself. */
    RAW_ARGS(0, Integer.MAX_VALUE, null),
    NO_ARGS(0, 0, " takes no arguments"),
    TAKE1(1, 1, " takes one argument"),
    TAKE2(2, 2, " takes two arguments"),
    TAKE12(1, 2, " takes 1-2 arguments"),
    TAKE3(3, 3, " takes three arguments"),
    TAKE23(2, 3, " takes two or three arguments"),
    TAKE123(1, 3, " takes one, two or three arguments"),
    /** One or more words, each handled alike. */
    ITERATE(1, Integer.MAX_VALUE, " requires at least one argument"),
    /** A first word, then one or more words handled with it. */
    ITERATE2(2, Integer.MAX_VALUE, " requires at least two arguments"),
    /** {@code On} or {@code Off}. */
    FLAG(1, 1, " must be On or Off");

    private final int min;
    private final int max;
    private final String complaint;

    ArgShape(int min, int max, String complaint) {
        this.min = min;
        this.max = max;
        this.complaint = complaint;
    }

    /** Apache's message when {@code args} do not fit, or {@code null} when they do. */
    String check(String name, List<String> args, String help) {
        if (this == RAW_ARGS) {
            return null;
        }
        // Apache's TAKE12/TAKE23/TAKE123 pass an empty optional word as absent; a required word may not be empty.
        boolean empty = args.subList(0, Math.min(min, args.size())).stream().anyMatch(String::isEmpty)
                || (min == max && args.stream().anyMatch(String::isEmpty));
        if (this == FLAG) {
            boolean ok = args.size() == 1 && (args.get(0).equalsIgnoreCase("on") || args.get(0).equalsIgnoreCase("off"));
            return ok ? null : name + complaint;
        }
        if (args.size() < min || args.size() > max || (empty && this != ITERATE && this != ITERATE2)) {
            return name + complaint + (help == null || this == NO_ARGS ? "" : ", " + help);
        }
        return null;
    }

    /** {@code args} without the empty optional words at their end, which Apache passes on as absent. */
    List<String> present(List<String> args) {
        int n = args.size();
        while (n > min && min < max && this != ITERATE && this != ITERATE2 && args.get(n - 1).isEmpty()) {
            n--;
        }
        return n == args.size() ? args : args.subList(0, n);
    }
}
