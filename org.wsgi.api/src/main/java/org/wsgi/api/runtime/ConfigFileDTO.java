package org.wsgi.api.runtime;

import org.osgi.dto.DTO;

/** One configuration file. */
public class ConfigFileDTO extends DTO {
    public String path;
    /** SHA-256 of the content last read. */
    public String sha256;
    /** Whether that content is live. */
    public boolean applied;
    /** SHA-256 of the content that is live for this file, or null. */
    public String appliedSha256;
    /** {@code file:line: message} for each error of a rejected file. */
    public String[] errors;
}
