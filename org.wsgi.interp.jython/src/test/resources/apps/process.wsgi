# Does to its process what the X-Action request header says, after counting the requests its module has seen and
# registering an atexit handler that writes the file named by X-Marker (Python 3 and Jython 2.7).
import atexit
import os
import signal
from wsgiref.validate import validator

requests = []


def handler(signum, frame):
    pass


def write_marker(path):
    with open(path, 'w') as f:
        f.write('atexit ran')


def application(environ, start_response):
    requests.append(1)
    if len(requests) == 1 and environ.get('HTTP_X_MARKER'):
        atexit.register(write_marker, environ['HTTP_X_MARKER'])
    action = environ.get('HTTP_X_ACTION', '')
    body = 'requests=%d' % len(requests)
    if action == 'exit':
        os._exit(3)
    elif action == 'term':
        body += ' kill=%r' % (os.kill(os.getpid(), signal.SIGTERM),)
    elif action == 'probe':
        body += ' probe=%r' % (os.kill(os.getpid(), 0),)
    elif action.startswith('signal '):
        signum = getattr(signal, action.split()[1])
        previous = signal.signal(signum, handler)
        installed = signal.getsignal(signum) is handler
        if installed:
            signal.signal(signum, previous)
        body += ' returned-handler=%s installed=%s' % (previous is handler, installed)
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body.encode('ascii')]


validated = validator(application)
