package org.wsgi.interp.jython.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;


import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;

class WsgiCommandsTest {

    private JythonInterpreterProvider provider;
    private WsgiCommands commands;

    @BeforeEach
    void start() throws Exception {
        provider = new JythonInterpreterProvider(Interpreters.engine());
        commands = new WsgiCommands(provider);
        provider.execute(target(app("hello.wsgi"), "shell", "application", false), new FakeExchange());
    }

    @AfterEach
    void stop() {
        provider.retainGroups(g -> false);
    }

    @Test
    void appsListsGroupsAndFormatsThem() throws Exception {
        ApplicationGroupDTO shell = commands.apps().stream().filter(g -> g.name.equals("shell")).findFirst()
                .orElseThrow();
        String line = commands.format(shell, Converter.LINE, null).toString();
        assertTrue(line.startsWith("'shell'") && line.contains("scripts=1 requests=1 errors=0"), line);
        assertTrue(line.contains("\n  " + app("hello.wsgi") + "  loaded 20") && line.endsWith("requests=1 errors=0"),
                "each script with its load time: " + line);
        String full = commands.format(shell, Converter.INSPECT, null).toString();
        assertTrue(full.contains(app("hello.wsgi").toString()) && full.contains("_mod_wsgi_"), full);
        ApplicationGroupDTO global = commands.apps().get(0);
        assertTrue(commands.format(global, Converter.LINE, null).toString().startsWith("%{GLOBAL}"));
        assertNull(commands.format("not a DTO", Converter.LINE, null));
    }

    @Test
    void reloadNamesTheGroup() {
        assertEquals("Scripts of application group 'shell' reload on their next request", commands.reload("shell"));
        assertEquals("Scripts of application group '' reload on their next request", commands.reload("%{GLOBAL}"));
        assertEquals("No application group 'nope'", commands.reload("nope"));
    }
}
