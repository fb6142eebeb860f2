package org.wsgi.config.apache.internal;

import java.nio.file.Path;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.wsgi.api.config.AccessFileParser;
import org.wsgi.config.apache.parser.ConfParser;

/**
 * The {@code .htaccess} reader as a service for the router, with the watched folder as ServerRoot (as
 * {@link ConfFolderComponent} has it).
 */
@Component(configurationPid = ConfFolderComponent.PID)
public class AccessFileParserComponent implements AccessFileParser {

    private final ConfParser parser;

    @Activate
    public AccessFileParserComponent(BundleContext context, ConfFolderComponent.Config config) {
        this.parser = new ConfParser(ConfFolderComponent.folder(context, config));
    }

    @Override
    public AccessFile parse(Path file, byte[] content, Set<String> overrides) {
        return parser.parseAccessFile(file, content, overrides);
    }
}
