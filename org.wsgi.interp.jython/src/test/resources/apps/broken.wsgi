# Responses that break the WSGI rules, chosen by PATH_INFO.


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    if path == '/no-start':
        return [b'body without status']
    if path == '/no-start-empty':
        return []
    if path == '/crlf':
        start_response('200 OK', [('X-Bad', 'a\r\nSet-Cookie: injected=1')])
    elif path == '/hop':
        start_response('200 OK', [('Transfer-Encoding', 'chunked')])
    elif path == '/status':
        start_response('OK', [('Content-Type', 'text/plain')])
    elif path == '/name':
        start_response('200 OK', [('Bad Name', 'x')])
    elif path == '/tuple-headers':
        start_response('200 OK', (('Content-Type', 'text/plain'),))
    elif path == '/text-body':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return [u'text, not bytes']
    elif path == '/raise':
        raise RuntimeError('application failed')
    return [b'never sent']
