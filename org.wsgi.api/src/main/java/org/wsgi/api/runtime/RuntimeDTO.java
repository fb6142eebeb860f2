package org.wsgi.api.runtime;

import org.osgi.dto.DTO;

/** The whole runtime state. */
public class RuntimeDTO extends DTO {
    /** The configuration generation that is live. */
    public long generation;
    /** The watched folder (ServerRoot). */
    public String serverRoot;
    /** Every top-level configuration file, applied or rejected. */
    public ConfigFileDTO[] files;
    /** Every script mount of every server, in matching order. */
    public MountDTO[] mounts;
    /** Live application groups of the embedded interpreter provider. */
    public ApplicationGroupDTO[] applicationGroups;
    /** Configured daemon process groups. */
    public ProcessGroupDTO[] processGroups;
}
