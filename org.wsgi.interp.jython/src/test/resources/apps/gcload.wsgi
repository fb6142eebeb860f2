# A generator-heavy response: json.dumps(indent=1) in json/encoder.py runs one Python generator per container, and
# the body is a generator too. The server encodes json.dumps in Java (its accelerator on sys.meta_path); this app
# takes it out before importing json, to keep the generators this test is about.
import sys
sys.meta_path[:] = [f for f in sys.meta_path if 'ModulePatches' not in str(type(f))]
import json


def application(environ, start_response):
    data = dict((k, v) for k, v in environ.items() if isinstance(v, str))
    body = json.dumps({'environ': data, 'copies': [data] * 8}, indent=1, sort_keys=True)
    if not isinstance(body, bytes):
        body = body.encode('utf-8')

    def chunks():
        for i in range(0, len(body), 4096):
            yield body[i:i + 4096]

    start_response('200 OK', [('Content-Type', 'application/json')])
    return chunks()
