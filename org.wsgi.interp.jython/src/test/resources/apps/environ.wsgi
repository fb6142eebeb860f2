# Dumps the environ, one "key|type|value" line per key, and writes to wsgi.errors and sys.stdout.
import sys
from wsgiref.validate import validator


def application(environ, start_response):
    lines = []
    for key in sorted(environ):
        value = environ[key]
        if isinstance(value, str):
            lines.append('%s|str|%s' % (key, value))
        else:
            lines.append('%s|%s|%r' % (key, type(value).__name__, value))
    environ['wsgi.errors'].write('environ dumped\n')
    environ['wsgi.errors'].flush()
    sys.stdout.write('stdout from environ app\n')
    body = '\n'.join(lines) + '\n'
    if not isinstance(body, bytes):
        body = body.encode('latin-1')
    start_response('200 OK', [('Content-Type', 'text/plain; charset=latin-1')])
    return [body]


validated = validator(application)
