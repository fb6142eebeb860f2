package org.wsgi.config.apache.parser;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands the argument of {@code Include} into files as Apache does: {@code *}, {@code ?} and {@code [...]}
 * wildcards in any path component (not matching names that start with a dot unless the pattern does), a directory
 * stands for every file below it; everything in name order.
 */
final class IncludeResolver {

    private IncludeResolver() {
    }

    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /** The files {@code absolutePattern} names; empty when none exist or the pattern is not a path at all. */
    static List<Path> expand(String absolutePattern) throws IOException {
        Path pattern;
        try {
            pattern = Path.of(absolutePattern);
        } catch (InvalidPathException e) {
            return List.of();
        }
        List<Path> current = new ArrayList<>();
        current.add(pattern.getRoot() == null ? Path.of("") : pattern.getRoot());
        for (Path component : pattern) {
            String name = component.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (hasWildcard(name)) {
                    next.addAll(matching(dir, name));
                } else if (Files.exists(dir.resolve(name))) {
                    next.add(dir.resolve(name));
                }
            }
            current = next;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : current) {
            addFiles(p, files, 0);
        }
        return files;
    }

    private static List<Path> matching(Path dir, String glob) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("{", "\\{").replace("}", "\\}"));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (matcher.matches(name) && (glob.startsWith(".") || !name.toString().startsWith("."))) {
                    out.add(entry);
                }
            }
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static void addFiles(Path p, List<Path> files, int depth) throws IOException {
        if (!Files.isDirectory(p)) {
            files.add(p);
            return;
        }
        if (depth > 16) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
            entries.forEach(children::add);
        }
        children.sort(Comparator.comparing(Path::toString));
        for (Path child : children) {
            addFiles(child, files, depth + 1);
        }
    }
}
