package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/**
 * The EPUB edition, given as {@code page} to the templates under {@code epub/} that make its package
 * document, navigation, title page, glossary and index of names.
 */
public record EpubBook(String identifier, String modified, Bilingual introduction, List<TocGroup> toc,
        List<TermView> glossary, List<NameGroup> names) implements PageView {
}
