package org.bitext.view;

import java.util.List;

/**
 * How to cite the edition: plain text, a BibTeX entry, and the parts of its CSL-JSON item. Dates are
 * given as CSL date parts ([year], [year, month] or [year, month, day]); lists are empty when unknown.
 */
public record CitationView(String text, String bibtex, String id, String title, List<String> editors,
        List<Integer> issued, String url, List<String> originalAuthors, List<Integer> originalDate, String originalUrl) {
}
