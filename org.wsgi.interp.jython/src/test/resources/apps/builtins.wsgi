# Builtins are per group, as in a mod_wsgi sub-interpreter: what one group installs (gettext.install's _, say)
# is not seen by another. Python 3 and Jython 2.7.
try:
    import __builtin__ as builtins
except ImportError:
    import builtins


def application(environ, start_response):
    if environ.get('QUERY_STRING') == 'set':
        builtins.wsgi_test_owner = environ['mod_wsgi.application_group']
    body = ('owner=%s' % getattr(builtins, 'wsgi_test_owner', None)).encode('ascii')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [body]
