package org.bitext.view;

/**
 * Everything a template can read while it makes the file at {@code path}: the edition's frame, the
 * page, the way back to the site root ({@code ""} or {@code "../"}) and the page's canonical URL (null
 * without a base URL). Two equal models make the same file with the same templates.
 */
public record PageModel(SiteView site, PageView page, String path, String root, String canonical) {
}
