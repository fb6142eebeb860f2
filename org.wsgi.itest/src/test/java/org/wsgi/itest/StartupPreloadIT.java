package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A configuration that is in the watched folder when the server starts: its {@code WSGIImportScript} runs once, at
 * start-up, into its group, and stays loaded (the configuration reaches the interpreter before Jython is ready).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StartupPreloadIT extends WsgiTestSupport {

    @Override
    protected void prepareDeploy(Path deploy) throws IOException {
        Files.writeString(deploy.resolve("imp.py"), "import sys, atexit\n"
                + "sys.preloaded = getattr(sys, 'preloaded', 0) + 1\n"
                + "def gone():\n"
                + "    open(" + pyString(deploy.resolve("atexit-ran").toString()) + ", 'w').close()\n"
                + "atexit.register(gone)\n");
        Files.writeString(deploy.resolve("chk.wsgi"), "import sys\n"
                + "def application(environ, start_response):\n"
                + "    body = ('preloaded=%s' % getattr(sys, 'preloaded', 0)).encode('ascii')\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [body]\n");
        Files.writeString(deploy.resolve("imp.conf"),
                "WSGIImportScript " + deploy.resolve("imp.py") + " process-group=%{GLOBAL} application-group=I\n"
                + "WSGIScriptAlias /chk " + deploy.resolve("chk.wsgi") + " application-group=I\n");
    }

    static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    public void importScriptRunsOnceAtStartAndItsGroupStays() throws Exception {
        Http.Response r = Deadline.poll(15000, () -> http().get("/chk"), x -> x.status() == 200);
        assertEquals("preloaded=1", r.body());
        assertFalse("the group was torn down at start-up", Files.exists(deployDir().resolve("atexit-ran")));
    }
}
