# Response iterables for the gateway conformance cases; the mode is PATH_INFO.
# Module-level counters record close() calls and generator finally blocks; GET /counters
# reports them (the requests of a case run in one application group, in order).
# Runs unchanged on CPython 3 (mod_wsgi) and Jython 2.7.

TEXT = [('Content-Type', 'text/plain')]
counters = {'close': 0, 'finally': 0, 'close_after_error': 0}


class Closing(object):
    """An iterable with close(), as a WSGI middleware would return."""

    def __init__(self, items, key='close', fail_at=None):
        self.items = items
        self.key = key
        self.fail_at = fail_at

    def __iter__(self):
        for i, item in enumerate(self.items):
            if i == self.fail_at:
                raise RuntimeError('iterable failed at item %d' % i)
            yield item

    def close(self):
        counters[self.key] += 1


class RaisingClose(object):
    def __iter__(self):
        return iter([b'body-before-close-raises'])

    def close(self):
        raise RuntimeError('close failed')


def gen(items):
    for item in items:
        yield item


def gen_finally(items, fail_at=None):
    try:
        for i, item in enumerate(items):
            if i == fail_at:
                raise RuntimeError('generator failed at item %d' % i)
            yield item
    finally:
        counters['finally'] += 1


def raise_first():
    raise RuntimeError('raise-first-boom')
    yield b'never'


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    if path == '/counters':
        start_response('200 OK', TEXT)
        return [('close=%(close)d finally=%(finally)d close_after_error=%(close_after_error)d'
                 % counters).encode('ascii')]
    if path == '/raise-before-start-response':
        raise RuntimeError('before start_response')
    if path == '/no-start-response':
        return [b'body without status']
    if path == '/no-start-response-empty':
        return []
    if path == '/return-none':
        start_response('200 OK', TEXT)
        return None
    if path == '/return-bytes':
        start_response('200 OK', TEXT)
        return b'abc'
    if path == '/raise-after-start-response':
        start_response('200 OK', TEXT)
        raise RuntimeError('after start_response, before body')
    start_response('200 OK', TEXT)
    if path == '/list':
        return [b'chunk1-', b'chunk2-', b'chunk3']
    if path == '/single-item-list':
        return [b'single']
    if path == '/tuple':
        return (b'tuple-a', b'tuple-b')
    if path == '/generator':
        return gen([b'gen-one-', b'gen-two-', b'gen-three'])
    if path == '/empty-list':
        return []
    if path == '/empty-tuple':
        return ()
    if path == '/empty-generator':
        return gen([])
    if path == '/empty-items':
        return [b'', b'between-empty-items', b'']
    if path == '/iterable-with-close':
        return Closing([b'iter-a-', b'iter-b'])
    if path == '/generator-finally':
        return gen_finally([b'gen-fin-a-', b'gen-fin-b'])
    if path == '/close-via-generator-exit':
        return gen_finally([b'first-ok', u'not-bytes', b'never'])
    if path == '/raise-first':
        return raise_first()
    if path == '/raise-midway':
        return gen_finally([b'before-', b'boom', b'never'], fail_at=1)
    if path == '/iterable-raise-midway':
        return Closing([b'before-', b'never'], key='close_after_error', fail_at=1)
    if path == '/iterable-raise-first':
        return Closing([b'never'], key='close_after_error', fail_at=0)
    if path == '/non-bytes-first':
        return [u'text-first', b'bytes']
    if path == '/non-bytes-midway':
        return [b'bytes-ok', u'text-later']
    if path == '/int-item':
        return [b'ok', 42]
    if path == '/close-raises':
        return RaisingClose()
    if path == '/many-chunks':
        return gen([('chunk%03d-' % i).encode('ascii') for i in range(100)])
    if path == '/large':
        return [b'0123456789' * 10000]
    return [b'unknown mode']
