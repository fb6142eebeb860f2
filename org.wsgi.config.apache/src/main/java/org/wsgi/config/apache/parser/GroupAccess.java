package org.wsgi.config.apache.parser;

/**
 * mod_wsgi's rule for which contexts may use a daemon process group: one defined at global scope is usable from
 * anywhere, one defined in a virtual host only from contexts with the same {@code ServerName}.
 */
final class GroupAccess {

    static final String NOT_CONFIGURED = "WSGI process group not yet configured.";
    static final String NOT_ACCESSIBLE = "WSGI process group not accessible.";
    static final String NOT_MATCHABLE = "WSGI process group not matchable.";

    private GroupAccess() {
    }

    /**
     * @param groupVirtual whether the group was defined inside a virtual host
     * @param groupServer the {@code ServerName} of the group's virtual host, or {@code null}
     * @param userServer the {@code ServerName} of the context using it, or {@code null}
     * @return mod_wsgi's complaint, or {@code null} when the use is allowed
     */
    static String check(boolean groupVirtual, String groupServer, String userServer) {
        if (!groupVirtual) {
            return null;
        }
        if (userServer != null && groupServer != null) {
            return userServer.equals(groupServer) ? null : NOT_ACCESSIBLE;
        }
        return userServer == null && groupServer == null ? null : NOT_MATCHABLE;
    }
}
