package org.bitext.render;

import org.bitext.view.MarkdownHtml;

/** The view's HTML of an editor's Markdown, from a {@link Markdown} renderer. */
public record ViewHtml(Markdown markdown) implements MarkdownHtml {
    @Override
    public String block(String text) {
        return markdown.block(text);
    }

    @Override
    public String inline(String text) {
        return markdown.inline(text);
    }

    @Override
    public String blockZh(String text) {
        return markdown.blockZh(text);
    }

    @Override
    public String inlineZh(String text) {
        return markdown.inlineZh(text);
    }
}
