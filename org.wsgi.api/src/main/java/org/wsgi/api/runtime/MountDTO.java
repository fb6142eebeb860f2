package org.wsgi.api.runtime;

import org.osgi.dto.DTO;

/** One {@code WSGIScriptAlias} or {@code WSGIScriptAliasMatch}. */
public class MountDTO extends DTO {
    /** {@code WSGIScriptAlias} or {@code WSGIScriptAliasMatch}. */
    public String directive;
    /** The server it belongs to: {@code ServerName[:port]}, or empty for the main server. */
    public String server;
    public String urlPath;
    public String target;
    public String processGroup;
    public String applicationGroup;
    /** {@code file:line}. */
    public String source;
}
