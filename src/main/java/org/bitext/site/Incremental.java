package org.bitext.site;

import java.nio.file.Path;
import java.util.Set;
import org.bitext.check.LinkChecker;
import org.bitext.output.PageOut;
import org.bitext.render.Renderer;
import org.bitext.view.Page;

/**
 * What the site renderer may take from the build before: the preview server keeps it ({@link
 * BuildSession}) so that a save makes again only the files it changed. One-off builds have none.
 */
public interface Incremental {
    /** Keeps nothing, reuses nothing. */
    Incremental NONE = new Incremental() {
    };

    /**
     * The bytes the file of {@code page} had in the last build when it would come out the same: its
     * model equals the last one and {@code renderer} (its templates) is the same. Null when it must be made.
     */
    default byte[] reuse(Page page, Renderer renderer) {
        return null;
    }

    /** Every path the build under way makes. */
    default void willMake(Set<String> paths) {
    }

    /** True when the output folder {@code out} already holds this file, as the last build wrote it. */
    default boolean unchanged(Path out, String path, PageOut file) {
        return false;
    }

    /** The link-check facts of an unchanged page, if they are still valid for a site with these paths; or null. */
    default LinkChecker.PageFacts facts(String path, Set<String> paths) {
        return null;
    }

    /** A file the build under way made ({@code page} null when no template made it), for the next build. */
    default void made(String path, Page page, Renderer renderer, PageOut file, LinkChecker.PageFacts facts) {
    }
}
