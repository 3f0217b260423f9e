package org.bitext.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bitext.check.SiteUrl.Malformed;
import org.bitext.check.SiteUrl.Target;
import org.junit.jupiter.api.Test;

/** The one resolver of the page check and the Markdown check. */
class SiteUrlTest {

    @Test
    void resolvesAgainstThePage() {
        assertEquals(new Target("sections/b.html", "t2"), SiteUrl.resolve("sections/a.html", "b.html?speaker=x#t2"));
        assertEquals(new Target("index.html", null), SiteUrl.resolve("sections/a.html", "../index.html#"));
        assertEquals(new Target("topics/index.html", null), SiteUrl.resolve("sections/a.html", "../topics/"));
        assertEquals(new Target("sections/a.html", "top"), SiteUrl.resolve("sections/a.html", "#top"));
        assertEquals(new Target("glossary.html", "g"), SiteUrl.resolve("", "glossary.html#g"));
        assertEquals(new Target("index.html", null), SiteUrl.resolve("", ""));
        assertEquals(new Target("../x.html", null), SiteUrl.resolve("a.html", "../x.html"));
        assertEquals(new Target("a%41.html", null), SiteUrl.resolve("", "a%41.html"));
    }

    @Test
    void fragmentsArePercentDecodedAndBadEscapesKept() {
        assertEquals("中", ((Target) SiteUrl.resolve("", "a.html#%E4%B8%AD")).fragment());
        assertEquals("%zz\uFFFD+", ((Target) SiteUrl.resolve("", "a.html#%zz%E4+")).fragment()); // a lone UTF-8 byte
        assertEquals("%", ((Target) SiteUrl.resolve("", "#%")).fragment());
    }

    @Test
    void schemesAuthoritiesAndUnparsableLinksAreMalformed() {
        // "javascript:alert(1)" parsed as an opaque URI made the old Markdown check throw
        for (String link : new String[] {"javascript:alert(1)", "a:b", "1a:b", "//host/x", "x]y:z"}) {
            assertEquals(new Malformed(), SiteUrl.resolve("", link), link);
        }
    }

    @Property(tries = 2000)
    void neverThrows(@ForAll String page, @ForAll String link) {
        SiteUrl.resolve(page, link);
        SiteUrl.resolve("sections/a.html", link);
    }
}
