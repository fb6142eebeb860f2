# Response headers and status lines for the gateway conformance cases; the mode is PATH_INFO.
# Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7.

TEXT = ('Content-Type', 'text/plain')


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    body = [b'headers-body']
    status = '200 OK'
    if path == '/custom':
        headers = [TEXT, ('X-Test-Custom', 'hello-world')]
    elif path == '/multiple-custom':
        headers = [TEXT, ('X-Test-First', 'one'), ('X-Test-Second', 'two'), ('X-Test-Third', 'three')]
    elif path == '/repeated-custom':
        headers = [TEXT, ('X-Test-Repeated', 'first-value'), ('X-Test-Repeated', 'second-value')]
    elif path == '/set-cookies':
        headers = [TEXT, ('Set-Cookie', 'a=1; Path=/'), ('Set-Cookie', 'b=2; Path=/')]
    elif path == '/lower-case-names':
        headers = [('content-type', 'text/plain'), ('x-lower-case', 'v')]
    elif path == '/www-authenticate':
        status = '401 Unauthorized'
        headers = [TEXT, ('WWW-Authenticate', 'Basic realm="test"')]
    elif path == '/many':
        headers = [TEXT] + [('X-Many-%02d' % i, 'value-%d' % i) for i in range(1, 26)]
    elif path == '/no-content-type':
        headers = []
    elif path == '/empty-value':
        headers = [TEXT, ('X-Empty', '')]
    elif path == '/value-spaces':
        headers = [TEXT, ('X-Spaces', '  padded value  ')]
    elif path == '/latin-1-value':
        headers = [TEXT, ('X-Latin', 'caf\xe9')]
    elif path == '/non-latin-1-value':
        headers = [TEXT, ('X-Euro', u'\u20ac')]
    elif path == '/non-latin-1-name':
        headers = [TEXT, (u'X-\u20ac', 'v')]
    elif path == '/content-length-exact':
        headers = [TEXT, ('Content-Length', '10')]
        body = [b'exactly10!']
    elif path == '/content-length-over':
        headers = [TEXT, ('Content-Length', '5')]
        body = [b'this-is-longer']
    elif path == '/content-length-under':
        headers = [TEXT, ('Content-Length', '20')]
        body = [b'too-short']
    elif path == '/content-length-zero':
        headers = [TEXT, ('Content-Length', '0')]
        body = [b'dropped']
    elif path == '/content-length-spaces':
        headers = [TEXT, ('Content-Length', ' 5 ')]
        body = [b'five!']
    elif path == '/invalid-content-length':
        headers = [TEXT, ('Content-Length', 'abc')]
    elif path == '/negative-content-length':
        headers = [TEXT, ('Content-Length', '-1')]
    elif path.startswith('/hop/'):
        name = path[len('/hop/'):]
        values = {'Connection': 'close', 'Keep-Alive': 'timeout=5', 'Transfer-Encoding': 'chunked',
                  'Upgrade': 'h2c', 'TE': 'trailers', 'Trailer': 'X-Foo',
                  'Proxy-Authenticate': 'Basic', 'Proxy-Authorization': 'Basic eA=='}
        headers = [TEXT, (name, values[name])]
    elif path == '/crlf-value':
        headers = [TEXT, ('X-Bad', 'a\r\nX-Injected: 1')]
    elif path == '/lf-value':
        headers = [TEXT, ('X-Bad', 'a\nb')]
    elif path == '/space-in-name':
        headers = [TEXT, ('Bad Name', 'x')]
    elif path == '/colon-in-name':
        headers = [TEXT, ('Bad:Name', 'x')]
    elif path == '/empty-name':
        headers = [TEXT, ('', 'x')]
    elif path == '/status-header':
        headers = [TEXT, ('Status', '404 Not Found')]
    elif path == '/list-item':
        headers = [TEXT, ['X-List', 'v']]
    elif path == '/three-tuple':
        headers = [TEXT, ('X-Three', 'v', 'extra')]
    elif path == '/int-value':
        headers = [TEXT, ('X-Int', 1)]
    elif path == '/headers-tuple':
        headers = (TEXT,)
    elif path == '/headers-none':
        headers = None
    elif path.startswith('/status/'):
        which = path[len('/status/'):]
        status = {'no-reason': '200', 'trailing-space': '200 ', 'letters': 'abc OK',
                  'two-digits': '20 OK', 'four-digits': '2000 OK', 'tab': '200\tOK',
                  'leading-space': ' 200 OK', 'lower-code': '099 Low', 'high-code': '999 High',
                  'crlf': '200 OK\r\nX-Injected: 1', 'non-latin-1': u'200 \u20ac',
                  'latin-1': '200 Caf\xe9', 'int': 200, 'unknown-code': '299 Odd',
                  'mismatch': '200 Not Found'}[which]
        headers = [TEXT]
    else:
        headers = [TEXT]
    start_response(status, headers)
    return body
