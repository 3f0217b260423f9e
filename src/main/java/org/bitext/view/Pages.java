package org.bitext.view;

/** Where each kind of page lives in the output; every link between pages is made relative from these. */
public final class Pages {
    private Pages() {
    }

    public static String section(String id) {
        return "sections/" + id + ".html";
    }

    public static String topic(String id) {
        return "topics/" + id + ".html";
    }

    public static String speaker(String id) {
        return "speakers/" + id + ".html";
    }

    public static final String HOME = "index.html";
    public static final String TRANSCRIPT = "transcript.html";
    public static final String TOPICS = "topics/index.html";
    public static final String GLOSSARY = "glossary.html";
    public static final String NOTES = "notes.html";
    public static final String NOT_FOUND = "404.html";
    public static final String CITE = "cite.html";
    public static final String REVISIONS = "revisions.html";
    public static final String NAMES = "names.html";

    /** The prefix that leads from a page back to the site's root ("" or "../"). */
    public static String root(String page) {
        int depth = page.length() - page.replace("/", "").length();
        return "../".repeat(depth);
    }
}
