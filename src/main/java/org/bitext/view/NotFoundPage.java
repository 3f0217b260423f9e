package org.bitext.view;

/** 404.html: served for any missing path, so its links start from the site's base path. */
public record NotFoundPage(String basePath) implements PageView {
}
