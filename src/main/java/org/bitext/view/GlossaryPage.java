package org.bitext.view;

import java.util.List;

/** glossary.html: the glossary, by pinyin. */
public record GlossaryPage(List<TermView> terms) implements PageView {
}
