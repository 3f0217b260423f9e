package org.bitext.view;

/** Safe HTML from an editor's Markdown, supplied by the renderer. */
public interface MarkdownHtml {
    /** Paragraphs and lists. */
    String block(String markdown);

    /** Without the wrapping paragraph of a single-paragraph text. */
    String inline(String markdown);

    /** {@link #block} of Chinese text (Latin words inside emphasis are marked). */
    String blockZh(String markdown);

    /** {@link #inline} of Chinese text. */
    String inlineZh(String markdown);
}
