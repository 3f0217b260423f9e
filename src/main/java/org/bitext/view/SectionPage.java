package org.bitext.view;

/** sections/ID.html: one section, with links to the sections before and after it. */
public record SectionPage(SectionView section, SectionRef prev, SectionRef next) implements PageView {
}
