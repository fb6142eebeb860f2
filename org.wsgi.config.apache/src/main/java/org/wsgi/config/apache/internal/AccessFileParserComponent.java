package org.wsgi.config.apache.internal;

import java.nio.file.Path;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wsgi.api.config.AccessFileParser;
import org.wsgi.config.apache.parser.ConfParser;

/**
 * The {@code .htaccess} reader as a service for the router, with the watched folder as ServerRoot (as
 * {@link ConfFolderComponent} has it) and what its live configuration leaves defined: Apache's {@code Define}s are
 * global, so an access file's {@code <IfDefine>} and {@code ${NAME}} see them.
 */
@Component(configurationPid = ConfFolderComponent.PID)
public class AccessFileParserComponent implements AccessFileParser {

    private final ConfParser parser;
    private final ConfFolderComponent source;

    @Activate
    public AccessFileParserComponent(BundleContext context, ConfFolderComponent.Config config,
            @Reference ConfFolderComponent source) {
        this.parser = new ConfParser(ConfFolderComponent.folder(context, config));
        this.source = source;
    }

    @Override
    public AccessFile parse(Path file, byte[] content, Set<String> overrides) {
        return parser.parseAccessFile(file, content, overrides, source.defines());
    }
}
