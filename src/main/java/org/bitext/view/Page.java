package org.bitext.view;

/** One file of the site made by a template: where it goes, which template makes it, and from what. */
public record Page(String path, String template, PageModel model) {
}
