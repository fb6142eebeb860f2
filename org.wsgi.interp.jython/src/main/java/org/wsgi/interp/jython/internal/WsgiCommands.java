package org.wsgi.interp.jython.internal;

import java.util.List;

import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.runtime.ApplicationGroupDTO;

/**
 * Gogo commands {@code wsgi:apps} and {@code wsgi:reload} over the embedded interpreter provider. They return
 * objects; {@link GroupFormat} (this component's {@link Converter} side) turns them into text.
 */
@Component(service = {WsgiCommands.class, Converter.class}, property = {
    "osgi.command.scope=wsgi", "osgi.command.function=apps", "osgi.command.function=reload"})
public final class WsgiCommands implements Converter {

    /** How {@code %{GLOBAL}} (the empty group name) is typed on the command line. */
    static final String GLOBAL = "%{GLOBAL}";

    private final InterpreterProvider provider;

    @Activate
    public WsgiCommands(@Reference(name = "provider", target = "(component.name=org.wsgi.interp.jython.internal.JythonProviderComponent)")
            InterpreterProvider provider) {
        this.provider = provider;
    }

    @Descriptor("list the application groups of the embedded interpreter and their scripts")
    public List<ApplicationGroupDTO> apps() {
        return provider.applicationGroups();
    }

    @Descriptor("reload every script of an application group on its next request")
    public String reload(@Descriptor("the application group name in single quotes (the shell reads { and |):"
            + " '%{GLOBAL}' for the main one, 'host|/app' for a %{RESOURCE} one") String group) {
        String name = GLOBAL.equals(group) ? "" : group;
        return provider.reload(name)
                ? "Scripts of application group '" + name + "' reload on their next request"
                : "No application group '" + name + "'";
    }

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof ApplicationGroupDTO) {
            return level == INSPECT ? GroupFormat.inspect((ApplicationGroupDTO) target)
                    : GroupFormat.line((ApplicationGroupDTO) target);
        }
        return null;
    }
}
