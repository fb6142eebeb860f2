package org.wsgi.router.match;

/** mod_userdir: {@code /~user/rest} to the user's directory, for {@code UserDir} paths with or without {@code *}. */
final class UserDirs {

    private UserDirs() {
    }

    /** The file name for {@code uri}, or {@code null} when it is not a {@code /~user} URL or UserDir is off. */
    static String map(String userDir, String uri) {
        if (userDir == null || !uri.startsWith("/~") || userDir.equalsIgnoreCase("disabled")
                || userDir.equalsIgnoreCase("disabled ")) {
            return null;
        }
        int slash = uri.indexOf('/', 2);
        String user = slash < 0 ? uri.substring(2) : uri.substring(2, slash);
        if (user.isEmpty() || user.equals(".") || user.equals("..")) {
            return null;
        }
        String rest = slash < 0 ? "" : uri.substring(slash);
        String dir = UriPath.bytes(userDir);
        String base = dir.contains("*") ? dir.replace("*", user)
                : dir.startsWith("/") ? dir + "/" + user : "/home/" + user + "/" + dir;
        return base + rest;
    }
}
