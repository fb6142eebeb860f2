# Serves its own source through wsgi.file_wrapper: a real file (sent from Java) or a file-like object.
import io
import os
from wsgiref.validate import validator


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    size = os.path.getsize(__file__)
    if path == '/filelike':
        with open(__file__, 'rb') as f:
            data = f.read()
        filelike = io.BytesIO(data)
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return environ['wsgi.file_wrapper'](filelike, 7)
    f = open(__file__, 'rb')
    if path == '/offset':
        f.seek(10)
        start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(20))])
    else:
        start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(size))])
    return environ['wsgi.file_wrapper'](f, 1)


validated = validator(application)
