# -*- coding: utf-8 -*-
# JSON encodings compared two ways in one interpreter: JSONEncoder.encode (the one-shot path, which the accelerator
# takes over) against ''.join(JSONEncoder.iterencode(o)) (the streaming path, still json/encoder.py's generators).
# Every case must give the same string, or the same exception type and message. Run by ChunkEncoderTest.
import json
import json.encoder
from collections import OrderedDict


class Ordered(dict):
    def items(self):
        return sorted(dict.items(self), reverse=True)

    def iteritems(self):
        return iter(self.items())


class Doubled(list):
    def __iter__(self):
        for v in list.__iter__(self):
            yield v
            yield v


class Shouty(int):
    def __str__(self):
        return 'SHOUT'


class Tagged(str):
    pass


class Point(object):
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def point_default(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(repr(o) + ' is not JSON serializable')


# Jython: every access to a Java object may give a new wrapper, all with the same id().
from java.util import ArrayList
java_circular = ArrayList()
java_circular.add(1)
java_circular.add(java_circular)
java_list = ArrayList()
java_list.add(u'x')
java_shared = [java_list, java_list]


def java_default(o):
    return list(o)


circular_list = [1, 2]
circular_list.append(circular_list)
circular_dict = {'a': 1}
circular_dict['self'] = circular_dict
shared = [1, 2]


def nest(depth):
    top = node = []
    for _ in range(depth):
        node.append({'k': []})
        node = node[0]['k']
    return top


def same_object_default(o):
    return o


DATA = {
    'scalars': [None, True, False, 0, -7, 2 ** 70, 1.5, -0.0, 1e300, u'caf\xe9', 'plain', '', u'', u'plain',
                ' ~!', u' ~!', '\x7f', u'\x1f', '\\', u'"'],
    'nested': {'list': [[], {}, [[1, [2, [3]]]], ({'t': (1, 2)},)], 'empty': {}, 'tuple': (1, 'two', 3.0)},
    'keys': {1: 'int', 2.5: 'float', True: 'true', False: 'false', None: 'null', 'str': 1, u'uni': 2, 2 ** 65: 'l'},
    'escapes': u'quote " backslash \\ newline \n tab \t nul \x00 \u2028 \U0001f600',
    'bytes': 'caf\xc3\xa9',
    'shared': [shared, shared, {'again': shared}],
}

CASES = [
    ('scalars', DATA['scalars'], {}),
    ('scalars indent', DATA['scalars'], {'indent': 2}),
    ('nested indent 0', DATA['nested'], {'indent': 0, 'sort_keys': True}),
    ('nested indent 4', DATA['nested'], {'indent': 4, 'sort_keys': True}),
    ('nested sorted compact', DATA['nested'], {'sort_keys': True, 'separators': (',', ':')}),
    ('keys sorted', DATA['keys'], {'sort_keys': True}),
    ('str keys sorted', {'b': 1, 'a': 2, 'B': 3, '\xe9': 4, '\x7f': 5, '': 6, 'ab': 7}, {'sort_keys': True}),
    ('unicode keys sorted', {u'b': 1, u'a': 2, u'\xe9': 3, u'\u2028': 4}, {'sort_keys': True, 'indent': 1}),
    ('str and unicode keys sorted', {'b': 1, u'a': 2, 'c': 3}, {'sort_keys': True, 'indent': 1}),
    ('keys indent', DATA['keys'], {'indent': 1}),
    ('escapes ascii', DATA['escapes'], {'indent': 1}),
    ('escapes in list, not ascii', [DATA['escapes'], 'x'], {'indent': 1, 'ensure_ascii': False}),
    ('utf-8 bytes, not ascii', {'k': DATA['bytes'], u'u': u'\xe9'}, {'indent': 1, 'ensure_ascii': False}),
    ('latin-1 encoding', ['caf\xe9', {'caf\xe9': 1}], {'indent': 1, 'encoding': 'latin-1'}),
    ('bad utf-8 bytes', ['\xff'], {'indent': 1}),
    ('mixed str and unicode, not ascii', ['\xc3\xa9', u'\xe9'], {'indent': 1, 'ensure_ascii': False}),
    ('shared, not circular', DATA['shared'], {'indent': 1}),
    ('ordered dict', OrderedDict([('z', 1), ('a', 2), ('m', [3])]), {'indent': 1}),
    ('dict subclass items', Ordered(a=1, b=2, c={'d': 3}), {'indent': 1}),
    ('dict subclass items sorted', Ordered(a=1, b=2, c=3), {'indent': 1, 'sort_keys': True}),
    ('list subclass iter', Doubled([1, 'a', [2]]), {'indent': 1}),
    ('int subclass str', [Shouty(3), {'k': Shouty(4)}], {'indent': 1}),
    ('int subclass key', {Shouty(5): 1}, {'indent': 1}),
    ('str subclass', [Tagged('t')], {'indent': 1}),
    ('default', {'p': Point(1, 2), 's': set([3, 1, 2])}, {'indent': 1, 'default': point_default}),
    ('default fails', [Point(1, 2)], {'indent': 1}),
    ('default returns itself', [Point(1, 2)], {'indent': 1, 'default': same_object_default}),
    ('circular list', circular_list, {'indent': 1}),
    ('circular dict', circular_dict, {'indent': 1, 'sort_keys': True}),
    ('circular, unchecked', circular_list, {'indent': 1, 'check_circular': False}),
    ('circular through a Java list', java_circular, {'indent': 1, 'default': java_default}),
    ('a Java list twice, not circular', java_shared, {'indent': 1, 'default': java_default}),
    ('tuple key', {(1, 2): 'x'}, {'indent': 1}),
    ('tuple key skipped', {(1, 2): 'x', 'y': 1}, {'indent': 1, 'skipkeys': True}),
    ('nan', [float('nan'), float('inf'), float('-inf')], {'indent': 1}),
    ('nan not allowed', [1, float('nan')], {'indent': 1, 'allow_nan': False}),
    ('unsortable keys', {1: 'a', 'b': 2, u'c': 3, 1.5: 4}, {'indent': 1, 'sort_keys': True}),
    ('string indent', [1, [2]], {'indent': '  '}),
    ('top-level scalar', 42, {'indent': 1}),
    ('top-level unicode', u'\xe9', {'indent': 1}),
    ('nesting 100 deep', nest(100), {'indent': 1}),
    ('nesting 3000 deep', nest(3000), {'indent': 1}),
]


class Compact(json.JSONEncoder):
    item_separator = ','


def float_repr_two_places(f):
    return '%.2f' % f


def default_as_string(self, o):
    return 'default:' + type(o).__name__


# Cases run with something of the json modules changed, as applications do: (name, value, keywords, module or class,
# attribute, value). dumps must see the change as the Python code does, or leave the call to the Python code.
PATCHED = [
    ('FLOAT_REPR replaced', [1.0, {'f': 2.5}], {'indent': 1}, json.encoder, 'FLOAT_REPR', float_repr_two_places),
    ('class item_separator', [1, [2, 3]], {'indent': 1}, json.JSONEncoder, 'item_separator', ';'),
    ('class key_separator', {'a': 1}, {'sort_keys': True}, json.JSONEncoder, 'key_separator', '='),
    ('class default replaced', [Point(1, 2)], {'indent': 1}, json.JSONEncoder, 'default', default_as_string),
    ('class encode replaced', {'a': 1}, {'indent': 1}, json.JSONEncoder, 'encode', lambda self, o: 'mine'),
    ('json.JSONEncoder rebound', [1, 2], {'indent': 1}, json, 'JSONEncoder', Compact),
    ('encode_basestring_ascii replaced', ['x', u'y'], {'indent': 1}, json.encoder, 'encode_basestring_ascii',
     lambda s: '<%s>' % s),
]

CASES += [
    ('separators as a list', [1, {'a': 2}], {'indent': 1, 'separators': [';', '=']}),
    ('separators not a pair', [1], {'indent': 1, 'separators': (',',)}),
    ('cls given', [1, [2]], {'indent': 1, 'cls': Compact}),
    ('unknown keyword', [1], {'indent': 1, 'colour': 'blue'}),
    ('encoding None', ['caf\xc3\xa9'], {'indent': 1, 'encoding': None}),
    ('unicode utf-8 encoding', ['caf\xc3\xa9'], {'indent': 1, 'encoding': u'utf-8'}),
    ('allow_nan 0', [float('inf')], {'indent': 1, 'allow_nan': 0}),
    ('no indent, sorted, not ascii', {u'\xe9': 1, 'a': [1.5, None]}, {'sort_keys': True, 'ensure_ascii': False}),
    ('default encoder path', {'a': [1, 2.5]}, {}),
]


def outcome(fn):
    try:
        return ('ok', fn())
    except RuntimeError as e:
        # The generators overflow Jython's Java stack ('... (Java StackOverflowError)'), the Java encoder stops at
        # the recursion limit: the same exception, told differently.
        return ('RuntimeError', str(e).split(' (')[0])
    except Exception as e:
        return (type(e).__name__, str(e))


def dumps(o, kw):
    return json.dumps(o, **kw)


def with_cls(kw):
    kw = dict(kw)
    return kw.pop('cls', None) or json.JSONEncoder, kw


def encode(o, kw):
    cls, kw = with_cls(kw)
    return cls(**kw).encode(o)


def pure(o, kw):
    cls, kw = with_cls(kw)
    return ''.join(cls(**kw).iterencode(o))


# (name, json.dumps, the generators (or what a replaced encode returns), JSONEncoder.encode): all three the same.
results = [(name, outcome(lambda: dumps(o, kw)), outcome(lambda: pure(o, kw)), outcome(lambda: encode(o, kw)))
           for name, o, kw in CASES]
for name, o, kw, owner, attribute, value in PATCHED:
    saved = owner.__dict__[attribute]
    setattr(owner, attribute, value)
    try:
        expected = (lambda: value(None, o)) if attribute == 'encode' else (lambda: pure(o, kw))
        results.append((name, outcome(lambda: dumps(o, kw)), outcome(expected), outcome(lambda: encode(o, kw))))
    finally:
        setattr(owner, attribute, saved)
CASES += PATCHED
dumps_in_java = not hasattr(json.dumps, 'func_code')

accelerated = not hasattr(json.encoder._make_iterencode, 'func_code')
one_shot = json.JSONEncoder(indent=1).iterencode({'a': [1]}, _one_shot=True)
one_shot_in_java = type(one_shot).__name__ != 'generator'
one_shot_first_chunk = next(one_shot)
