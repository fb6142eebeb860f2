package org.wsgi.interp.jython.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyStringMap;
import org.python.core.PySystemState;
import org.wsgi.interp.jython.Interpreters;

/**
 * The accelerated {@code json.dumps} gives what json/encoder.py's generators give, case by case
 * ({@code json/cases.py}: indentation, sorting, key conversion, escaping, encodings, subclasses that override
 * {@code items}/{@code __iter__}/{@code __str__}, {@code default}, circular references, skipped and bad keys, NaN,
 * deep nesting), including the exception and its message when there is one.
 */
class ChunkEncoderTest {

    private static PyObject globals;
    private static PyObject plainGlobals;

    @BeforeAll
    static void runCases() throws IOException {
        globals = run(Interpreters.engine().newGroupState("json-test"));
        PySystemState plain = Interpreters.engine().newGroupState("json-plain");
        plain.meta_path.clear();
        plainGlobals = run(plain);
    }

    private static PyObject run(PySystemState state) throws IOException {
        try (InputStream in = ChunkEncoderTest.class.getResourceAsStream("/json/cases.py")) {
            return exec(state, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static PyObject exec(PySystemState state, String source) {
        PySystemState before = Py.setSystemState(state);
        try {
            PyObject g = new PyStringMap();
            Py.exec(Py.compile_flags(source, "cases.py", CompileMode.exec, new CompilerFlags()), g, g);
            return g;
        } finally {
            Py.setSystemState(before);
        }
    }

    @Test
    void groupsGetTheAcceleratedEncoder() {
        assertTrue(globals.__finditem__("accelerated").__nonzero__(), "json.encoder._make_iterencode not replaced");
        assertTrue(globals.__finditem__("one_shot_in_java").__nonzero__(), "one-shot encoding not done in Java");
        assertEquals("{", globals.__finditem__("one_shot_first_chunk").toString(), "an iterator, as the generator");
        assertTrue(globals.__finditem__("dumps_in_java").__nonzero__(), "json.dumps not replaced");
        assertFalse(plainGlobals.__finditem__("dumps_in_java").__nonzero__(), "json.dumps replaced without the finder");
        assertFalse(plainGlobals.__finditem__("accelerated").__nonzero__(), "without the finder nothing changes");
    }

    @Test
    void reloadingTheModuleGivesBackThePythonEncoder() throws IOException {
        PySystemState state = Interpreters.engine().newGroupState("json-reload");
        PyObject g = exec(state, "import json, json.encoder\n"
                + "before = hasattr(json.encoder._make_iterencode, 'func_code')\n"
                + "reload(json.encoder)\n"
                + "after = hasattr(json.encoder._make_iterencode, 'func_code')\n"
                + "out = json.dumps({'b': [1], 'a': None}, indent=1, sort_keys=True)\n");
        assertFalse(g.__finditem__("before").__nonzero__(), "accelerated on first import");
        assertTrue(g.__finditem__("after").__nonzero__(), "reload re-executes json/encoder.py");
        assertEquals("{\n \"a\": null, \n \"b\": [\n  1\n ]\n}", g.__finditem__("out").toString());
    }

    @TestFactory
    List<DynamicTest> oneShotMatchesTheGenerators() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PyObject row : globals.__finditem__("results").asIterable()) {
            String name = row.__getitem__(0).toString();
            String dumps = row.__getitem__(1).__repr__().toString();
            String pure = row.__getitem__(2).__repr__().toString();
            String encode = row.__getitem__(3).__repr__().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertEquals(pure, encode, "JSONEncoder.encode");
                assertEquals(pure, dumps, "json.dumps");
            }));
        }
        assertEquals(globals.__finditem__("CASES").__len__(), tests.size());
        return tests;
    }

    @Test
    void theSameOutputAsAGroupWithoutTheAccelerator() {
        PyObject accelerated = globals.__finditem__("results");
        PyObject plain = plainGlobals.__finditem__("results");
        for (int i = 0; i < accelerated.__len__(); i++) {
            PyObject row = accelerated.__getitem__(i);
            assertEquals(plain.__getitem__(i).__getitem__(1).__repr__().toString(),
                    row.__getitem__(1).__repr__().toString(), row.__getitem__(0).toString());
        }
    }
}
