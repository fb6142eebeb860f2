# Echoes the request body, read the way PATH_INFO says; pieces are joined with '|'.
from wsgiref.validate import validator


def application(environ, start_response):
    mode = environ.get('PATH_INFO', '')
    stream = environ['wsgi.input']
    if mode == '/read':
        data = stream.read(int(environ.get('CONTENT_LENGTH') or '0'))
    elif mode == '/read-all':
        data = stream.read()
    elif mode == '/readn':
        chunks = []
        while True:
            chunk = stream.read(3)
            if not chunk:
                break
            chunks.append(chunk)
        data = b'|'.join(chunks)
    elif mode == '/readline':
        lines = []
        while True:
            line = stream.readline()
            if not line:
                break
            lines.append(line)
        data = b'|'.join(lines)
    elif mode == '/readline-n':
        data = b'|'.join([stream.readline(2), stream.readline(100), stream.readline(-1)])
    elif mode == '/readlines':
        data = b'|'.join(stream.readlines())
    elif mode == '/readlines-hint':
        data = b'|'.join(stream.readlines(1))
    else:
        data = b'|'.join([line for line in stream])
    start_response('200 OK', [('Content-Type', 'application/octet-stream'),
                              ('Content-Length', str(len(data)))])
    return [data]


validated = validator(application)
