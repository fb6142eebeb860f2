# Uses the write() callable returned by start_response, then returns more body.
from wsgiref.validate import validator


def application(environ, start_response):
    write = start_response('200 OK', [('Content-Type', 'text/plain')])
    write(b'Hello ')
    write(b'')
    return [b'World', b'!']


validated = validator(application)
