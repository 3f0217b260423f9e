package org.bitext.transcript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.text.Nesting;
import org.bitext.text.Texts;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads the published transcript (Markdown) through commonmark-java's syntax tree: headings start
 * sections, bold labels ending in a colon start turns, metadata lines become {@link SourceMeta}.
 */
public final class TranscriptReader {
    private static final Map<String, String> META_KEYS = Map.of(
            "文章作者", "author", "发布时间", "published", "发布地", "place", "原文链接", "url", "封面图链接", "cover");
    private static final Pattern META_LINE = Pattern.compile("^\\s*([^:：\\s]{1,12})\\s*[:：]\\s*(.*?)\\s*$");
    private static final Pattern LEADING_COLON = Pattern.compile("^[\\s]*[:：]\\s*");

    private final Parser parser = Nesting.parser().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /**
     * Reads {@code markdown} (already decoded, BOM removed). Everything from the heading whose text is
     * {@code endBefore} onwards is left out; a missing end marker is an error when one was asked for.
     */
    public Transcript read(String file, String markdown, String endBefore, Position endBeforeAt, Diagnostics diags) {
        if (markdown.isBlank()) {
            diags.error(Position.of(file), Path.of(file).getFileName()
                    + " is empty; it must hold the transcript as published");
            return new Transcript(file, new SourceMeta(null, null, null, null, null), List.of(), null);
        }
        Document doc = (Document) parser.parse(markdown);
        Map<String, String> meta = new LinkedHashMap<>();
        List<RawSection> sections = new ArrayList<>();
        SectionBuilder current = null;
        boolean bodyStarted = false;
        boolean endFound = endBefore == null;
        String end = endBefore == null ? null : Texts.normalize(endBefore);

        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            Position pos = position(file, node);
            Node deep = Nesting.tooDeep(node);
            if (deep != null) {
                diags.error(position(file, deep.getSourceSpans().isEmpty() ? node : deep),
                        "Markdown nested more than " + Nesting.MAX + " levels deep",
                        "quotes, lists, emphasis and links may nest at most " + Nesting.MAX + " levels");
                continue;
            }
            if (node instanceof Heading h) {
                String title = Texts.normalize(joined(h.getFirstChild()).text());
                if (end != null && title.equals(end)) {
                    endFound = true;
                    break;
                }
                if (current != null) {
                    sections.add(current.build());
                }
                current = new SectionBuilder(title, h.getLevel(), pos);
                continue;
            }
            if (node instanceof ThematicBreak || node instanceof HtmlBlock) {
                continue;
            }
            for (org.commonmark.node.Paragraph p : paragraphsIn(node)) {
                Position ppos = position(file, p);
                if (current == null) {
                    current = new SectionBuilder(null, 0, ppos);
                }
                if (isImageOnly(p)) {
                    current.omittedImages++;
                    continue;
                }
                if (!bodyStarted && readMeta(p, meta)) {
                    continue;
                }
                bodyStarted = true;
                Paragraph para = paragraph(file, p, ppos);
                if (!para.text().isEmpty() || para.label() != null) {
                    current.paragraphs.add(para);
                }
            }
        }
        if (current != null) {
            sections.add(current.build());
        }
        if (!endFound) {
            diags.error(endBeforeAt != null ? endBeforeAt : Position.of(file),
                    "end marker heading \"" + endBefore + "\" not found in " + file,
                    "source.end_before must be the exact text of the heading where the interview ends");
        }
        if (sections.stream().allMatch(s -> s.paragraphs().isEmpty())) {
            diags.error(Position.of(file), "the transcript has no paragraphs");
        }
        checkLink(file, markdown, meta, "url", diags);
        checkLink(file, markdown, meta, "cover", diags);
        SourceMeta sourceMeta = new SourceMeta(meta.get("author"), meta.get("published"), meta.get("place"),
                meta.get("url"), meta.get("cover"));
        return new Transcript(file, sourceMeta, List.copyOf(sections), null);
    }

    /**
     * The article's link and cover become links on every page: only an absolute http(s) URL is taken;
     * anything else (javascript:, data:, a relative path) is an error at its line and is dropped.
     */
    private static void checkLink(String file, String markdown, Map<String, String> meta, String key, Diagnostics diags) {
        String value = meta.get(key);
        if (value == null || value.matches("(?i)https?://[^\\s\"'<>]+")) {
            return;
        }
        meta.remove(key);
        String[] lines = markdown.split("\\R", -1);
        int line = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = META_LINE.matcher(lines[i]);
            if (m.matches() && key.equals(META_KEYS.get(m.group(1)))) {
                line = i + 1;
                break;
            }
        }
        String name = META_KEYS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst().orElse(key);
        diags.error(new Position(file, line, 1), name + " must be an absolute http(s) URL, found '" + Texts.clip(value, 60) + "'");
    }

    /** Paragraphs of a block: itself, or those nested in a list or quote (their text is still the transcript). */
    private static List<org.commonmark.node.Paragraph> paragraphsIn(Node block) {
        List<org.commonmark.node.Paragraph> out = new ArrayList<>();
        if (block instanceof org.commonmark.node.Paragraph p) {
            out.add(p);
        } else if (block instanceof Block) {
            for (Node c = block.getFirstChild(); c != null; c = c.getNext()) {
                out.addAll(paragraphsIn(c));
            }
        }
        return out;
    }

    private static boolean isImageOnly(org.commonmark.node.Paragraph p) {
        boolean image = false;
        for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Image) {
                image = true;
            } else if (!(c instanceof SoftLineBreak || c instanceof HardLineBreak
                    || c instanceof Text t && t.getLiteral().isBlank())) {
                return false;
            }
        }
        return image;
    }

    /** Metadata paragraphs are made only of {@code 键: 值} lines with known keys. */
    private static boolean readMeta(org.commonmark.node.Paragraph p, Map<String, String> meta) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                lines.add(line.toString());
                line.setLength(0);
            } else if (c instanceof Text t) {
                line.append(t.getLiteral());
            } else {
                return false;
            }
        }
        lines.add(line.toString());
        Map<String, String> found = new LinkedHashMap<>();
        for (String l : lines) {
            Matcher m = META_LINE.matcher(l);
            if (!m.matches() || !META_KEYS.containsKey(m.group(1))) {
                return false;
            }
            found.put(META_KEYS.get(m.group(1)), m.group(2));
        }
        meta.putAll(found);
        return true;
    }

    private static Paragraph paragraph(String file, org.commonmark.node.Paragraph p, Position pos) {
        Node first = p.getFirstChild();
        String label = null;
        Node rest = first;
        boolean colonOutside = false;
        if (first instanceof StrongEmphasis strong) {
            String strongText = Texts.normalize(joined(strong.getFirstChild()).text());
            Node after = strong.getNext();
            if (strongText.endsWith("：") || strongText.endsWith(":")) {
                label = strongText.substring(0, strongText.length() - 1).trim();
                rest = after;
            } else if (after instanceof Text t && LEADING_COLON.matcher(t.getLiteral()).lookingAt()) {
                // **主持人**： with the colon outside the bold
                label = strongText;
                rest = after;
                colonOutside = true;
            }
        }
        String text = Texts.normalize(joined(rest).text());
        if (colonOutside) {
            // **主持人**： the colon outside the bold belongs to the label
            text = LEADING_COLON.matcher(text).replaceFirst("");
        }
        if (label != null) {
            // A stray colon after the label ("**主持人：**\n：那么") is punctuation, not text.
            text = LEADING_COLON.matcher(text).replaceFirst("");
        }
        return new Paragraph(text, label == null || label.isEmpty() ? null : label, pos, label == null ? null : pos);
    }

    /** The text of {@code first} and the nodes after it. */
    private static Joined joined(Node first) {
        Joined out = new Joined();
        for (Node c = first; c != null; c = c.getNext()) {
            appendInline(c, out);
        }
        return out;
    }

    private static void appendInline(Node node, Joined out) {
        if (node instanceof Text t) {
            out.append(t.getLiteral());
        } else if (node instanceof Code code) {
            out.append(code.getLiteral());
        } else if (node instanceof HtmlInline html) {
            out.append(html.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.lineBreak();
        } else if (node instanceof Image) {
            // images are not reproduced (no hotlinking); their alt text is not part of the spoken text
        } else {
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                appendInline(c, out);
            }
        }
    }

    private static Position position(String file, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans == null || spans.isEmpty()) {
            return Position.of(file);
        }
        SourceSpan s = spans.get(0);
        return new Position(file, s.getLineIndex() + 1, s.getColumnIndex() + 1);
    }

    /**
     * Text with line breaks joined the way the language wants: nothing between two CJK characters,
     * one space between Latin words ("AI for⏎Good" → "AI for Good").
     */
    private static final class Joined {
        private final StringBuilder sb = new StringBuilder();
        private boolean pendingBreak;

        void append(String s) {
            if (s.isEmpty()) {
                return;
            }
            if (pendingBreak) {
                pendingBreak = false;
                String trimmed = s.stripLeading();
                int len = sb.length();
                while (len > 0 && Character.isWhitespace(sb.charAt(len - 1))) {
                    len--;
                }
                sb.setLength(len);
                if (len > 0 && !trimmed.isEmpty()) {
                    int before = sb.codePointBefore(len);
                    int after = trimmed.codePointAt(0);
                    if (!Texts.isCjk(before) && !Texts.isCjk(after)) {
                        sb.append(' ');
                    }
                }
                sb.append(trimmed);
                return;
            }
            sb.append(s);
        }

        void lineBreak() {
            pendingBreak = true;
        }

        String text() {
            return sb.toString();
        }
    }

    private static final class SectionBuilder {
        final String heading;
        final int level;
        final Position pos;
        final List<Paragraph> paragraphs = new ArrayList<>();
        int omittedImages;

        SectionBuilder(String heading, int level, Position pos) {
            this.heading = heading;
            this.level = level;
            this.pos = pos;
        }

        RawSection build() {
            return new RawSection(heading, level, pos, List.copyOf(paragraphs), omittedImages);
        }
    }
}
