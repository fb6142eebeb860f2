package org.wsgi.interp.jython.interp;

import org.wsgi.interp.jython.ProviderTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;

class HelloWorldTest extends ProviderTestSupport {


    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void helloWorld(String callable) throws Exception {
        FakeExchange ex = new FakeExchange();
        provider.execute(target(app("hello.wsgi"), "", callable, false), ex);
        assertEquals("200 OK", ex.status);
        assertEquals("text/plain", ex.header("Content-type"));
        assertEquals(12, ex.contentLength);
        assertEquals("Hello World!", ex.bodyText());
    }

    /** A fresh group has os imported, as a CPython sub-interpreter does, so posixpath may be imported first. */
    @org.junit.jupiter.api.Test
    void posixpathImportedBeforeOs() throws Exception {
        FakeExchange ex = new FakeExchange();
        provider.execute(target(app("posixpath_first.wsgi"), "posixpath-first", "application", false), ex);
        assertEquals("200 OK", ex.status);
        assertEquals("/", ex.bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void environDump(String callable) throws Exception {
        FakeExchange ex = new FakeExchange("GET", "/env", "/a/b").put("HTTP_X_CUSTOM", "caf\u00e9");
        ScriptTarget target = target(app("environ.wsgi"), "example.com|/env", callable, true);
        provider.execute(target, ex);
        assertEquals("200 OK", ex.status);
        Map<String, String> env = new HashMap<>();
        for (String line : ex.bodyText().split("\n")) {
            String[] parts = line.split("\\|", 3);
            env.put(parts[0], parts[1] + "|" + parts[2]);
        }
        assertEquals("str|GET", env.get("REQUEST_METHOD"));
        assertEquals("str|/env", env.get("SCRIPT_NAME"));
        assertEquals("str|/a/b", env.get("PATH_INFO"));
        assertEquals("str|a=1&b=2", env.get("QUERY_STRING"));
        assertEquals("str|caf\u00e9", env.get("HTTP_X_CUSTOM"));
        assertEquals("tuple|(1, 0)", env.get("wsgi.version"));
        assertEquals("str|http", env.get("wsgi.url_scheme"));
        assertEquals("bool|True", env.get("wsgi.multithread"));
        assertEquals("bool|False", env.get("wsgi.multiprocess"));
        assertEquals("bool|False", env.get("wsgi.run_once"));
        assertEquals("bool|True", env.get("wsgi.input_terminated"));
        assertEquals("str|example.com|/env", env.get("mod_wsgi.application_group"));
        assertEquals("str|" + callable, env.get("mod_wsgi.callable_object"));
        assertEquals("str|1", env.get("mod_wsgi.script_reloading"));
        assertTrue(env.containsKey("wsgi.input") && env.containsKey("wsgi.errors")
                && env.containsKey("wsgi.file_wrapper"), env.toString());
    }

    @Test
    void eachRequestSeesItsOwnValueOfAVariableThatChanges() throws Exception {
        // The gateway reuses a variable's last value when it is equal: a changed value must never be answered
        // with the previous request's.
        for (String value : new String[] {"a", "bb", "bb", "a", "", "a"}) {
            FakeExchange ex = new FakeExchange().put("HTTP_X_VALUE", value);
            provider.execute(target(app("environ.wsgi")), ex);
            assertTrue(ex.bodyText().contains("HTTP_X_VALUE|str|" + value + "\n"), ex.bodyText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https", "http"})
    void urlSchemeFromRequestScheme(String scheme) throws Exception {
        FakeExchange ex = new FakeExchange().put("REQUEST_SCHEME", scheme);
        provider.execute(target(app("environ.wsgi")), ex);
        assertTrue(ex.bodyText().contains("wsgi.url_scheme|str|" + scheme + "\n"), ex.bodyText());
    }
}
