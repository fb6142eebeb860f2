# start_response's exc_info rules (PEP 3333).
import sys
from wsgiref.validate import validator


def before(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    try:
        raise ValueError('caught before anything was sent')
    except ValueError:
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain')], sys.exc_info())
    return [b'error page']


def after(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    yield b'partial'
    try:
        raise ValueError('raised after the headers were sent')
    except ValueError:
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain')], sys.exc_info())
    yield b'never'


def twice(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    start_response('404 Not Found', [('Content-Type', 'text/plain')])
    return [b'never']


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    handler = {'/before': before, '/after': after, '/twice': twice}[path]
    return handler(environ, start_response)


validated = validator(application)
