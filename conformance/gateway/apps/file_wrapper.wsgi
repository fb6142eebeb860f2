# wsgi.file_wrapper for the gateway conformance cases; the mode is PATH_INFO. Serves data.txt
# next to this script. Module-level counters record close() of file-like objects;
# GET /counters reports them. Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7.
import io
import os

DATA = os.path.join(os.path.dirname(__file__), 'data.txt')
TEXT = [('Content-Type', 'text/plain')]
counters = {'closed': 0}


class FileLike(object):
    """Has read() and close() but is no real file: the wrapper must iterate it."""

    def __init__(self, data):
        self.stream = io.BytesIO(data)

    def read(self, size=-1):
        return self.stream.read(size)

    def close(self):
        counters['closed'] += 1


class ReadOnly(object):
    """Has read() only, no close()."""

    def __init__(self, data):
        self.stream = io.BytesIO(data)

    def read(self, size=-1):
        return self.stream.read(size)


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    wrapper = environ['wsgi.file_wrapper']
    if path == '/counters':
        start_response('200 OK', TEXT)
        return [('closed=%(closed)d' % counters).encode('ascii')]
    size = os.path.getsize(DATA)
    if path == '/basic':
        start_response('200 OK', TEXT)
        return wrapper(open(DATA, 'rb'))
    if path == '/blksize':
        start_response('200 OK', TEXT)
        return wrapper(open(DATA, 'rb'), 100)
    if path == '/with-content-length':
        start_response('200 OK', TEXT + [('Content-Length', str(size))])
        return wrapper(open(DATA, 'rb'))
    if path == '/content-length-short':
        start_response('200 OK', TEXT + [('Content-Length', '100')])
        return wrapper(open(DATA, 'rb'))
    if path == '/content-length-long':
        start_response('200 OK', TEXT + [('Content-Length', str(size + 50))])
        return wrapper(open(DATA, 'rb'))
    if path == '/partial':
        f = open(DATA, 'rb')
        f.readline()
        start_response('200 OK', TEXT)
        return wrapper(f)
    if path == '/seek':
        f = open(DATA, 'rb')
        f.seek(size - 120)
        start_response('200 OK', TEXT)
        return wrapper(f)
    if path == '/at-end':
        f = open(DATA, 'rb')
        f.seek(size)
        start_response('200 OK', TEXT)
        return wrapper(f)
    if path == '/iterable-fallback':
        start_response('200 OK', TEXT)
        return wrapper(FileLike(b'file_wrapper iterable fallback: SUCCESS'), 7)
    if path == '/bytesio':
        start_response('200 OK', TEXT)
        return wrapper(io.BytesIO(b'served-from-bytesio'))
    if path == '/no-close':
        start_response('200 OK', TEXT)
        return wrapper(ReadOnly(b'read-only-filelike'))
    if path == '/write-then-wrapper':
        write = start_response('200 OK', TEXT)
        write(b'written-first|')
        return wrapper(open(DATA, 'rb'))
    if path == '/iterate-in-app':
        start_response('200 OK', TEXT)
        chunks = [chunk for chunk in wrapper(FileLike(b'abcdefghij'), 4)]
        return [b'|'.join(chunks)]
    return [b'unknown mode']
