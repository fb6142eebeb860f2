package org.wsgi.router.match;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code AuthUserFile}s in htpasswd format and {@code AuthGroupFile}s ({@code group: user user ...} lines), re-read
 * when they change, and the password checks of Apache's
 * {@code apr_password_validate} for the hashes {@code htpasswd} writes by default on Linux: MD5
 * ({@code $apr1$}, {@code -m}) and SHA-1 ({@code {SHA}}, {@code -s}). Other hashes (bcrypt, crypt) never match.
 * Thread-safe.
 */
final class PasswordFiles {

    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int CACHE_LIMIT = 256;

    private record Loaded(long modified, long size, Map<String, String> users) {
    }

    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();
    private final Map<String, Loaded> groups = new ConcurrentHashMap<>();

    /** Whether {@code user} is listed in {@code group} of the group file {@code file}. */
    boolean inGroup(String file, String group, String user) {
        String members = load(groups, file, PasswordFiles::readGroups).users.get(group);
        if (members == null) {
            return false;
        }
        for (String m : members.split("\\s+")) {
            if (m.equals(user)) {
                return true;
            }
        }
        return false;
    }

    private static Loaded load(Map<String, Loaded> cache, String file,
            java.util.function.Function<File, Map<String, String>> reader) {
        File f = new File(file);
        long modified = f.lastModified();
        long size = f.length();
        Loaded l = cache.get(file);
        if (l == null || l.modified != modified || l.size != size) {
            l = new Loaded(modified, size, reader.apply(f));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(file, l);
        }
        return l;
    }

    /** The user's hash in {@code file}, or {@code null} when the user (or the file) is not there. */
    String hash(String file, String user) {
        return load(cache, file, PasswordFiles::read).users.get(user);
    }

    /** User to hash: the first line of a user counts. */
    private static Map<String, String> read(File f) {
        return colonLines(f, (first, later) -> first);
    }

    /** Group name to its members, several lines of one group joined. */
    private static Map<String, String> readGroups(File f) {
        return colonLines(f, (first, later) -> first + " " + later);
    }

    /**
     * The {@code name: value} lines of a file (comments skipped), {@code merge} deciding for a name seen twice. An
     * unreadable file has no lines: every login or group check fails, as in Apache (which also logs it).
     */
    private static Map<String, String> colonLines(File f, java.util.function.BinaryOperator<String> merge) {
        Map<String, String> lines = new HashMap<>();
        try {
            for (String line : Files.readAllLines(f.toPath(), StandardCharsets.ISO_8859_1)) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    lines.merge(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), merge);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return lines;
    }

    /** Whether {@code password} matches {@code hash}. */
    static boolean matches(String password, String hash) {
        byte[] pw = password.getBytes(StandardCharsets.ISO_8859_1);
        if (hash.startsWith("{SHA}")) {
            String expected = Base64.getEncoder().encodeToString(digest("SHA-1", pw));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    hash.substring(5).getBytes(StandardCharsets.US_ASCII));
        }
        if (hash.startsWith("$apr1$")) {
            int end = hash.indexOf('$', 6);
            String salt = hash.substring(6, end < 0 ? Math.min(hash.length(), 14) : Math.min(end, 14));
            return MessageDigest.isEqual(apr1(pw, salt).getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII));
        }
        return false;
    }

    /** The Apache MD5 crypt of {@code pw} with {@code salt}: {@code $apr1$salt$hash}. */
    static String apr1(byte[] pw, String salt) {
        byte[] magic = "$apr1$".getBytes(StandardCharsets.US_ASCII);
        byte[] s = salt.getBytes(StandardCharsets.US_ASCII);
        MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update(magic);
        ctx.update(s);
        MessageDigest alt = md5();
        alt.update(pw);
        alt.update(s);
        alt.update(pw);
        byte[] sum = alt.digest();
        for (int left = pw.length; left > 0; left -= 16) {
            ctx.update(sum, 0, Math.min(16, left));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(pw.length > 0 ? pw[0] : 0);
            }
        }
        byte[] fin = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            MessageDigest round = md5();
            if ((i & 1) != 0) {
                round.update(pw);
            } else {
                round.update(fin);
            }
            if (i % 3 != 0) {
                round.update(s);
            }
            if (i % 7 != 0) {
                round.update(pw);
            }
            if ((i & 1) != 0) {
                round.update(fin);
            } else {
                round.update(pw);
            }
            fin = round.digest();
        }
        StringBuilder out = new StringBuilder("$apr1$").append(salt).append('$');
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] g : groups) {
            to64(out, ((fin[g[0]] & 0xff) << 16) | ((fin[g[1]] & 0xff) << 8) | (fin[g[2]] & 0xff), 4);
        }
        to64(out, fin[11] & 0xff, 2);
        return out.toString();
    }

    private static void to64(StringBuilder out, int v, int n) {
        for (int i = 0; i < n; i++) {
            out.append(ITOA64.charAt(v & 0x3f));
            v >>>= 6;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
