# mod_wsgi's access and authentication hooks (Python 3 and Jython 2.7), answering as the tests need.
def allow_access(environ, host):
    return host == '127.0.0.1'


def check_password(environ, user, password):
    if user == 'raise':
        raise ValueError('boom')
    if user == 'number':
        return 1
    if user == 'alias':
        return 'spy'
    if user == 'spy':
        return password == 'secret'
    return None


def groups_for_user(environ, user):
    keys = sorted(k for k in environ if not k.startswith('HTTP_'))
    return ['group-of-' + user, environ['mod_wsgi.application_group'], str(environ['mod_wsgi.version'])] + keys
