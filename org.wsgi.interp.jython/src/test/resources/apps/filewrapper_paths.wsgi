# wsgi.file_wrapper sends the file the application opened: a name relative to a directory os.chdir moved to, or
# a name that is another file by the time the response is sent (X-Dir holds a.txt and b.txt). Python 3, Jython 2.7.
import os


def application(environ, start_response):
    d = environ['HTTP_X_DIR']
    if environ.get('PATH_INFO') == '/chdir':
        os.chdir(d)
        f = open('a.txt', 'rb')
    else:
        f = open(os.path.join(d, 'a.txt'), 'rb')
        os.rename(os.path.join(d, 'b.txt'), os.path.join(d, 'a.txt'))
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return environ['wsgi.file_wrapper'](f)
