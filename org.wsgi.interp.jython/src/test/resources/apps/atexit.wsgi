# Registers an atexit handler that writes the file named by the X-Marker request header.
import atexit

marker = []


def write_marker():
    with open(marker[0], 'w') as f:
        f.write('atexit ran')


def application(environ, start_response):
    if not marker:
        marker.append(environ['HTTP_X_MARKER'])
        atexit.register(write_marker)
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'registered']
