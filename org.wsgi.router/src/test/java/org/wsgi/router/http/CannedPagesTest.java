package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Apache's error documents, byte for byte: every page recorded from the reference in
 * conformance/routing/error-pages (its {@code ServerAdmin} is {@code web<master>@example.com}).
 */
class CannedPagesTest {

    private static final Path RECORDED = Path.of("..", "conformance", "routing", "error-pages", "expected.json");
    private static final String ADMIN = "web<master>@example.com";

    @Test
    void everyRecordedPageIsApachesToTheByte() throws Exception {
        JsonNode records = new ObjectMapper().readTree(RECORDED.toFile());
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (JsonNode r : records) {
            int status = r.get("status").asInt();
            String body = r.path("body").asText("");
            if (status == 200 || body.isEmpty()) {
                continue;
            }
            String location = r.has("location") ? r.get("location").asText() : null;
            String ours = CannedPages.page(status, r.get("method").asText(), location, ADMIN);
            compared++;
            if (!ours.equals(body)) {
                differ.add(r.get("method").asText() + " " + r.get("path").asText() + ":\n" + body + "\nours:\n" + ours);
            }
            assertEquals("text/html; charset=iso-8859-1", r.get("content_type").asText());
        }
        assertTrue(compared >= 50, "the fixture has its pages: " + compared);
        assertEquals(List.of(), differ);
    }

    @Test
    void withoutServerAdminTheServerErrorPageSaysNoAddressGiven() {
        String page = CannedPages.page(500, "GET", null, null);
        assertTrue(page.contains("administrator at \n [no address given] to inform"), page);
    }

    @Test
    void aCodeWithoutTextOfItsOwnGetsTheServerErrorsTitledByItsOwnStatusLine() {
        String page = CannedPages.page(409, "GET", null, "a@b");
        assertTrue(page.startsWith("<!DOCTYPE HTML PUBLIC"), page);
        assertTrue(page.contains("<title>409 Conflict</title>") && page.contains("administrator at \n a@b to"), page);
    }
}
