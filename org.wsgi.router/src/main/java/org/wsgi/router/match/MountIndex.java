package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wsgi.api.config.ScriptMount;

/**
 * The mounts of one server, indexed by the first segment of their URL so that a request tests only the mounts
 * that can match it, in the order they were written (first match wins). Prefix mounts can only match URIs with
 * the same first segment; the root mount and regular-expression mounts are tested for every URI.
 */
final class MountIndex {

    private static final int[] NONE = new int[0];

    private final List<CompiledMount> mounts;
    private final Map<String, int[]> bySegment;
    private final int[] always;

    MountIndex(List<CompiledMount> mounts) {
        this.mounts = mounts;
        Map<String, List<Integer>> segments = new HashMap<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < mounts.size(); i++) {
            CompiledMount m = mounts.get(i);
            String seg = m.mount().kind() == ScriptMount.Kind.PREFIX ? firstSegment(m.urlPath()) : null;
            if (seg == null || seg.isEmpty()) {
                any.add(i);
            } else {
                segments.computeIfAbsent(seg, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        segments.forEach((k, v) -> index.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.bySegment = Map.copyOf(index);
        this.always = any.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first mount that maps {@code uri}, with the file name it maps to; {@code null} when none does. */
    Hit find(String uri) {
        int[] some = bySegment.getOrDefault(firstSegment(uri), NONE);
        int a = 0;
        int b = 0;
        while (a < some.length || b < always.length) {
            int i = b >= always.length || a < some.length && some[a] < always[b] ? some[a++] : always[b++];
            CompiledMount m = mounts.get(i);
            String filename = m.map(uri);
            if (filename != null) {
                return new Hit(m, filename, m.target().contains("$") ? 0 : m.target().length());
            }
        }
        return null;
    }

    /**
     * A matching mount, the file name it mapped the URI to, and how much of that name is the mount's literal target
     * (0 when the target had substitutions).
     */
    record Hit(CompiledMount mount, String filename, int targetLength) {
    }

    /** The text between the leading slashes and the next slash; {@code null} if the path does not start with one. */
    static String firstSegment(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return null;
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        return path.substring(start, end < 0 ? path.length() : end);
    }
}
