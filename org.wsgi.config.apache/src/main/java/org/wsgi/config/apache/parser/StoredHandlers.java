package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Directives kept as written for the content-handling bundles (access control, authentication, rewriting,
 * logging), each validated as its Apache module does before it is stored.
 */
final class StoredHandlers {

    private static final Set<String> ORDERS = Set.of("allow,deny", "deny,allow", "mutual-failure");
    private static final Set<String> OVERRIDES = Set.of("none", "all", "authconfig", "fileinfo", "indexes", "limit",
            "options");
    private static final Set<String> REQUIRE_PROVIDERS = Set.of("all", "valid-user", "user", "group", "ip", "local",
            "method", "wsgi-group");
    private static final Set<String> INTERNAL_MAPS = Set.of("toupper", "tolower", "escape", "unescape");
    private static final Set<String> MULTIVIEWS = Set.of("any", "negotiatedonly", "filters", "handlers");

    private StoredHandlers() {
    }

    /** Core's {@code AllowEncodedSlashes}: {@code On}, {@code Off} or {@code NoDecode}. */
    static String allowEncodedSlashes(DirectiveCall call) {
        return Set.of("on", "off", "nodecode").contains(call.arg(0).toLowerCase(Locale.ROOT)) ? call.store()
                : call.name() + " must be On, Off, or NoDecode";
    }

    /** mod_userdir's {@code UserDir}: a directory pattern list, or {@code enabled}/{@code disabled} [users]. */
    static String userDir(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        return words.isEmpty() ? "UserDir requires an argument." : call.store(words);
    }

    static String order(DirectiveCall call) {
        return ORDERS.contains(call.arg(0).toLowerCase(Locale.ROOT)) ? call.store() : "unknown order";
    }

    /** {@code Allow from ...} and {@code Deny from ...}. */
    static String allowDeny(DirectiveCall call) {
        return call.arg(0).equalsIgnoreCase("from") ? call.store() : "allow and deny must be followed by 'from'";
    }

    static String satisfy(DirectiveCall call) {
        for (String arg : call.args()) {
            if (!arg.equalsIgnoreCase("all") && !arg.equalsIgnoreCase("any")) {
                return "Satisfy either 'any' or 'all'.";
            }
        }
        return call.store();
    }

    static String require(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        if (words.isEmpty()) {
            return "Require requires at least one argument, specifies authorization requirements";
        }
        String provider = words.get(0).toLowerCase(Locale.ROOT);
        if (!REQUIRE_PROVIDERS.contains(provider)) {
            call.notice("Require " + words.get(0) + " is not supported here: it never grants access (supported: "
                    + String.join(", ", REQUIRE_PROVIDERS.stream().sorted().toList()) + ")");
        }
        return call.store(words);
    }

    /** {@code AuthGroupFile}: stored resolved against ServerRoot, as Apache resolves it. */
    static String authGroupFile(DirectiveCall call) {
        return call.store(List.of(call.fragment().resolve(call.arg(0))));
    }

    /**
     * {@code AuthUserFile}: stored resolved against ServerRoot, as Apache resolves it; users whose password hash the runtime cannot check (only Apache MD5
     * {@code $apr1$} and {@code {SHA}} are) are named in a notice, as they will never log in.
     */
    static String authUserFile(DirectiveCall call) {
        java.nio.file.Path file = java.nio.file.Path.of(call.fragment().resolve(call.arg(0)));
        try {
            List<String> unsupported = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                int colon = line.indexOf(':');
                String hash = colon < 0 ? "" : line.substring(colon + 1).strip();
                if (colon > 0 && !line.startsWith("#") && !hash.startsWith("$apr1$") && !hash.startsWith("{SHA}")) {
                    unsupported.add(line.substring(0, colon));
                }
            }
            if (!unsupported.isEmpty()) {
                call.notice("AuthUserFile " + file + ": the password hashes of " + String.join(", ", unsupported)
                        + " are not supported here (only htpasswd -m and -s hashes are): they cannot log in");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Apache reads the file per request too: a missing one fails logins, not the configuration.
        }
        return call.store(List.of(file.toString()));
    }

