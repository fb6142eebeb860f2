package org.wsgi.api.runtime;

import org.osgi.dto.DTO;

/** One {@code WSGIDaemonProcess} group. */
public class ProcessGroupDTO extends DTO {
    public String name;
    /** {@code file:line} of its definition. */
    public String source;
    public int processes;
    public int threads;
    /** {@code STARTING}, {@code RUNNING}, {@code STOPPING}, {@code STOPPED} or {@code FAILED}. */
    public String state;
    /** The OS pids of its live processes. */
    public long[] pids;
    public long restarts;
    public long requests;
}
