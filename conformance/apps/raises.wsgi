# The callable raises before start_response: mod_wsgi answers 500 and logs
# "Exception occurred processing WSGI script" plus the traceback.
def application(environ, start_response):
    raise RuntimeError('raised on purpose by raises.wsgi')
