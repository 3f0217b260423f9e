package org.bitext.view;

/** One section's file of the EPUB: the section, and the book for the turns' numbers. */
public record EpubSection(EpubBook book, SectionView section) implements PageView {
}
