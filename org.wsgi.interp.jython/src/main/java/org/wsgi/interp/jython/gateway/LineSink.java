package org.wsgi.interp.jython.gateway;

/** Where the lines an application writes to {@code wsgi.errors}, {@code sys.stdout} or {@code sys.stderr} go. */
@FunctionalInterface
public interface LineSink {

    /** One complete line, without its line terminator. */
    void line(String line);
}
