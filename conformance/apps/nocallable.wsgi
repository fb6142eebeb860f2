# Defines no 'application' callable: mod_wsgi answers 404
# ("... does not contain WSGI application 'application'.").
def not_the_application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'should never be served']

VALUE = 1
