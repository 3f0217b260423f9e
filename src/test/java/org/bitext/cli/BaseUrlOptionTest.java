package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitext.TestSupport;
import org.bitext.TestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --base-url} overrides edition.base_url on build, check and serve (the Pages workflow passes it). */
class BaseUrlOptionTest {
    @Test
    void buildPublishesUnderTheGivenAddress(@TempDir Path tmp) throws IOException {
        Path site = tmp.resolve("site");
        Run r = TestSupport.cli("build", "--content", TestSupport.MINI.toString(), "--templates",
                TestSupport.TEMPLATES.toString(), "--out", site.toString(), "--base-url", "https://someone.github.io/talk");
        assertEquals(0, r.code(), r.err());
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://someone.github.io/talk/</loc>"), sitemap);
        assertFalse(sitemap.contains("example.github.io"), sitemap);
        assertTrue(Files.readString(site.resolve("index.html"))
                .contains("<link rel=\"canonical\" href=\"https://someone.github.io/talk/\">"));
    }

    @Test
    void anEditionWithoutBaseUrlGetsItsSitemapFromTheOption(@TempDir Path tmp) throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        TestSupport.replaceIn(content.resolve("edition.yaml"), "  base_url: https://example.github.io/mini/\n", "");
        Run check = TestSupport.cli("check", "--content", content.toString(), "--templates", TestSupport.TEMPLATES.toString(),
                "--base-url=https://someone.github.io/talk/");
        assertEquals(0, check.code(), check.err());
        assertFalse(check.err().contains("no base_url"), check.err());
        Run without = TestSupport.cli("check", "--content", content.toString(), "--templates", TestSupport.TEMPLATES.toString());
        assertTrue(without.err().contains("no base_url"), without.err());
    }

    @Test
    void aBadAddressIsACommandLineError() {
        for (String bad : new String[] {"ftp://example.org/", "example.org", "https://", "https://a b/"}) {
            Run r = TestSupport.cli("build", "--base-url", bad);
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("Invalid value for option '--base-url'"), r.err());
        }
    }

    @Test
    void serveTakesItToo() throws Options.UsageException {
        Options o = Options.parse("serve", new String[] {"serve", "--base-url", "https://someone.github.io/talk"}, 1);
        assertEquals("https://someone.github.io/talk/", o.toOptions().baseUrl());
        assertEquals(null, Options.parse("serve", new String[] {"serve"}, 1).toOptions().baseUrl());
    }
}
