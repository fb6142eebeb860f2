package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wsgi.api.config.DirectorySettings;

/** Where each directive may be written: server config, virtual host, and the three kinds of section. */
class ContextTest {

    @TempDir
    Path root;

    private static final String[] WRAPPERS = {"%s", "<VirtualHost *:80>\n%s\n</VirtualHost>",
        "<Directory /d>\n%s\n</Directory>", "<Location /l>\n%s\n</Location>", "<Files f>\n%s\n</Files>"};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WSGIScriptAlias /a /a.wsgi                              | YYNNN
            WSGIScriptAliasMatch ^/a /a.wsgi                        | YYNNN
            WSGIDaemonProcess g                                     | YYNNN
            WSGIImportScript /i.py process-group=%{GLOBAL} application-group=%{GLOBAL} | YYNNN
            WSGIApplicationGroup %{GLOBAL}                          | YYYYY
            WSGIProcessGroup %{GLOBAL}                              | YYYYY
            WSGIRestrictProcess a                                   | YYYYY
            WSGICallableObject app                                  | YYYYY
            WSGIPassAuthorization On                                | YYYYY
            WSGIScriptReloading Off                                 | YYYYY
            WSGIChunkedRequest On                                   | YYYYY
            WSGIAccessScript /a.py                                  | NNYYY
            WSGIAuthUserScript /a.py application-group=x            | NNYYY
            WSGIRestrictEmbedded On                                 | YNNNN
            WSGIPythonHome /usr                                     | YNNNN
            WSGISocketPrefix run/wsgi                               | YNNNN
            ServerName a.example                                    | YYNNN
            DocumentRoot /srv                                       | YYNNN
            Alias /a /b                                             | YYNNN
            AliasMatch ^/a /b                                       | YYNNN
            SetEnv A b                                              | YYYYY
            UnsetEnv A                                              | YYYYY
            LimitRequestBody 10                                     | YYYYY
            Options +ExecCGI                                        | YYYYY
            AllowOverride None                                      | NNYYY
            SetHandler wsgi-script                                  | YYYYY
            AddHandler wsgi-script .wsgi                            | YYYYY
            DirectoryIndex index.wsgi                               | YYYYY
            Order allow,deny                                        | NNYYY
            Allow from all                                          | NNYYY
            Require all granted                                     | NNYYY
            AuthType Basic                                          | NNYYY
            RewriteEngine On                                        | YYYYY
            RewriteMap m int:tolower                                | YYNNN
            RewriteBase /x                                          | NNYYY
            ErrorLog logs/error_log                                 | YYNNN
            CustomLog logs/access_log common                        | YYNNN
            Listen 8080                                             | YNNNN
            """)
    void isAllowedWhereApacheAllowsIt(String line, String where) {
        Confs confs = new Confs(root);
        for (int i = 0; i < WRAPPERS.length; i++) {
            List<String> errors = confs.errors(String.format(WRAPPERS[i], line));
            assertEquals(where.charAt(i) == 'Y', errors.isEmpty(), WRAPPERS[i] + " " + line + ": " + errors);
        }
    }

    @Test
    void sectionsNestAsInApache() {
        Confs confs = new Confs(root);
        assertEquals(List.of(), confs.errors("""
                <VirtualHost *:80>
                <Directory /a>
                <Files x>
                </Files>
                <IfModule mod_wsgi.c>
                <FilesMatch y>
                </FilesMatch>
                </IfModule>
                </Directory>
                <Location /b>
                </Location>
                </VirtualHost>
                <IfModule mod_wsgi.c>
                <VirtualHost *:81>
                </VirtualHost>
                </IfModule>
                """));
    }

    @Test
    void aLimitIsReadInItsSectionAndKeepsItsMethodsOnAccessControlOnly() {
        Confs confs = new Confs(root);
        DirectorySettings s = confs.configuration("""
                <Location /a>
                Require all granted
                <Limit POST PUT>
                WSGIProcessGroup %{GLOBAL}
                Require valid-user
                </Limit>
                <LimitExcept GET>
                Order deny,allow
                Deny from all
                </LimitExcept>
                </Location>
                """).main().sections().get(0).settings();
        assertEquals("%{GLOBAL}", s.processGroup());
        assertEquals(List.of(List.of("all", "granted")), s.directives().get("Require"));
        assertEquals(List.of(List.of("valid-user")), s.directives().get("<Limit POST PUT> Require"));
        assertEquals(List.of(List.of("deny,allow")), s.directives().get("<LimitExcept GET> Order"));
        assertEquals(List.of(List.of("from", "all")), s.directives().get("<LimitExcept GET> Deny"));
    }
}
