# Reload probe: every execution of this file counts a load on the group's os module (which is
# never reloaded); requests are counted in this module, so they restart at 1 after a reload.
import os

os.gateway_conformance_loads = getattr(os, 'gateway_conformance_loads', 0) + 1
LOAD = os.gateway_conformance_loads
requests = []


def application(environ, start_response):
    requests.append(1)
    body = ('loads=%d load=%d requests=%d' % (os.gateway_conformance_loads, LOAD,
                                             len(requests))).encode('ascii')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body]
