package org.wsgi.config.apache.parser;

import org.wsgi.api.config.DaemonProcess;

/**
 * A {@code WSGIDaemonProcess} as one file defines it.
 *
 * @param process the definition; its {@code serverName} is that of the enclosing virtual host, {@code null} at
 *        global scope or when the virtual host names no server (the assembler then fills in the main server's)
 * @param virtualHost whether it was defined inside a {@code <VirtualHost>}
 */
public record DaemonDefinition(DaemonProcess process, boolean virtualHost) {

    public String name() {
        return process.name();
    }
}
