package org.bitext.view;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.editorial.NoteKind;
import org.bitext.text.Bilingual;

/**
 * The files of the EPUB edition, made from the site's own page views (the same sections, turns,
 * notes and glossary), so the book and the site cannot disagree. Nothing in it depends on the clock:
 * its date is the source's.
 */
public final class EpubViews {
    /** The kinds of note that name something, and so make the index of names. */
    private static final Set<String> NAME_KINDS = Set.of(NoteKind.PERSON.id(), NoteKind.ORGANISATION.id(),
            NoteKind.PRODUCT.id(), NoteKind.EVENT.id());
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}))?.*");
    /** The first strong emphasis of a note, where the editors write the name it explains ("**Helen Toner** is …"). */
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
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

        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<TurnView> turns = new ArrayList<>();
        List<EpubPart> toc = new ArrayList<>();
        Bilingual part = null;
        List<SectionView> inPart = new ArrayList<>();
        for (SectionView s : data.sections()) {
            if (s.part()) {
                if (!inPart.isEmpty() || part != null) {
                    toc.add(new EpubPart(part, List.copyOf(inPart)));
                }
                part = s.title();
                inPart = new ArrayList<>();
                continue;
            }
            inPart.add(s);
            for (TurnView t : s.turns()) {
                numbers.put(t.id(), numbers.size() + 1);
                turns.add(t);
            }
        }
        if (!inPart.isEmpty() || part != null) {
            toc.add(new EpubPart(part, List.copyOf(inPart)));
        }

        String modified = modified(site.source().published());
        EpubBook book = new EpubBook(identifier(site), modified, home.introduction(), List.copyOf(toc),
                Map.copyOf(numbers), glossary.terms(), names(data.notes(), turns, numbers));
        List<Page> files = new ArrayList<>();
        files.add(file(site, book, "META-INF/container.xml", "epub/container.xml.ftlx"));
        files.add(file(site, book, "EPUB/package.opf", "epub/package.opf.ftlx"));
        files.add(file(site, book, "EPUB/nav.xhtml", "epub/nav.xhtml.ftlx"));
        files.add(file(site, book, "EPUB/style.css", "epub/style.css.ftl"));
        files.add(file(site, book, "EPUB/title.xhtml", "epub/title.xhtml.ftlx"));
        for (EpubPart p : toc) {
            for (SectionView s : p.sections()) {
                String path = "EPUB/" + sectionFile(s.id());
                files.add(new Page(path, "epub/section.xhtml.ftlx",
                        new PageModel(site, new EpubSection(book, s), path, "../", null)));
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

    /** Person, organisation, product and event notes, by kind, each kind in the order the names first occur. */
    private static List<EpubNameGroup> names(List<NoteView> notes, List<TurnView> turns, Map<String, Integer> numbers) {
        List<EpubNameGroup> groups = new ArrayList<>();
        for (NoteKind kind : NoteKind.values()) {
            if (!NAME_KINDS.contains(kind.id())) {
                continue;
            }
            List<NameView> names = new ArrayList<>();
            for (NoteView n : notes) {
                if (n.kind().equals(kind.id())) {
                    Matcher bold = BOLD.matcher(n.markdown());
                    String name = bold.find() ? bold.group(1).strip() : null;
                    List<TurnView> in = turns.stream().filter(t -> t.id().equals(n.turn()) || t.zh().contains(n.quote())
                            || (name != null && t.zh().contains(name))).toList();
                    names.add(new NameView(name == null ? n.quote() : name, n, in));
                }
            }
            names.sort(Comparator.comparingInt(v -> v.turns().isEmpty() ? 0 : numbers.get(v.turns().get(0).id())));
            if (!names.isEmpty()) {
                groups.add(new EpubNameGroup(kind.id(), List.copyOf(names)));
            }
        }
        return List.copyOf(groups);
    }
}
