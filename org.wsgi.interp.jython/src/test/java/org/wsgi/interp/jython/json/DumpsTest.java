package org.wsgi.interp.jython.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyBuiltinFunction;
import org.python.core.PyObject;
import org.python.core.PyStringMap;
import org.python.core.PySystemState;
import org.python.core.PyType;
import org.wsgi.interp.jython.Interpreters;

/**
 * Which {@code json.dumps} calls {@link Dumps} answers itself and which it leaves to json/__init__.py (here a stand-in
 * that says so); that the answers are the Python code's is {@link ChunkEncoderTest}'s part.
 */
class DumpsTest {

    private static final PyObject ORIGINAL = Py.newString("original");

    private static PySystemState state;
    private static PyObject globals;

    @BeforeAll
    static void importJson() {
        state = Interpreters.engine().newGroupState("dumps-test");
        globals = exec("import json, json.encoder\n"
                + "class Sub(json.JSONEncoder):\n    pass\n");
        PyObject json = globals.__finditem__("json");
        PyObject dumps = new Dumps(new PyBuiltinFunction("dumps", "stand-in") {
            @Override
            public PyObject __call__(PyObject[] args, String[] keywords) {
                return ORIGINAL;
            }
        }, json, json.__findattr__("encoder"), (PyType) json.__findattr__("JSONEncoder"));
        globals.__setitem__("dumps", dumps);
    }

    private static PyObject exec(String source) {
        PySystemState before = Py.setSystemState(state);
        try {
            PyObject g = globals == null ? new PyStringMap() : globals;
            Py.exec(Py.compile_flags(source, "dumps-test.py", CompileMode.exec, new CompilerFlags()), g, g);
            return g;
        } finally {
            Py.setSystemState(before);
        }
    }

    private static String dumps(String arguments) {
        exec("out = dumps(" + arguments + ")\n");
        return globals.__finditem__("out").toString();
    }

    @Test
    void indentedOrSortedEncodingsAreDoneHere() {
        assertEquals("{\n \"a\": [\n  1, \n  2.5\n ], \n \"b\": null\n}",
                dumps("{'b': None, 'a': [1, 2.5]}, indent=1, sort_keys=True"));
        assertEquals("{\"a\":1,\"b\":true}", dumps("{'b': True, 'a': 1}, sort_keys=True, separators=(',', ':')"));
        assertEquals("[\n\"x\"\n]", dumps("['x'], indent=0, encoding='utf-8', default=None, cls=None"));
    }

    @Test
    void everythingElseIsLeftToThePythonCode() {
        assertEquals("original", dumps("{'a': 1}"), "the cached default encoder");
        assertEquals("original", dumps("{'a': 1}, separators=(',', ':')"), "Jython's own Java encoder");
        assertEquals("original", dumps("{'a': 1}, True, indent=1"), "a positional option");
        assertEquals("original", dumps("{'a': 1}, indent=1, cls=Sub"));
        assertEquals("original", dumps("{'a': 1}, indent=1, colour='blue'"));
        assertEquals("original", dumps("{'a': 1}, indent=1, encoding='latin-1'"));
        assertEquals("original", dumps("{'a': 1}, indent=1, separators=iter((',', ':'))"));
        assertEquals("original", dumps("u'x', indent=1"), "a string at the top");
    }

    @Test
    void aChangedEncoderClassIsLeftToThePythonCode() {
        exec("saved = json.JSONEncoder.__dict__['iterencode']\n"
                + "json.JSONEncoder.iterencode = lambda self, o, _one_shot=False: iter(['x'])\n");
        try {
            assertEquals("original", dumps("{'a': 1}, indent=1"));
        } finally {
            exec("json.JSONEncoder.iterencode = saved\n");
        }
        assertEquals("{\n \"a\": 1\n}", dumps("{'a': 1}, indent=1"), "back once restored");
        exec("json.JSONEncoder.__new__ = staticmethod(lambda cls, *a, **k: object.__new__(cls))\n");
        try {
            assertEquals("original", dumps("{'a': 1}, indent=1"));
        } finally {
            exec("del json.JSONEncoder.__new__\n");
        }
    }
}
