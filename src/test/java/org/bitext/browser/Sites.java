package org.bitext.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bitext.TestSupport;
import org.bitext.output.Publisher;

/** The sites under test, each built once per test JVM: the mini fixture, and the real edition when content/ has one. */
final class Sites {
    static final Path REAL_CONTENT = Path.of("content");

    private static Path mini;
    private static Optional<Path> real;

    private Sites() {
    }

    /** The mini fixture (every feature, small and stable): what behaviour tests run against. */
    static synchronized Path mini() {
        if (mini == null) {
            mini = build(TestSupport.MINI, "mini");
        }
        return mini;
    }

    /** The real edition, if content/edition.yaml exists and builds; a broken one is reported loudly, not hidden. */
    static synchronized Optional<Path> real() {
        if (real == null) {
            real = Optional.empty();
            if (Files.isRegularFile(REAL_CONTENT.resolve("edition.yaml"))) {
                try {
                    real = Optional.of(build(REAL_CONTENT, "real"));
                } catch (AssertionError e) {
                    System.err.println("\n*** content/ does not build; browser checks of the real edition are skipped ***\n"
                            + e.getMessage());
                }
            }
        }
        return real;
    }

    private static Path build(Path content, String name) {
        try {
            Path folder = Files.createTempDirectory("bitext-" + name + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder))); // served until the JVM exits
            Path out = folder.resolve("site");
            TestSupport.Run run = TestSupport.cli("build", "--content", content.toString(),
                    "--templates", TestSupport.TEMPLATES.toString(), "--out", out.toString());
            if (run.code() != 0) {
                throw new AssertionError("building " + content + " failed (" + run.code() + "):\n" + run.out() + run.err());
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Deletes a folder the tests made, at the end of the run: a failure is reported, not thrown. */
    static void deleteQuietly(Path folder) {
        try {
            Publisher.deleteTree(folder);
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }

    /** Every HTML page of a built site, relative paths with '/', sorted. */
    static List<String> pages(Path site) {
        List<String> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.toString().endsWith(".html"))
                    .forEach(p -> pages.add(site.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        pages.sort(null);
        return pages;
    }
}
