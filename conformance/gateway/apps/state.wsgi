# Module state for the isolation case: a counter in this module and one on the group's os
# module (shared by every script of one application group, separate across groups).
# Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7.
import os

hits = []


def application(environ, start_response):
    hits.append(1)
    os.gateway_conformance_counter = getattr(os, 'gateway_conformance_counter', 0) + 1
    body = ('module=%d group=%d' % (len(hits), os.gateway_conformance_counter)).encode('ascii')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body]
