package org.wsgi.router.match;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wsgi.api.config.DirectorySettings;

/**
 * The server-context part of mod_rewrite that mod_wsgi configurations use: {@code RewriteCond}s with server
 * variables, back-references and file tests, {@code RewriteRule}s that set variables ({@code E=}), rewrite the URI
 * ({@code PT}, {@code L}, {@code QSA}), refuse ({@code F}, {@code G}) or redirect ({@code R}), and
 * {@code RewriteMap}s of type {@code txt:}, {@code rnd:}, {@code dbm:} (Berkeley DB hash files, as Debian's
 * {@code httxt2dbm} writes them) and {@code int:} (the configuration bundle tells the operator that other types
 * answer their default). Compiled once per snapshot; thread-safe.
 */
final class Rewriter {

    /** The outcome for one request. */
    record Result(String uri, String query, Map<String, String> env, int status, String location) {
    }

    private record Cond(String test, Pattern regex, String fileTest, boolean negate, boolean or) {
    }

    private record Rule(List<Cond> conds, Pattern pattern, boolean negate, String substitution, Map<String, String> flags,
            List<String> envs) {
    }

    private final List<Rule> rules;
    private final RewriteMaps maps;

    private Rewriter(List<Rule> rules, RewriteMaps maps) {
        this.rules = rules;
        this.maps = maps;
    }

    /** The rules of one server context, or {@code null} when its rewrite engine is off. */
    static Rewriter of(DirectorySettings s) {
        if (!"on".equalsIgnoreCase(Directives.value(s, "RewriteEngine"))) {
            return null;
        }
        RewriteMaps maps = RewriteMaps.of(s.directives().getOrDefault("RewriteMap", List.of()));
        List<Rule> rules = new ArrayList<>();
        List<Cond> pending = new ArrayList<>();
        for (List<String> d : s.directives().getOrDefault(DirectorySettings.REWRITE, List.of())) {
            Map<String, String> flags = flags(d.size() > 3 ? d.get(3) : null);
            if (d.get(0).equalsIgnoreCase("RewriteCond")) {
                pending.add(cond(d.get(1), d.get(2), flags));
                continue;
            }
            boolean negate = d.get(1).startsWith("!");
            String p = negate ? d.get(1).substring(1) : d.get(1);
            List<String> envs = new ArrayList<>();
            for (String f : (d.size() > 3 ? d.get(3) : "").replaceAll("^\\[|\\]$", "").split(",")) {
                String t = f.trim();
                if (t.regionMatches(true, 0, "E=", 0, 2) || t.regionMatches(true, 0, "env=", 0, 4)) {
                    envs.add(t.substring(t.indexOf('=') + 1));
                }
            }
            rules.add(new Rule(List.copyOf(pending), Pcre.compile(p, flags.containsKey("nc")
                    ? Pattern.CASE_INSENSITIVE : 0), negate, d.get(2), flags, envs));
            pending.clear();
        }
        return new Rewriter(List.copyOf(rules), maps);
    }

    private static Cond cond(String test, String pattern, Map<String, String> flags) {
        boolean negate = pattern.startsWith("!");
        String p = negate ? pattern.substring(1) : pattern;
        boolean fileTest = p.length() == 2 && p.charAt(0) == '-' && "fdsFUl".indexOf(p.charAt(1)) >= 0;
        Pattern regex = fileTest ? null : Pcre.compile(p, flags.containsKey("nc") ? Pattern.CASE_INSENSITIVE : 0);
        return new Cond(test, regex, fileTest ? p : null, negate, flags.containsKey("or") || flags.containsKey("ornext"));
    }

    /** mod_rewrite's long flag names, by the short ones the rules are read with. */
    private static final Map<String, String> LONG_FLAGS = Map.ofEntries(Map.entry("redirect", "r"),
            Map.entry("forbidden", "f"), Map.entry("gone", "g"), Map.entry("last", "l"), Map.entry("nocase", "nc"),
            Map.entry("qsappend", "qsa"), Map.entry("passthrough", "pt"), Map.entry("ornext", "or"),
            Map.entry("env", "e"), Map.entry("noescape", "ne"), Map.entry("qsdiscard", "qsd"));

