package org.bitext.view;

import java.util.List;

/** sitemap.xml and robots.txt: the paths of the pages search engines may index. */
public record SitemapPage(List<String> paths) implements PageView {
}
