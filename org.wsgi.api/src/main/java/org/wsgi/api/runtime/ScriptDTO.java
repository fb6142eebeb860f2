package org.wsgi.api.runtime;

import org.osgi.dto.DTO;

/** One loaded script module. */
public class ScriptDTO extends DTO {
    public String path;
    /** {@code _mod_wsgi_<md5 of the path>}. */
    public String module;
    /** Epoch milliseconds of the last (re)load. */
    public long loaded;
    /** The file modification time the module was loaded from. */
    public long mtime;
    public long requests;
    public long errors;
    /** The last load or request error, one line, or null. */
    public String lastError;
}