    private static Map<String, String> flags(String raw) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (raw == null) {
            return flags;
        }
        for (String f : raw.replaceAll("^\\[|\\]$", "").split(",")) {
            String t = f.trim();
            int eq = t.indexOf('=');
            String name = (eq < 0 ? t : t.substring(0, eq)).toLowerCase(Locale.ROOT);
            flags.put(LONG_FLAGS.getOrDefault(name, name), eq < 0 ? "" : t.substring(eq + 1));
        }
        return flags;
    }

    /** Runs the rules over one request. {@code vars} resolves {@code %{NAME}} server variables. */
    Result apply(String uri, String query, java.util.function.UnaryOperator<String> vars) {
        return apply(uri, query, vars, false);
    }

    /**
     * @param perDirectory rules of a directory context: {@code uri} is the file name below the directory, and a
     *        substitution is returned as written (relative ones are the caller's to place)
     */
    Result apply(String uri, String query, java.util.function.UnaryOperator<String> vars, boolean perDirectory) {
        Map<String, String> env = new LinkedHashMap<>();
        String current = uri;
        String q = query;
        for (Rule rule : rules) {
            Matcher m = rule.pattern.matcher(current);
            boolean hit = m.find();
            if (hit == rule.negate) {
                continue;
            }
            Matcher lastCond = conditionsHold(rule.conds, m, vars, env);
            if (lastCond == null && !rule.conds.isEmpty()) {
                continue;
            }
            for (String e : rule.envs) {
                String value = expand(e, rule.negate ? null : m, lastCond, vars, env);
                int colon = value.indexOf(':');
                env.put(colon < 0 ? value : value.substring(0, colon), colon < 0 ? "" : value.substring(colon + 1));
            }
            if (rule.flags.containsKey("f")) {
                return new Result(current, q, env, 403, null);
            }
            if (rule.flags.containsKey("g")) {
                return new Result(current, q, env, 410, null);
            }
            int forced = forcedStatus(rule.flags.get("r"));
            if (forced >= 400) {
                // mod_rewrite drops the substitution of a non-redirect status and stops, as if [L] were given.
                return new Result(current, q, env, forced, null);
            }
            if (!rule.substitution.equals("-")) {
                String target = expand(rule.substitution, rule.negate ? null : m, lastCond, vars, env);
                int qm = target.indexOf('?');
                String newQuery = qm < 0 ? null : target.substring(qm + 1);
                target = qm < 0 ? target : target.substring(0, qm);
                if (rule.flags.containsKey("r") || RedirectLocation.isAbsolute(target)) {
                    String location = RedirectLocation.of(target, newQuery, q, rule.flags, perDirectory, vars);
                    return new Result(current, q, env, forced == 0 ? 302 : forced, location);
                }
                q = newQuery == null ? q : rule.flags.containsKey("qsa") && q != null ? newQuery + "&" + q : newQuery;
                current = perDirectory || target.startsWith("/") ? target : "/" + target;
            }
            if (rule.flags.containsKey("l") || rule.flags.containsKey("last") || rule.flags.containsKey("end")) {
                break;
            }
        }
        return new Result(current, q, env, 0, null);
    }

    /**
     * The status an {@code R} flag forces: its code, or mod_rewrite's names for 301 and 303, else 302 (a bare
     * {@code R}, {@code temp}, and any other word, as mod_rewrite takes it); 0 without the flag.
     */
    private static int forcedStatus(String code) {
        if (code == null) {
            return 0;
        }
        if (!code.isEmpty() && Character.isDigit(code.charAt(0))) {
            int n = 0; // C's atoi: the leading digits (R=0301 is 301)
            for (int i = 0; i < code.length() && Character.isDigit(code.charAt(i)) && n < 1000; i++) {
                n = n * 10 + code.charAt(i) - '0';
            }
            return n;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "permanent" -> 301;
            case "seeother" -> 303;
            default -> 302;
        };
    }

    /** The matcher of the last condition that matched (for %N), or null when the conditions fail. */
    private Matcher conditionsHold(List<Cond> conds, Matcher rule, java.util.function.UnaryOperator<String> vars,
            Map<String, String> env) {
        Matcher last = null;
        boolean ok = true;
        boolean orChain = false;
        for (Cond c : conds) {
            if (orChain && ok) {
                orChain = c.or;
                continue;
            }
            String value = expand(c.test, rule, last, vars, env);
            boolean hit;
            if (c.fileTest != null) {
                Path p = Path.of(UriPath.text(value));
                hit = switch (c.fileTest.charAt(1)) {
                    case 'f', 'F' -> Files.isRegularFile(p);
                    case 'd' -> Files.isDirectory(p);
                    case 's' -> Files.isRegularFile(p) && p.toFile().length() > 0;
                    case 'l' -> Files.isSymbolicLink(p);
                    default -> Files.exists(p);
                };
            } else {
                Matcher m = c.regex.matcher(value);
                hit = m.find();
                if (hit && !c.negate) {
                    last = m;
                }
            }
            ok = hit != c.negate;
            if (!ok && !c.or) {
                return null;
            }
            orChain = c.or;
        }
        return ok ? (last != null ? last : rule) : null;
    }

    private String expand(String s, Matcher rule, Matcher cond, java.util.function.UnaryOperator<String> vars,
            Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '$' || c == '%') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                Matcher m = c == '$' ? rule : cond;
                int g = s.charAt(++i) - '0';
                if (m != null && g <= m.groupCount() && m.group(g) != null) {
                    b.append(m.group(g));
                }
            } else if (c == '%' && s.startsWith("{", i + 1) && s.indexOf('}', i) > 0) {
                int end = s.indexOf('}', i);
                String name = s.substring(i + 2, end);
                String v = name.startsWith("ENV:") && env.containsKey(name.substring(4)) ? env.get(name.substring(4))
                        : vars.apply(name);
                b.append(v == null ? "" : v);
                i = end;
            } else if (c == '$' && s.startsWith("{", i + 1) && s.indexOf('}', i) > 0) {
                int end = matchingBrace(s, i + 1);
                String inner = expand(s.substring(i + 2, end), rule, cond, vars, env);
                b.append(maps.lookup(inner));
                i = end;
            } else if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }
}
