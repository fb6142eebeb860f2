# A 1 MiB response written as 16 chunks of 64 KiB from an iterable made at import (Python 3 and Jython 2.7).

CHUNK = b'0123456789abcdef' * 4096
CHUNKS = [CHUNK] * 16
LENGTH = str(len(CHUNK) * len(CHUNKS))


def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'application/octet-stream'),
                              ('Content-Length', LENGTH)])
    return CHUNKS
