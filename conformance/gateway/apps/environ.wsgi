# Environ probe for the gateway conformance cases (conformance/gateway/README.md).
# Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7: no f-strings, bytes via encode().
# Answers JSON: for every environ key its kind ("str", "bool", "int", "tuple", "unicode",
# "bytes", "callable", "object"), its value when the value is deterministic, and for the
# PEP 3333 stream objects which of the required methods they have.
import json

try:
    _UNICODE = unicode  # Python 2 / Jython 2.7
except NameError:
    _UNICODE = None
try:
    _INTS = (int, long)
except NameError:
    _INTS = (int,)

# Keys whose values are the same on every run and every server.
VALUES = set([
    'REQUEST_METHOD', 'QUERY_STRING', 'REQUEST_URI', 'SCRIPT_NAME', 'PATH_INFO',
    'SERVER_PROTOCOL', 'CONTENT_TYPE', 'CONTENT_LENGTH', 'GATEWAY_INTERFACE',
    'REQUEST_SCHEME', 'SERVER_NAME', 'SERVER_PORT', 'REMOTE_ADDR', 'SCRIPT_FILENAME',
    'CONTEXT_PREFIX', 'HTTPS',
    'wsgi.version', 'wsgi.url_scheme', 'wsgi.multithread', 'wsgi.multiprocess',
    'wsgi.run_once', 'wsgi.input_terminated',
    'mod_wsgi.version', 'mod_wsgi.process_group', 'mod_wsgi.application_group',
    'mod_wsgi.callable_object', 'mod_wsgi.script_reloading', 'mod_wsgi.request_handler',
    'mod_wsgi.handler_script', 'mod_wsgi.enable_sendfile', 'mod_wsgi.ignore_activity',
    'mod_wsgi.script_name', 'mod_wsgi.path_info', 'mod_wsgi.listener_port',
])
# PEP 3333's required methods of the stream objects.
METHODS = {
    'wsgi.input': ('read', 'readline', 'readlines', '__iter__'),
    'wsgi.errors': ('write', 'writelines', 'flush'),
}


def kind(value):
    if isinstance(value, bool):
        return 'bool'
    if isinstance(value, _INTS):
        return 'int'
    if isinstance(value, str):
        return 'str'
    if _UNICODE is not None and isinstance(value, _UNICODE):
        return 'unicode'
    if isinstance(value, bytes):
        return 'bytes'
    if isinstance(value, tuple):
        return 'tuple'
    if callable(value):
        return 'callable'
    return 'object'


def describe(key, value):
    d = {'kind': kind(value)}
    if key in VALUES or key.startswith('HTTP_'):
        d['value'] = list(value) if isinstance(value, tuple) else value
    if key in METHODS:
        d['methods'] = [m for m in METHODS[key] if callable(getattr(value, m, None))]
    return d


def application(environ, start_response):
    dump = {}
    for key in environ:
        dump[key] = describe(key, environ[key])
    body = json.dumps(dump, sort_keys=True, indent=1).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json')])
    return [body]
