package org.bitext.view;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.text.Bilingual;

/**
 * The files of the EPUB edition, made from the site's own page views (the same sections, turns,
 * notes and glossary), so the book and the site cannot disagree. Nothing in it depends on the clock:
 * its date is the source's.
 */
public final class EpubViews {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}))?.*");
    /** dcterms:modified when the source gives no date it can be read from. */
    private static final String NO_DATE = "2000-01-01T00:00:00Z";

    private EpubViews() {
    }

    /**
     * Where the EPUB goes in the site: the last segment of the base URL's path
     * ({@code https://owner.github.io/repo/} gives {@code repo.epub}), or {@code edition.epub}.
     */
    public static String path(String baseUrl) {
        String slug = "";
        if (baseUrl != null) {
            String[] segments = URI.create(baseUrl).getPath().split("/");
            slug = segments.length == 0 ? "" : segments[segments.length - 1];
        }
        slug = slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
        return (slug.isEmpty() ? "edition" : slug) + ".epub";
    }

    /** The EPUB of the site whose pages are {@code pages} (as {@link SiteViews#of} makes them). */
    public static EpubFiles of(List<Page> pages) {
        SiteView site = pages.get(0).model().site();
        HomePage home = find(pages, HomePage.class);
        EditionData data = find(pages, EditionData.class);
        GlossaryPage glossary = find(pages, GlossaryPage.class);

        String modified = modified(site.source().published());
        EpubBook book = new EpubBook(identifier(site), modified, home.introduction(), home.toc(),
                glossary.terms(), byFirstTurn(find(pages, NamesPage.class).groups(), data.notes()));
        List<Page> files = new ArrayList<>();
        files.add(file(site, book, "META-INF/container.xml", "epub/container.xml.ftlx"));
        files.add(file(site, book, "EPUB/package.opf", "epub/package.opf.ftlx"));
        files.add(file(site, book, "EPUB/nav.xhtml", "epub/nav.xhtml.ftlx"));
        files.add(file(site, book, "EPUB/style.css", "epub/style.css.ftl"));
        files.add(file(site, book, "EPUB/title.xhtml", "epub/title.xhtml.ftlx"));
        for (SectionView s : data.sections()) {
            if (!s.part()) {
                String path = "EPUB/" + sectionFile(s.id());
                files.add(new Page(path, "epub/section.xhtml.ftlx",
                        new PageModel(site, new SectionPage(s, null, null), path, "../", null)));
            }
        }
        if (!book.glossary().isEmpty()) {
            files.add(file(site, book, "EPUB/glossary.xhtml", "epub/glossary.xhtml.ftlx"));
        }
        if (!book.names().isEmpty()) {
            files.add(file(site, book, "EPUB/names.xhtml", "epub/names.xhtml.ftlx"));
        }
        return new EpubFiles(path(site.baseUrl()), modified, List.copyOf(files));
    }

    /** A section's file inside the book's EPUB folder. */
    private static String sectionFile(String id) {
        return "sections/" + id + ".xhtml";
    }

    private static Page file(SiteView site, EpubBook book, String path, String template) {
        return new Page(path, template, new PageModel(site, book, path, "", null));
    }

    private static <T extends PageView> T find(List<Page> pages, Class<T> kind) {
        for (Page p : pages) {
            if (kind.isInstance(p.model().page())) {
                return kind.cast(p.model().page());
            }
        }
        throw new IllegalStateException("the site has no " + kind.getSimpleName());
    }

    /** A name-based UUID of the base URL and the title: the same edition keeps its identifier. */
    private static String identifier(SiteView site) {
        String name = (site.baseUrl() == null ? "" : site.baseUrl()) + "\n" + site.title().zh() + "\n" + site.title().en();
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The source's date ("2024-06-03 10:00") as dcterms:modified wants it, or a fixed date. */
    static String modified(String published) {
        Matcher m = published == null ? null : DATE.matcher(published.strip());
        if (m == null || !m.matches()) {
            return NO_DATE;
        }
        String hh = m.group(4) == null ? "00" : m.group(4);
        String mm = m.group(5) == null ? "00" : m.group(5);
        return m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + hh + ":" + mm + ":00Z";
    }

    /**
     * The site's index of names, each kind in the order the names first occur (a name in no turn first,
     * names first met in the same turn in the order of edition.yaml).
     */
    private static List<NameGroup> byFirstTurn(List<NameGroup> groups, List<NoteView> notesInYamlOrder) {
        Map<String, Integer> yamlOrder = new HashMap<>();
        notesInYamlOrder.forEach(n -> yamlOrder.put(n.id(), yamlOrder.size()));
        List<NameGroup> out = new ArrayList<>();
        for (NameGroup g : groups) {
            List<NameEntry> names = new ArrayList<>(g.names());
            names.sort(Comparator.comparingInt((NameEntry e) -> e.named().isEmpty() ? 0 : e.named().get(0).number())
                    .thenComparingInt(e -> yamlOrder.get(e.note().id())));
            out.add(new NameGroup(g.kind(), List.copyOf(names)));
        }
        return List.copyOf(out);
    }
}
