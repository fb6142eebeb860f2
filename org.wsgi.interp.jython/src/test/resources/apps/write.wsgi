# Uses the write() callable returned by start_response, then returns more body.
# /empty: no body and no Content-Length.
# /large: 40,000 bytes written as one string and one block, with a Content-Length of 30,000 (the rest is cut off).
from wsgiref.validate import validator

LARGE = b''.join(('%05d,' % i).encode('ascii') for i in range(6000))[:40000]


def application(environ, start_response):
    if environ.get('PATH_INFO') == '/large':
        write = start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '30000')])
        write(LARGE[:25000])
        return [LARGE[25000:]]
    if environ.get('PATH_INFO') == '/empty':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return []
    write = start_response('200 OK', [('Content-Type', 'text/plain')])
    write(b'Hello ')
    write(b'')
    return [b'World', b'!']


validated = validator(application)
