package org.bitext.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in theme: the default templates and assets, which Maven packages into the jar from the
 * repository's top-level {@code templates/} folder (their one source). A project's own templates
 * folder overrides it file by file.
 */
public final class Theme {
    /** Where the jar carries the theme. */
    public static final String RESOURCES = "/org/bitext/theme/";
    /** How a message names a file of the built-in theme (it is in no folder of the project). */
    public static final String LABEL = "(built-in theme)";
    /** Every file of the theme, by path relative to the templates folder (ThemeTest keeps it in step). */
    public static final List<String> FILES = List.of(
            "404.ftlh", "cite.ftlh", "edition.json.ftl", "glossary.ftlh", "index.ftlh", "layout.ftlh", "macros.ftlh",
            "names.ftlh", "notes.ftlh", "revisions.ftlh", "robots.txt.ftl", "section.ftlh", "sitemap.xml.ftlx", "speaker.ftlh", "topic.ftlh", "topics.ftlh",
            "transcript.ftlh", "assets/bitext.css", "assets/bitext.js", "assets/favicon.svg");

    private static volatile Map<String, byte[]> files;

    private Theme() {
    }

    /** The theme's files by relative path, read from the jar once. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> f = files;
        if (f == null) {
            Map<String, byte[]> read = new TreeMap<>();
            for (String name : FILES) {
                try (InputStream in = Theme.class.getResourceAsStream(RESOURCES + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar lacks the built-in theme's " + name);
                    }
                    read.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            files = f = Collections.unmodifiableMap(read);
        }
        return f;
    }
}
