def application(environ, start_response):
    code = environ.get('QUERY_STRING') or '404'
    start_response(code + ' Custom', [('Content-Type', 'text/plain')])
    return [('app body for ' + code).encode('ascii')]
