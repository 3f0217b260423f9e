package org.bitext.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.check.SiteUrl.Resolved;
import org.bitext.check.SiteUrl.Target;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.edition.Edition;
import org.bitext.edition.Note;
import org.bitext.edition.Section;
import org.bitext.edition.Speaker;
import org.bitext.edition.Term;
import org.bitext.edition.Turn;
import org.bitext.text.Bilingual;
import org.bitext.render.Markdown;
import org.bitext.render.Markdown.Links;
import org.bitext.render.Markdown.Reading;
import org.bitext.render.Markdown.TooDeep;
import org.bitext.text.Nesting;

/**
 * Checks every Markdown text an editor wrote (notes, reasons, the introduction, speakers' about,
 * glossary notes) once each, and reports a problem at its entry in edition.yaml, not at every page that
 * shows it: nesting too deep to render, and site links that are malformed or lead nowhere.
 */
public final class MarkdownLinks {
    private final Diagnostics diags;
    private final Markdown markdown;

    /** A check reading each text with {@code markdown} (which reads a text once for both checks, or once per edit in {@code serve}). */
    public MarkdownLinks(Diagnostics diags, Markdown markdown) {
        this.diags = diags;
        this.markdown = markdown;
    }

    private Reading read(String text) {
        return markdown.reading(text);
    }

    /** One Markdown text, where it is written and how a message names it. */
    private record Field(String text, Position at, String where) {
    }

    private static List<Field> fields(Edition edition) {
        List<Field> out = new ArrayList<>();
        for (Note n : edition.notes().values()) {
            out.add(new Field(n.markdown(), n.position(), "note '" + n.id() + "'"));
        }
        for (Section s : edition.sections()) {
            for (Turn t : s.turns()) {
                if (!t.interventions().isEmpty()) {
                    out.add(new Field(t.interventions().get(0).reason(), t.position(), "the reason of turn '" + t.id() + "'"));
                }
            }
        }
        bilingual(out, edition.meta().introduction(), edition.meta().position(), "the introduction");
        for (Speaker s : edition.speakers()) {
            bilingual(out, s.about(), s.position(), "the about of speaker '" + s.id() + "'");
        }
        for (Term t : edition.glossary()) {
            out.add(new Field(t.note(), t.position(), "the note of glossary term '" + t.zh() + "'"));
        }
        out.removeIf(f -> f.text() == null);
        return out;
    }

    private static void bilingual(List<Field> out, Bilingual text, Position at, String where) {
        if (text != null) {
            out.add(new Field(text.zh(), at, where));
            out.add(new Field(text.en(), at, where));
        }
    }

    /** Refuses a text nested too deeply to render (it is rendered as nothing); before the pages are made. */
    public void checkNesting(Edition edition) {
        for (Field f : fields(edition)) {
            if (read(f.text()) instanceof TooDeep) {
                diags.error(f.at(), "Markdown nested more than " + Nesting.MAX + " levels deep in " + f.where(),
                        "quotes, lists, emphasis and links may nest at most " + Nesting.MAX + " levels");
            }
        }
    }

    /**
     * @param files every file of the site
     * @param pages the link-check facts (ids) of each page
     */
    public void check(Edition edition, Set<String> files, Map<String, LinkChecker.PageFacts> pages) {
        for (Field f : fields(edition)) {
            if (read(f.text()) instanceof Links links) {
                for (String link : links.malformed()) {
                    diags.error(f.at(), "malformed link '" + link + "' in " + f.where());
                }
                for (String link : links.site()) {
                    check(link, f, files, pages);
                }
            }
        }
    }

    private void check(String link, Field f, Set<String> files, Map<String, LinkChecker.PageFacts> pages) {
        Resolved r = SiteUrl.resolve("", link);
        if (!(r instanceof Target t)) {
            diags.error(f.at(), "malformed link '" + link + "' in " + f.where());
        } else if (t.outsideRoot() || !files.contains(t.path())) {
            diags.error(f.at(), "broken link '" + link + "' in " + f.where() + ": the site has no " + t.path(),
                    "links in Markdown are relative to the site root, e.g. glossary.html or sections/<id>.html#<turn-id>");
        } else if (t.fragment() != null && t.path().endsWith(".html")
                && (pages.get(t.path()) == null || !pages.get(t.path()).ids().contains(t.fragment()))) {
            diags.error(f.at(), "broken link '" + link + "' in " + f.where() + ": " + t.path() + " has no id \"" + t.fragment() + "\"");
        }
    }
}
