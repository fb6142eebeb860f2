package org.wsgi.router.match;

import java.util.List;
import java.util.Locale;

import org.wsgi.api.EnvironOptions;
import org.wsgi.api.config.DirectorySettings;

/**
 * {@code FileETag}: which of a static file's inode, size and modification time its {@code ETag} is made of, as
 * {@link EnvironOptions} bits. Keywords with {@code +}/{@code -} change Apache's default ({@code MTime Size}), the
 * rest replace it. Pure.
 */
final class FileETags {

    private FileETags() {
    }

    static int of(DirectorySettings s) {
        List<String> words = Directives.last(s, "FileETag");
        if (words == null) {
            return EnvironOptions.ETAG_DEFAULT;
        }
        int mask = words.stream().allMatch(w -> w.startsWith("+") || w.startsWith("-")) ? EnvironOptions.ETAG_DEFAULT
                : 0;
        for (String w : words) {
            char sign = w.charAt(0);
            String word = (sign == '+' || sign == '-' ? w.substring(1) : w).toLowerCase(Locale.ROOT);
            int bits = switch (word) {
                case "inode" -> EnvironOptions.ETAG_INODE;
                case "mtime" -> EnvironOptions.ETAG_MTIME;
                case "size" -> EnvironOptions.ETAG_SIZE;
                case "all" -> EnvironOptions.ETAG_INODE | EnvironOptions.ETAG_MTIME | EnvironOptions.ETAG_SIZE;
                default -> 0; // None, Digest
            };
            mask = sign == '-' ? mask & ~bits : mask | bits;
        }
        return mask;
    }
}
