package org.bitext.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.bitext.edition.Edition;
import org.bitext.editorial.EditionMeta;
import org.bitext.text.Texts;
import org.bitext.transcript.SourceMeta;

/**
 * The citation of the edition and of its turns, from what the editor gives once (editors, date of
 * this edition, base URL, title) and the source's own header (author, date, URL). Nothing comes
 * from the clock: an edition without a date is cited "n.d.".
 */
final class Citations {
    private final String lead;
    private final String original;
    private final String baseUrl;
    private final CitationView edition;

    Citations(Edition e) {
        EditionMeta meta = e.meta();
        SourceMeta source = e.source();
        String title = meta.title() == null ? "" : meta.title().en();
        String titleZh = meta.title() == null ? null : meta.title().zh();
        String fullTitle = title + (titleZh != null && !titleZh.equals(title) ? " (" + titleZh + ")" : "");
        List<String> editors = meta.editors() == null ? List.of() : meta.editors();
        String names = names(editors);
        baseUrl = meta.baseUrl();
        String date = meta.published() != null ? meta.published() : "n.d.";
        lead = (names.isEmpty() ? "" : names + (editors.size() > 1 ? " (eds.)" : " (ed.)") + ". ") + fullTitle + ". " + date;
        String sourceDate = sourceDate(source.published());
        List<String> parts = Stream.of(source.author(), sourceDate, source.url()).filter(Objects::nonNull).toList();
        original = parts.isEmpty() ? "" : " Chinese text: " + String.join(", ", parts) + ".";
        String text = stop(lead) + (baseUrl != null ? " " + baseUrl + "." : "") + original;
        String id = "bitext-" + Texts.shortHash(title + "|" + baseUrl, 6)
                + (meta.published() != null ? "-" + meta.published().substring(0, 4) : "");
        edition = new CitationView(text, bibtex(id, editors, title, meta.published(), baseUrl, original.trim()), id, title,
                editors, dateParts(meta.published()), baseUrl,
                source.author() == null ? List.of() : List.of(source.author()), dateParts(sourceDate), source.url());
    }

    /** What every turn's citation starts with: editors, title, date. */
    String lead() {
        return lead;
    }

    /** What every turn's citation ends with: the source's author, date and URL (empty when unknown). */
    String original() {
        return original;
    }

    CitationView edition() {
        return edition;
    }

    /** The citation of one turn: the edition's, its number and its permalink (relative without a base URL). */
    String turn(int number, String url) {
        return lead + ", turn " + number + ". " + (baseUrl != null ? baseUrl + url : url) + "." + original;
    }

    /** The text ended with one full stop ("n.d." has its own). */
    private static String stop(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private static String names(List<String> editors) {
        if (editors.size() <= 2) {
            return String.join(" and ", editors);
        }
        return String.join(", ", editors.subList(0, editors.size() - 1)) + " and " + editors.get(editors.size() - 1);
    }

    /** The day of the source's "发布时间" line ("2024-06-03 10:00" → "2024-06-03"), or null. */
    private static String sourceDate(String published) {
        if (published == null) {
            return null;
        }
        String d = published.trim();
        return d.matches("\\d{4}-\\d{2}-\\d{2}.*") ? d.substring(0, 10) : d.matches("\\d{4}(-\\d{2})?") ? d : null;
    }

    /** CSL date parts of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when there is no date. */
    private static List<Integer> dateParts(String date) {
        if (date == null) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String p : date.split("-")) {
            out.add(Integer.parseInt(p));
        }
        return List.copyOf(out);
    }

    private static String bibtex(String id, List<String> editors, String title, String published, String url, String note) {
        StringBuilder b = new StringBuilder("@misc{").append(id).append(",\n");
        if (!editors.isEmpty()) {
            field(b, "editor", String.join(" and ", editors));
        }
        field(b, "title", title);
        if (published != null) {
            field(b, "year", published.substring(0, 4));
            field(b, "date", published);
        }
        if (url != null) {
            field(b, "url", url);
        }
        if (!note.isEmpty()) {
            field(b, "note", note);
        }
        return b.append("}").toString();
    }

    /** A BibTeX field; the characters BibTeX gives a meaning are escaped so any text stays one value. */
    private static void field(StringBuilder b, String name, String value) {
        if (name.equals("url")) {
            // read verbatim by BibTeX; an http(s) URL Bitext accepted holds no brace
            b.append("  url = {").append(value).append("},\n");
            return;
        }
        StringBuilder v = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '{', '}', '%', '&', '$', '#', '_' -> v.append('\\').append(c);
                case '\\' -> v.append("\\textbackslash{}");
                case '\n', '\r' -> v.append(' ');
                default -> v.append(c);
            }
        }
        b.append("  ").append(name).append(" = {").append(v).append("},\n");
    }
}
