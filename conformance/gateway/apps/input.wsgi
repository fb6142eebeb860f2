# wsgi.input behaviour for the gateway conformance cases; the mode is PATH_INFO.
# Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7.


def _n(value):
    return str(value).encode('ascii')


def run(path, inp):
    if path == '/read':
        return b'data=' + inp.read() + b';end'
    if path == '/read-minus-one':
        return b'data=' + inp.read(-1) + b';end'
    if path == '/read-sized':
        first = inp.read(10)
        return b'first=' + first + b',rest=' + inp.read() + b';end'
    if path == '/read-chunks':
        parts = []
        while True:
            part = inp.read(7)
            if not part:
                break
            parts.append(part)
        return b'chunks=' + _n(len(parts)) + b',data=' + b'|'.join(parts) + b';end'
    if path == '/read-zero':
        zero = inp.read(0)
        return b'zero_len=' + _n(len(zero)) + b',rest=' + inp.read() + b';end'
    if path == '/read-past-eof':
        first = inp.read()
        second = inp.read()
        third = inp.read(5)
        line = inp.readline()
        return (b'first_len=' + _n(len(first)) + b',second_len=' + _n(len(second))
                + b',third_len=' + _n(len(third)) + b',line_len=' + _n(len(line)) + b';end')
    if path == '/read-more-than-body':
        data = inp.read(1000)
        return b'len=' + _n(len(data)) + b',data=' + data + b';end'
    if path == '/readline':
        lines = []
        while True:
            line = inp.readline()
            if not line:
                break
            lines.append(line)
        return b'count=' + _n(len(lines)) + b',lines=' + b'|'.join(lines) + b';end'
    if path == '/readline-sized':
        first = inp.readline(5)
        second = inp.readline(5)
        return b'first=' + first + b',second=' + second + b',rest=' + inp.read() + b';end'
    if path == '/readline-zero':
        zero = inp.readline(0)
        return b'zero_len=' + _n(len(zero)) + b',rest=' + inp.read() + b';end'
    if path == '/readlines':
        lines = inp.readlines()
        return b'count=' + _n(len(lines)) + b',lines=' + b'|'.join(lines) + b';end'
    if path == '/readlines-hint':
        lines = inp.readlines(2)
        return (b'count=' + _n(len(lines)) + b',lines=' + b'|'.join(lines)
                + b',rest=' + inp.read() + b';end')
    if path == '/iterate':
        lines = [line for line in inp]
        return b'count=' + _n(len(lines)) + b',lines=' + b'|'.join(lines) + b';end'
    if path == '/mixed':
        line = inp.readline()
        three = inp.read(3)
        rest = inp.readlines()
        return (b'line=' + line + b',three=' + three + b',rest=' + b'|'.join(rest) + b';end')
    if path == '/binary':
        data = inp.read()
        return data
    if path == '/binary-sized':
        parts = []
        while True:
            part = inp.read(100)
            if not part:
                break
            parts.append(part)
        return b''.join(parts)
    if path == '/types':
        kinds = []
        for value in (inp.read(1), inp.readline(), inp.readlines()):
            if isinstance(value, bytes):
                kinds.append(b'bytes')
            elif isinstance(value, list):
                kinds.append(b'list:' + b','.join([b'bytes' for v in value if isinstance(v, bytes)]))
            else:
                kinds.append(b'other')
        return b','.join(kinds)
    return b'unknown mode'


def application(environ, start_response):
    body = run(environ.get('PATH_INFO', ''), environ['wsgi.input'])
    start_response('200 OK', [('Content-Type', 'application/octet-stream')])
    return [body]
