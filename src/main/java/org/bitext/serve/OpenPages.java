package org.bitext.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pages readers have open, and the new versions of them served ahead of the rest of a rebuild.
 *
 * <p>A page is open when a live-reload stream listens from it, or when it is among the last few pages
 * requested. A rebuild makes these pages first, and the preview serves each one the moment it is made
 * (after checking that the inputs are still what the rebuild read), before the rest of the site is
 * made and its links checked. When the rebuild is then served whole, these pages are the same files in
 * the new folder; when it fails or is dropped, they are withdrawn and the last good site is served again.
 * Paths are relative to the output folder ("index.html", "sections/opening.html").
 */
final class OpenPages {
    /** How many of the most recently requested pages count as open. */
    static final int RECENT = 4;
    /** A rebuild makes at most so many pages ahead of the rest. */
    static final int AT_MOST = 8;

    private final Map<String, Integer> listening = new HashMap<>();
    private final LinkedHashMap<String, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);

    /** The build whose pages are served ahead of it (null: none), and those pages. */
    private String aheadBuild;
    private final Map<String, byte[]> ahead = new HashMap<>();

    /** A page was served. */
    synchronized void requested(String page) {
        recent.put(page, Boolean.TRUE);
        if (recent.size() > RECENT) {
            recent.remove(recent.keySet().iterator().next());
        }
    }

    /** A live-reload stream starts listening from {@code page}. */
    synchronized void listening(String page) {
        listening.merge(page, 1, Integer::sum);
    }

    /** That stream has ended. */
    synchronized void left(String page) {
        listening.computeIfPresent(page, (p, n) -> n == 1 ? null : n - 1);
    }

    /** The pages a rebuild makes first: the most recently requested first, then those still listening. */
    synchronized List<String> now() {
        List<String> newestFirst = new ArrayList<>(recent.keySet());
        Collections.reverse(newestFirst);
        Set<String> pages = new LinkedHashSet<>(newestFirst);
        pages.addAll(new TreeSet<>(listening.keySet()));
        return pages.stream().limit(AT_MOST).toList();
    }

    /** Serves {@code bytes} as {@code page} until build {@code build} is served whole or withdrawn. */
    synchronized void serveAhead(String build, String page, byte[] bytes) {
        if (!build.equals(aheadBuild)) {
            ahead.clear();
            aheadBuild = build;
        }
        ahead.put(page, bytes);
    }

    /** A page served ahead: the build it belongs to, and its bytes. */
    record Served(String build, byte[] bytes) {
    }

    /** What is served ahead as {@code page}, or null. */
    synchronized Served ahead(String page) {
        byte[] bytes = ahead.get(page);
        return bytes == null ? null : new Served(aheadBuild, bytes);
    }

    /** The build {@code page} (null for none) is served from: the one under way if it was served ahead, else {@code served}. */
    synchronized String buildOf(String page, String served) {
        return ahead.containsKey(page) ? aheadBuild : served;
    }

    /** The pages served ahead of {@code build}, no longer served ahead (it is served whole now, or never). */
    synchronized Set<String> withdraw(String build) {
        if (!build.equals(aheadBuild)) {
            return Set.of();
        }
        Set<String> pages = Set.copyOf(ahead.keySet());
        ahead.clear();
        aheadBuild = null;
        return pages;
    }
}
