package org.wsgi.api.runtime;

import org.osgi.dto.DTO;

/** One application group (interpreter). */
public class ApplicationGroupDTO extends DTO {
    /** The group name; empty for {@code %{GLOBAL}}. */
    public String name;
    /** Epoch milliseconds of creation. */
    public long created;
    public ScriptDTO[] scripts;
}
