# Dumps the CGI part of the request's environ as indented JSON (about 1 KB with the harness's request headers).
# The key set is fixed (CGI variables, wsgi.* scalars, HTTP_* headers) so every server serialises the same work,
# whatever extra keys it adds. Python 3 and Jython 2.7.
import json

CGI = ('REQUEST_METHOD', 'SCRIPT_NAME', 'PATH_INFO', 'QUERY_STRING', 'CONTENT_TYPE', 'CONTENT_LENGTH',
       'SERVER_NAME', 'SERVER_PORT', 'SERVER_PROTOCOL', 'REMOTE_ADDR', 'REQUEST_URI', 'SCRIPT_FILENAME',
       'wsgi.version', 'wsgi.url_scheme', 'wsgi.multithread', 'wsgi.multiprocess', 'wsgi.run_once')


def application(environ, start_response):
    dump = {}
    for key in CGI:
        if key in environ:
            dump[key] = environ[key]
    for key in environ:
        if key.startswith('HTTP_'):
            dump[key] = environ[key]
    output = json.dumps(dump, indent=1, sort_keys=True).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'),
                              ('Content-Length', str(len(output)))])
    return [output]
