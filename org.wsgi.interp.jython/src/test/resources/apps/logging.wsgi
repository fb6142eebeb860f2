# Application output for the log tests: sys.stdout/sys.stderr at import and per request, wsgi.errors, and a
# response shorter than its Content-Length (GET /short), and a HEAD answered as frameworks do (HEAD /short: the GET's
# Content-Length, no body).
import sys

sys.stdout.write('module loaded\n')


def application(environ, start_response):
    sys.stdout.write('stdout line from app\n')
    sys.stderr.write('stderr line ')
    sys.stderr.write('from app\n')
    environ['wsgi.errors'].write('errors line from app\n')
    if environ.get('PATH_INFO') == '/short':
        start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '20')])
        return [b'' if environ['REQUEST_METHOD'] == 'HEAD' else b'too-short']
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'ok']
