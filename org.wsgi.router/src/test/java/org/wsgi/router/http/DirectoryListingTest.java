package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing, compared with what Apache 2.4.71's mod_autoindex sent for the same directory (recorded 2026-11-21). */
class DirectoryListingTest {

    @TempDir
    Path root;

    @Test
    void listsAsApacheDoes() throws Exception {
        Path d = Files.createDirectories(root.resolve("d"));
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("a.txt"), "a\n");
        Files.writeString(d.resolve("b c.html"), "b\n");
        Files.writeString(d.resolve(".hidden"), "h\n");
        Files.writeString(d.resolve(".htpasswd"), "x\n");
        assertEquals("""
                <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
                <html>
                 <head>
                  <title>Index of /d</title>
                 </head>
                 <body>
                <h1>Index of /d</h1>
                <ul><li><a href="/"> Parent Directory</a></li>
                <li><a href=".hidden"> .hidden</a></li>
                <li><a href="a.txt"> a.txt</a></li>
                <li><a href="b%20c.html"> b c.html</a></li>
                <li><a href="sub/"> sub/</a></li>
                </ul>
                </body></html>
                """, DirectoryListing.page(d.toFile(), "/d/"));
        assertEquals("""
                <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
                <html>
                 <head>
                  <title>Index of /d/sub</title>
                 </head>
                 <body>
                <h1>Index of /d/sub</h1>
                <ul><li><a href="/d/"> Parent Directory</a></li>
                </ul>
                </body></html>
                """, DirectoryListing.page(d.resolve("sub").toFile(), "/d/sub/"));
    }
}
