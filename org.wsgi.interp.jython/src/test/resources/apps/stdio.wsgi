# Uses sys.stdin or sys.stdout as the query string says and answers what happened (Python 3 and Jython 2.7); the
# reference (mod_wsgi 4.9.4): reads give '' by default, and with WSGIRestrictStdin/Stdout On any use raises
# "sys.stdin access restricted by mod_wsgi" (IOError; OSError on Python 3).
import sys
from wsgiref.validate import validator


def application(environ, start_response):
    q = environ.get('QUERY_STRING')
    try:
        if q == 'stdin':
            out = 'read=%r' % sys.stdin.read(1)
        elif q == 'stdout':
            sys.stdout.write('to stdout\n')
            out = 'wrote'
        else:
            out = 'path=' + '|'.join(sys.path[:3])
            import moda
            out += ' moda=' + moda.X + ' pth-import=%s' % getattr(sys, 'pth_ran', False)
    except (IOError, OSError, ImportError) as e:
        out = '%s' % e
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [out.encode('utf-8')]


validated = validator(application)
