package org.bitext.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bitext.TestSupport;
import org.bitext.serve.Preview;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built site served the way GitHub Pages serves it, under a project subpath and at a domain root:
 * a crawl from the front page reaches every page, every link and #fragment resolves, and the 404 page
 * works from any depth.
 */
class SubpathCrawlTest {
    private static final String LINKS = "a[href], link[href], script[src], img[src], source[src], iframe[src]";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"https://example.test/sub/", "https://example.test/"})
    void everyLinkAndFragmentResolves(String baseUrl) throws Exception {
        try (Preview preview = Preview.still(dir, baseUrl)) {
            String basePath = URI.create(baseUrl).getPath();
            Map<String, Document> pages = new HashMap<>();
            List<String> problems = new ArrayList<>();
            List<String[]> fragments = new ArrayList<>(); // from, target page, id
            Deque<URI> queue = new ArrayDeque<>(List.of(preview.uri(basePath)));
            Set<String> seen = new TreeSet<>(List.of(key(preview.uri(basePath))));
            while (!queue.isEmpty()) {
                URI u = queue.pop();
                HttpResponse<String> r = preview.get(u);
                if (r.statusCode() != 200) {
                    problems.add(u + " -> " + r.statusCode());
                    continue;
                }
                if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    continue;
                }
                Document doc = Jsoup.parse(r.body(), u.toString());
                pages.put(key(u), doc);
                for (Element el : doc.select(LINKS)) {
                    String attr = el.hasAttr("href") ? "href" : "src";
                    URI target = URI.create(el.absUrl(attr));
                    if (!sameOrigin(target, preview.uri("/"))) {
                        continue; // the source article, canonical URLs: not ours to serve
                    }
                    if (target.getRawFragment() != null && !target.getRawFragment().isEmpty()) {
                        fragments.add(new String[] {u + " " + el.attr(attr), key(target),
                                URLDecoder.decode(target.getRawFragment(), StandardCharsets.UTF_8)});
                    }
                    if (seen.add(key(target))) {
                        queue.add(URI.create(key(target)));
                    }
                }
            }
            for (String[] f : fragments) {
                Document target = pages.get(f[1]);
                if (target == null || target.getElementById(f[2]) == null) {
                    problems.add("fragment #" + f[2] + " not found, linked from " + f[0]);
                }
            }
            assertEquals(List.of(), problems);
            assertFalse(fragments.isEmpty(), "the crawl saw fragment links");

            // every page the build wrote was reached, and the sitemap lists exactly those pages
            Set<String> built = new TreeSet<>();
            for (String file : TestSupport.readTree(preview.out).keySet()) {
                if (file.endsWith(".html") && !file.equals("404.html")) {
                    built.add(key(preview.uri(basePath + file)));
                }
            }
            Set<String> crawled = new TreeSet<>(pages.keySet());
            crawled.removeIf(k -> k.endsWith("/404.html"));
            assertEquals(built, crawled);
            Document sitemap = Jsoup.parse(preview.get(basePath + "sitemap.xml").body(), "", Parser.xmlParser());
            Set<String> listed = new TreeSet<>();
            for (Element loc : sitemap.select("url > loc")) {
                assertTrue(loc.text().startsWith(baseUrl), "absolute URL from base_url: " + loc.text());
                listed.add(key(preview.uri(basePath + loc.text().substring(baseUrl.length()))));
            }
            assertEquals(built, listed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.test/sub/", "https://example.test/"})
    void notFoundPageLinksResolveFromADeepPath(String baseUrl) throws Exception {
        try (Preview preview = Preview.still(dir, baseUrl)) {
            String basePath = URI.create(baseUrl).getPath();
            URI deep = preview.uri(basePath + "a/b/c/missing");
            HttpResponse<String> r = preview.get(deep);
            assertEquals(404, r.statusCode());
            Document doc = Jsoup.parse(r.body(), deep.toString());
            List<String> problems = new ArrayList<>();
            int checked = 0;
            for (Element el : doc.select(LINKS)) {
                String attr = el.hasAttr("href") ? "href" : "src";
                URI target = URI.create(el.absUrl(attr));
                if (!sameOrigin(target, deep) || el.attr(attr).startsWith("#")) {
                    continue;
                }
                checked++;
                int status = preview.get(URI.create(key(target))).statusCode();
                if (status != 200) {
                    problems.add(el.attr(attr) + " -> " + target + " -> " + status);
                }
            }
            assertEquals(List.of(), problems);
            assertTrue(checked >= 6, "stylesheet, script, favicon and navigation were all checked: " + checked);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return "http".equals(a.getScheme()) && a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    /** The page a URL names: no query, no fragment, a folder means its index.html. */
    private static String key(URI u) {
        String path = u.getPath().endsWith("/") ? u.getPath() + "index.html" : u.getPath();
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort() + path;
    }
}
