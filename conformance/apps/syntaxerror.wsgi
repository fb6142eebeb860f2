# Not valid Python 2 or 3 (missing colon): mod_wsgi answers 500 and logs
# "Failed to exec Python script file" / SyntaxError.
def application(environ, start_response)
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'unreachable']
