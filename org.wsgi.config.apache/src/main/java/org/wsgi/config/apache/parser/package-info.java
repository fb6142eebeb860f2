/**
 * The Apache configuration language as a pure core: {@link org.wsgi.config.apache.parser.ConfParser} turns one
 * file into a {@link org.wsgi.config.apache.parser.ConfFragment} or a list of errors, and
 * {@link org.wsgi.config.apache.parser.ConfAssembler} merges the fragments of the watched folder into one
 * {@link org.wsgi.api.config.WsgiConfiguration}. No OSGi types are used here.
 */
package org.wsgi.config.apache.parser;
