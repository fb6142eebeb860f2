# Echoes the request body (the harness POSTs 16 KiB) with Content-Length (Python 3 and Jython 2.7).

def application(environ, start_response):
    try:
        length = int(environ.get('CONTENT_LENGTH') or 0)
    except ValueError:
        length = 0
    stream = environ['wsgi.input']
    parts = []
    remaining = length
    while remaining > 0:
        chunk = stream.read(min(remaining, 65536))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    body = b''.join(parts)
    start_response('200 OK', [('Content-Type', 'application/octet-stream'),
                              ('Content-Length', str(len(body)))])
    return [body]
