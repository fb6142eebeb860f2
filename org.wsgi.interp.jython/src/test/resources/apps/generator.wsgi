# Generator and iterable bodies; counts close() calls, reported by GET /closed.
import sys
from wsgiref.validate import validator

closes = []


class Body(object):
    def __init__(self, fail, size):
        self.fail = fail
        self.size = size

    def __iter__(self):
        yield b'first;'
        if self.fail:
            raise ValueError('failed after the first chunk')
        for i in range(self.size):
            yield b'x' * 100
        yield b'last'

    def close(self):
        closes.append(self.fail)


def generate():
    try:
        yield b''
        yield b'gen-a;'
        yield b'gen-b'
    finally:
        closes.append('generator')


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    if path == '/closed':
        body = str(len(closes)).encode('ascii')
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return [body]
    start_response('200 OK', [('Content-Type', 'text/plain')])
    if path == '/generator':
        return generate()
    return Body(path == '/fail', int(environ.get('HTTP_X_SIZE') or '0'))


validated = validator(application)