    /**
     * {@code RewriteMap name type:source}: checked as mod_rewrite checks it (the file must exist, an internal
     * function must be known; an unknown type is a text file named with its prefix, under ServerRoot). Types this
     * runtime cannot read are accepted with a notice, never silently.
     */
    static String rewriteMap(DirectiveCall call) {
        String name = call.arg(0);
        String source = call.arg(1);
        int colon = source.indexOf(':');
        String type = colon < 0 ? "" : source.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? source : source.substring(colon + 1);
        switch (type.startsWith("dbm=") ? "dbm" : type) {
            case "int":
                if (!INTERNAL_MAPS.contains(rest.toLowerCase(Locale.ROOT))) {
                    return "RewriteMap: internal map not found:" + rest;
                }
                break;
            case "txt", "rnd":
                if (!java.nio.file.Files.exists(java.nio.file.Path.of(call.fragment().resolve(rest)))) {
                    return "RewriteMap: file for map " + name + " not found:" + rest;
                }
                break;
            case "dbm", "prg":
                String file = type.equals("prg") ? rest.strip().split("\\s+")[0] : rest;
                if (!java.nio.file.Files.exists(java.nio.file.Path.of(call.fragment().resolve(file)))) {
                    return "RewriteMap: file for map " + name + " not found:" + file;
                }
                if (!type.equals("dbm") && !type.equals("dbm=db")) {
                    call.notice("RewriteMap " + name + ": " + type + ": maps are not supported on the JVM; lookups "
                            + "answer their default value (a txt: map with the same lines works)");
                }
                break;
            case "dbd", "fastdbd":
                call.notice("RewriteMap " + name + ": " + type + ": maps are not supported on the JVM; lookups "
                        + "answer their default value");
                break;
            default:
                String path = call.fragment().resolve(source);
                if (!java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
                    return "RewriteMap: file for map " + name + " not found:" + path;
                }
                return call.store(List.of(name, "txt:" + path));
        }
        return call.store();
    }

    static String allowOverride(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        for (String word : words) {
            String name = word.toLowerCase(Locale.ROOT);
            int eq = name.indexOf('=');
            String base = eq < 0 ? name : name.substring(0, eq);
            if (!OVERRIDES.contains(base) && !base.equals("nonfatal")) {
                return "Illegal override option " + word;
            }
        }
        call.settings().store(call.name(), words);
        return null;
    }

    static String multiviewsMatch(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        for (String word : words) {
            if (!MULTIVIEWS.contains(word.toLowerCase(Locale.ROOT))) {
                return "MultiviewsMatch requires Any, NegotiatedOnly, Filters, Handlers or a combination of the "
                        + "last three, not " + word;
            }
        }
        if (words.size() > 1 && words.stream().anyMatch(w -> w.equalsIgnoreCase("any"))) {
            return "MultiviewsMatch Any excludes all other options";
        }
        call.settings().store(call.name(), words);
        return null;
    }

    /**
     * Conditions apply to the rule that follows them, so both are kept, in order, under one key
     * ({@link org.wsgi.api.config.DirectorySettings#REWRITE}), each list led by the directive's name.
     */
    private static void storeRewrite(DirectiveCall call, List<String> words) {
        List<String> entry = new java.util.ArrayList<>(words.size() + 1);
        entry.add(call.name());
        entry.addAll(words);
        call.settings().store(org.wsgi.api.config.DirectorySettings.REWRITE, entry);
    }

    /** {@code RewriteRule pattern substitution [flags]}. */
    static String rewriteRule(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        if (words.size() < 2 || words.size() > 3) {
            return "RewriteRule: bad argument line '" + call.raw() + "'";
        }
        String pattern = words.get(0).startsWith("!") ? words.get(0).substring(1) : words.get(0);
        if (!CommonHandlers.compiles(pattern)) {
            return "RewriteRule: cannot compile regular expression '" + pattern + "'";
        }
        String badFlag = RewriteFlags.check(words.size() > 2 ? words.get(2) : null);
        if (badFlag != null) {
            return badFlag;
        }
        storeRewrite(call, words);
        return null;
    }

    /** {@code RewriteCond test-string cond-pattern [flags]}. */
    static String rewriteCond(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        if (words.size() < 2 || words.size() > 3) {
            return "RewriteCond: bad argument line '" + call.raw() + "'";
        }
        storeRewrite(call, words);
        return null;
    }

    static String rewriteBase(DirectiveCall call) {
        if (call.scope().section() == null) {
            return "RewriteBase: only valid in per-directory config files";
        }
        if (!call.arg(0).startsWith("/")) {
            return "RewriteBase: argument is not a valid URL";
        }
        return call.store();
    }

    /** {@code SetEnvIf attribute regex [!]env[=value]...}. */
    static String setEnvIf(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        if (words.size() < 2) {
            return "Missing regular expression for " + call.name();
        }
        if (words.size() < 3) {
            return "Missing envariable expression for " + call.name();
        }
        if (!CommonHandlers.compiles(words.get(1))) {
            return "Regular expression could not be compiled.";
        }
        call.settings().store(call.name(), words);
        return null;
    }

    /** {@code Listen}, {@code NameVirtualHost}, {@code LoadModule}: meaningful to Apache only. */
    static String apacheOnly(DirectiveCall call) {
        String why = switch (call.name()) {
            case "Listen" -> "the HTTP port belongs to the OSGi HTTP service";
            case "LoadModule" -> "modules are OSGi bundles here";
            default -> "name-based virtual hosts are always enabled";
        };
        call.notice(call.name() + " is accepted but ignored: " + why);
        return null;
    }
}
