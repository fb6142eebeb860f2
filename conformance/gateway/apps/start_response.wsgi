# start_response semantics for the gateway conformance cases; the mode is PATH_INFO.
# Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7.
import sys

TEXT = [('Content-Type', 'text/plain')]


def _name(e):
    return type(e).__name__.encode('ascii')


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    if path == '/write':
        write = start_response('200 OK', TEXT)
        write(b'via-write-')
        return [b'via-iter']
    if path == '/write-before-return':
        write = start_response('200 OK', TEXT)
        write(b'pre-')
        write(b'mid-')
        return [b'post1-', b'post2']
    if path == '/write-only':
        write = start_response('200 OK', TEXT)
        write(b'only-')
        write(b'written')
        return []
    if path == '/write-empty':
        write = start_response('200 OK', TEXT + [('X-Written', 'nothing')])
        write(b'')
        return [b'after-empty-write']
    if path == '/write-returns':
        write = start_response('200 OK', TEXT)
        result = write(b'x')
        return [b'-returned=' + repr(result).encode('ascii')]
    if path == '/write-text':
        write = start_response('200 OK', TEXT)
        try:
            write(u'text')
        except Exception as e:
            return [b'err:' + _name(e)]
        return [b'accepted']
    if path == '/non-tuple-exc-info':
        try:
            start_response('200 OK', TEXT, 'not a tuple')
        except Exception as e:
            start_response('200 OK', TEXT, sys.exc_info())
            return [b'got:' + _name(e)]
        return [b'accepted']
    if path == '/exc-info-after-headers':
        write = start_response('200 OK', TEXT)
        write(b'partial-')
        try:
            raise ValueError('intentional-exc-info')
        except ValueError:
            try:
                start_response('500 Internal Server Error', TEXT, sys.exc_info())
            except ValueError as e:
                return [b'headers-sent-reraised:' + str(e).encode('ascii')]
        return [b'not-reraised']
    if path == '/exc-info-before-headers':
        start_response('200 OK', TEXT + [('X-Before', 'first')])
        try:
            raise ValueError('replaced')
        except ValueError:
            start_response("418 I'm a teapot", TEXT + [('X-After', 'second')], sys.exc_info())
        return [b'second-headers-win']
    if path == '/exc-info-first-call':
        try:
            raise ValueError('no previous call')
        except ValueError:
            start_response('503 Service Unavailable', TEXT, sys.exc_info())
        return [b'exc-info-on-first-call']
    if path == '/exc-info-none':
        start_response('200 OK', TEXT, None)
        return [b'explicit-none']
    if path == '/double-no-exc-before-headers':
        start_response('200 OK', TEXT + [('X-First', '1')])
        start_response('201 Created', TEXT + [('X-Second', '2')])
        return [b'second-wins']
    if path == '/double-no-exc-after-headers':
        write = start_response('200 OK', TEXT)
        write(b'pre-')
        try:
            start_response('202 Accepted', TEXT)
        except Exception as e:
            return [b'err:' + _name(e)]
        return [b'accepted']
    if path == '/double-after-iterable-started':
        start_response('200 OK', TEXT)
        return _late_second_call(start_response)
    if path == '/keyword-args':
        try:
            start_response(status='200 OK', response_headers=TEXT)
        except TypeError as e:
            start_response('200 OK', TEXT)
            return [b'err:' + _name(e)]
        return [b'keywords-accepted']
    if path == '/too-few-args':
        try:
            start_response('200 OK')
        except TypeError as e:
            start_response('200 OK', TEXT)
            return [b'err:' + _name(e)]
        return [b'accepted']
    if path == '/status-reason':
        start_response('299 Custom Reason Phrase', TEXT)
        return [b'custom-reason']
    if path == '/status-404':
        start_response('404 Not Found', TEXT)
        return [b'app-404-body']
    if path == '/status-500':
        start_response('500 Internal Server Error', TEXT)
        return [b'app-500-body']
    if path == '/status-204':
        start_response('204 No Content', [])
        return []
    if path == '/status-304':
        start_response('304 Not Modified', [])
        return []
    return [b'unknown mode']


def _late_second_call(start_response):
    yield b'first-'
    try:
        start_response('202 Accepted', TEXT)
    except Exception as e:
        yield b'err:' + _name(e)
        return
    yield b'accepted'
