# Pre-loading probe: each execution of this file appends a line to ../marks/<file>.log (the
# recorder and the replay read it before the first request) and counts a load on the group's
# os module; requests are counted in this module.
import os

_name = os.path.basename(__file__).split('.')[0]
_marks = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'marks')
with open(os.path.join(_marks, _name + '.log'), 'a') as _f:
    _f.write('loaded\n')
os.gateway_conformance_loads = getattr(os, 'gateway_conformance_loads', 0) + 1
requests = []


def application(environ, start_response):
    requests.append(1)
    body = ('loads=%d requests=%d' % (os.gateway_conformance_loads, len(requests))).encode('ascii')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body]
