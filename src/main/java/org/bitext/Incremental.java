package org.bitext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bitext.check.LinkChecker;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Position;
import org.bitext.edition.Edition;
import org.bitext.output.PageOut;
import org.bitext.output.Publisher;
import org.bitext.render.Markdown;
import org.bitext.render.Templates;
import org.bitext.transcript.Transcript;
import org.bitext.view.Page;

/**
 * What the site renderer may take from the build before: the preview server keeps it ({@link
 * BuildSession}) so that a save makes again only the files it changed. One-off builds have none.
 */
public interface Incremental {
    /** Keeps nothing, reuses nothing: a one-off build. */
    Incremental NONE = new Incremental() {
    };

    /** A build starts. */
    default void begin() {
    }

    /** The templates of {@code folder}: kept from the build before, or prepared now (parsed beside the reading of the inputs). */
    default Templates templates(Path folder) {
        return Templates.prepare(folder);
    }

    /** The Markdown renderer of the build. */
    default Markdown markdown() {
        return new Markdown();
    }

    /** The transcript an earlier build read from the same bytes with the same cut, or null. */
    default Transcript transcript(byte[] bytes, String cut, Position cutAt) {
        return null;
    }

    /** A transcript read without any message, for {@link #transcript} in the next build. */
    default void keepTranscript(byte[] bytes, String cut, Position cutAt, Transcript transcript) {
    }

    /** An edition as loaded from its two files, with the warnings the loading gave. */
    record Loaded(Edition edition, List<Diagnostic> warnings) {
    }

    /**
     * The edition an earlier build loaded from the same bytes of transcript.md and edition.yaml, read
     * as strictly, or null: after an edit of the templates alone the content need not be read again.
     */
    default Loaded loaded(byte[] transcript, byte[] yaml, boolean strict) {
        return null;
    }

    /** An edition loaded without errors, for {@link #loaded} in the next build. */
    default void keepLoaded(byte[] transcript, byte[] yaml, boolean strict, Loaded loaded) {
    }

    /** Swaps the staging folder of a good build in. */
    default void publish(Publisher publisher, Path out) throws IOException {
        publisher.swap();
    }

    /**
     * The bytes the file of {@code page} had in the last build when it would come out the same: its
     * model equals the last one and so does {@code templates}, the key of the templates it is made with
     * ({@link Templates.Loaded#key}). Null when it must be made.
     */
    default byte[] reuse(Page page, String templates) {
        return null;
    }

    /** The same for a file inside another one (a chapter of the EPUB), by its path there. */
    default byte[] reusePart(Page part, String templates) {
        return null;
    }

    /** A file inside another one that the build under way made, for {@link #reusePart} in the next build. */
    default void madePart(Page part, String templates, byte[] bytes) {
    }

    /** Pages to make before all others, in this order: those readers have open in the preview. */
    default List<String> first() {
        return List.of();
    }

    /** One of the pages {@link #first} names is made, with these bytes (the preview may serve it at once). */
    default void madeFirst(String path, byte[] bytes) {
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
    default void made(String path, Page page, String templates, PageOut file, LinkChecker.PageFacts facts) {
    }
}
