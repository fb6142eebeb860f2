package org.wsgi.api.config;

import java.util.List;
import java.util.Map;

/**
 * The per-directory settings of one context (server, virtual host, or a section). A {@code null} field means
 * "not set in this context": merging a more specific context over a less specific one keeps the less specific
 * value where the more specific one is {@code null}, as Apache merges per-directory configuration.
 *
 * @param applicationGroup {@code WSGIApplicationGroup}
 * @param processGroup {@code WSGIProcessGroup}
 * @param callableObject {@code WSGICallableObject}
 * @param passAuthorization {@code WSGIPassAuthorization}
 * @param scriptReloading {@code WSGIScriptReloading}
 * @param chunkedRequest {@code WSGIChunkedRequest}
 * @param restrictProcess {@code WSGIRestrictProcess} group names
 * @param env {@code SetEnv}/{@code UnsetEnv} in order; merged contexts concatenate
 * @param limitRequestBody {@code LimitRequestBody} in bytes, 0 = unlimited
 * @param handler {@code SetHandler}
 * @param addHandlers {@code AddHandler}: extension (with dot, lower-case) to handler name
 * @param options {@code Options} words as written, e.g. {@code +ExecCGI}, in order; an {@code Options} directive
 *        without {@code +}/{@code -} is preceded by {@link #OPTIONS_RESET}, because it replaces what less specific
 *        contexts set; merged contexts concatenate
 * @param directoryIndex {@code DirectoryIndex} names
 * @param directives every other directive of this context as written, for the content-handling bundles that
 *        give them meaning (access control, authentication, rewrite, ...): name (canonical case) to the
 *        argument lists of each occurrence, in order. Inside {@code <Limit>}/{@code <LimitExcept>} the per-method
 *        directives ({@code Require}, {@code Allow}, {@code Deny}, {@code Order}, {@code Satisfy}) are keyed with
 *        the section as prefix, e.g. {@code "<Limit POST PUT> Require"}, so they never read as rules for every
 *        method
 */
public record DirectorySettings(String applicationGroup, String processGroup, String callableObject,
        Boolean passAuthorization, Boolean scriptReloading, Boolean chunkedRequest, List<String> restrictProcess,
        List<EnvAction> env, Long limitRequestBody, String handler, Map<String, String> addHandlers,
        List<String> options, List<String> directoryIndex, Map<String, List<List<String>>> directives) {

    /** Marks, in {@link #options()}, where an {@code Options} directive replaced the options set so far. */
    public static final String OPTIONS_RESET = "=";

    /**
     * The key in {@link #directives()} under which {@code RewriteCond} and {@code RewriteRule} are kept together in
     * the order written (a condition belongs to the rule after it), each argument list led by the directive name.
     */
    public static final String REWRITE = "Rewrite";

    /** Nothing set. */
    public static final DirectorySettings EMPTY = new DirectorySettings(null, null, null, null, null, null, null,
            List.of(), null, null, Map.of(), List.of(), null, Map.of());

    public DirectorySettings {
        restrictProcess = restrictProcess == null ? null : List.copyOf(restrictProcess);
        env = List.copyOf(env);
        addHandlers = Map.copyOf(addHandlers);
        options = List.copyOf(options);
        directoryIndex = directoryIndex == null ? null : List.copyOf(directoryIndex);
        directives = Map.copyOf(directives);
    }

    /** This context's settings with {@code over}'s set values taking precedence. */
    public DirectorySettings merge(DirectorySettings over) {
        return new DirectorySettings(pick(over.applicationGroup, applicationGroup),
                pick(over.processGroup, processGroup), pick(over.callableObject, callableObject),
                pick(over.passAuthorization, passAuthorization), pick(over.scriptReloading, scriptReloading),
                pick(over.chunkedRequest, chunkedRequest), pick(over.restrictProcess, restrictProcess),
                concat(env, over.env), pick(over.limitRequestBody, limitRequestBody), pick(over.handler, handler),
                union(addHandlers, over.addHandlers), concat(options, over.options),
                pick(over.directoryIndex, directoryIndex), union(directives, over.directives));
    }

    private static <T> T pick(T over, T base) {
        return over != null ? over : base;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static <K, V> Map<K, V> union(Map<K, V> a, Map<K, V> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        Map<K, V> m = new java.util.LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
