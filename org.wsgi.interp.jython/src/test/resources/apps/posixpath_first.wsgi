# The guide's SCRIPT_NAME wrapper imports posixpath before anything imports os.
import posixpath


def application(environ, start_response):
    body = posixpath.dirname('/site.wsgi').encode('utf-8')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body]
