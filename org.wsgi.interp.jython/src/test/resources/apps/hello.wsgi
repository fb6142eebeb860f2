# mod_wsgi's "Hello World" (QuickConfigurationGuide), plus a validated variant.
from wsgiref.validate import validator


def application(environ, start_response):
    status = '200 OK'
    output = b'Hello World!'
    response_headers = [('Content-type', 'text/plain'),
                        ('Content-Length', str(len(output)))]
    start_response(status, response_headers)
    return [output]


validated = validator(application)
