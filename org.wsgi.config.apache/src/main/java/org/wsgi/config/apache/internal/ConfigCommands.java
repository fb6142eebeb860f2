package org.wsgi.config.apache.internal;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code wsgi:config}: what the watched folder holds and which files are live. */
@Component(service = ConfigCommands.class, property = { "osgi.command.scope=wsgi", "osgi.command.function=config" })
public class ConfigCommands {

    private final ConfFolderComponent source;

    @Activate
    public ConfigCommands(@Reference ConfFolderComponent source) {
        this.source = source;
    }

    @Descriptor("show the watched folder, the configuration generation and each file: applied or rejected, "
            + "SHA-256, and the errors of a rejected file")
    public String config(@Descriptor("show SHA-256 digests in full") @Parameter(names = { "-f", "--full" },
            presentValue = "true", absentValue = "false") boolean full) {
        return ConfigStatus.format(source.folder().directory(), source.current(), full);
    }
}
