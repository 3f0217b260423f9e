package org.bitext.view;

import java.util.List;
import java.util.Map;
import org.bitext.text.Bilingual;

/**
 * The EPUB edition, given as {@code page} to the templates under {@code epub/} that make its package
 * document, navigation, title page, glossary and index of names. {@code numbers}: each turn's number
 * by turn id (1…N in reading order, splits counted).
 */
public record EpubBook(String identifier, String modified, Bilingual introduction, List<EpubPart> toc,
        Map<String, Integer> numbers, List<TermView> glossary, List<EpubNameGroup> names) implements PageView {
}
