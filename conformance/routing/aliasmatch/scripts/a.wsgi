# Copy of conformance/apps/env.wsgi (environ dump).
# Environ dump used by the conformance fixtures (conformance/README.md).
# Must run unchanged on CPython 3 (mod_wsgi) and Jython 2.7: no f-strings,
# no print function, bytes produced with .encode().
import json

try:
    _TEXT = (str, unicode)  # Python 2 / Jython 2.7
except NameError:
    _TEXT = (str,)
try:
    _INTS = (int, long)
except NameError:
    _INTS = (int,)


def _plain(value):
    if isinstance(value, bool) or isinstance(value, _INTS) or isinstance(value, _TEXT):
        return True, value
    if isinstance(value, tuple):
        items = []
        for item in value:
            ok, conv = _plain(item)
            if not ok:
                return False, None
            items.append(conv)
        return True, items
    return False, None


def application(environ, start_response):
    dump = {}
    for key in environ:
        ok, value = _plain(environ[key])
        if ok:
            dump[key] = value
    body = json.dumps(dump, sort_keys=True).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'),
                              ('Content-Length', str(len(body)))])
    return [body]
