package org.bitext.view;

/** Safe HTML from an editor's Markdown, supplied by the renderer. */
public interface MarkdownHtml {
    /** Paragraphs and lists. */
    String block(String markdown);

    /** Without the wrapping paragraph of a single-paragraph text. */
    String inline(String markdown);

    /** HTML of Chinese text, with Latin words inside emphasis marked. */
    String chinese(String html);
}
