# Module state for group isolation: a counter on the group's os module and one in this module.
import os

hits = []


def application(environ, start_response):
    hits.append(1)
    os.wsgi_test_counter = getattr(os, 'wsgi_test_counter', 0) + 1
    body = ('module=%d group=%d' % (len(hits), os.wsgi_test_counter)).encode('ascii')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body]
