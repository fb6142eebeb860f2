# The "Hello World!" application of the mod_wsgi configuration guide (Python 3 and Jython 2.7).

def application(environ, start_response):
    output = b'Hello World!'
    start_response('200 OK', [('Content-Type', 'text/plain'),
                              ('Content-Length', str(len(output)))])
    return [output]
