package org.bitext.view;

import java.util.List;

/**
 * The EPUB edition: where it goes in the site, the time written on its zip entries (that of
 * dcterms:modified) and each file inside it with the template that makes it.
 */
public record EpubFiles(String path, String modified, List<Page> files) {
}
