package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly damaged spec examples never make the parser throw or hang: every outcome is a fragment or a list of
 * errors. The seeds are fixed, so a failure reproduces; the run stops after about five seconds.
 */
class FuzzTest {

    private static final String[] INSERTS = {"<", ">", "</", "\"", "'", "\\", "%{", "}", "\n", "=", " ", "~", "#"};
    private static final long BUDGET_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int SEEDS = 20_000;

    @TempDir
    Path root;

    @Test
    void damagedExamplesOnlyEverProduceConfigErrors() throws IOException {
        List<String> examples = new ArrayList<>();
        try (var files = Files.list(Confs.resources("spec"))) {
            for (Path f : files.sorted().toList()) {
                examples.add(Files.readString(f));
            }
        }
        int[] done = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            ConfParser parser = new ConfParser(root);
            long deadline = System.nanoTime() + BUDGET_NANOS;
            for (int seed = 0; seed < SEEDS && System.nanoTime() < deadline; seed++) {
                Random random = new Random(seed);
                String text = mutate(examples.get(random.nextInt(examples.size())), random);
                ParsedFile parsed = parser.parse(root.resolve("fuzz.conf"), Confs.bytes(text));
                assertTrue(parsed.errors().isEmpty() == (parsed.fragment() != null), "seed " + seed);
                for (var error : parsed.errors()) {
                    assertNotNull(error.location(), "seed " + seed);
                }
                if (parsed.fragment() != null) {
                    assertNotNull(ConfAssembler.assemble(seed, root, List.of(parsed), List.of()), "seed " + seed);
                }
                done[0]++;
            }
        });
        assertTrue(done[0] > 100, "too few cases ran: " + done[0]);
    }

    @Test
    void mutationsAreDeterministic() {
        assertEquals(mutate("WSGIScriptAlias / /a.wsgi", new Random(42)),
                mutate("WSGIScriptAlias / /a.wsgi", new Random(42)));
    }

    static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations && !sb.isEmpty(); i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, sb.charAt(at));
                case 2 -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
                case 3 -> sb.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }
}
