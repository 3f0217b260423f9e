package org.bitext.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bitext.TestSupport;
import org.bitext.serve.Preview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the user made is ever lost: an output folder that is, holds or lies inside the user's work
 * is refused before anything is written; a folder Bitext did not make is replaced only with --force;
 * what interrupted runs left is repaired or removed; and a site is never reported failed once it is
 * in place.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    /** A project as a user has it: content, templates, static files, a pom, a .git, notes of their own. */
    private Path project() throws IOException {
        Path p = tmp.resolve("home/project");
        TestSupport.copyMini(p.resolve("content"));
        Preview.copyTree(TestSupport.TEMPLATES, p.resolve("templates"));
        Files.createDirectories(p.resolve(".git"));
        Files.writeString(p.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(p.resolve("pom.xml"), "<project/>\n");
        Files.writeString(p.resolve("notes.txt"), "precious\n");
        Files.createDirectories(p.resolve("static"));
        Files.writeString(p.resolve("static/CNAME"), "edition.example.org\n");
        Files.createDirectories(tmp.resolve("home/.ssh"));
        Files.writeString(tmp.resolve("home/.ssh/id_rsa"), "secret\n");
        return p;
    }

    private static TestSupport.Run build(Path project, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--content", project.resolve("content").toString(),
                "--templates", project.resolve("templates").toString()));
        args.addAll(List.of(more));
        return TestSupport.cli(args.toArray(String[]::new));
    }

    /** Every file, folder and symlink under {@code root}, with its bytes or where it points. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                all.put(root.relativize(dir) + "/", "folder");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                all.put(root.relativize(file).toString(), attrs.isSymbolicLink()
                        ? "-> " + Files.readSymbolicLink(file)
                        : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                return FileVisitResult.CONTINUE;
            }
        });
        return all;
    }

    @Test
    void everyForbiddenOutputFolderIsRefusedAndNoUserFileChanges() throws Exception {
        Path project = project();
        Path home = tmp.resolve("home");
        Files.createSymbolicLink(tmp.resolve("to-content"), project.resolve("content"));
        Files.createSymbolicLink(tmp.resolve("to-project"), project);
        Files.createSymbolicLink(tmp.resolve("to-notes"), project.resolve("notes.txt"));
        Files.createDirectories(tmp.resolve("elsewhere/repo/.git"));
        List<String> targets = List.of(
                project.toString(),                                        // the project (pom.xml, .git, content/)
                project.resolve("content").toString(),
                project.resolve("templates").toString(),
                project.resolve("static").toString(),
                project.resolve("content/site").toString(),                // inside the content
                project.resolve("templates/assets/site").toString(),       // inside the templates
                project.resolve("content/../content").toString(),          // '..' resolved first
                home.toString(),                                           // holds the project (and .ssh)
                tmp.resolve("elsewhere").toString(),                       // holds another project
                project.resolve("notes.txt").toString(),                   // a regular file
                project.resolve("notes.txt/site").toString(),              // a folder under a file
                tmp.resolve("to-content").toString(),                      // symlinks to the same
                tmp.resolve("to-project").toString(),
                tmp.resolve("to-notes").toString(),
                "/");
        Map<String, String> before = snapshot(tmp);
        for (String target : targets) {
            for (String command : List.of("build", "check")) {
                TestSupport.Run r = TestSupport.cli(command, "--content", project.resolve("content").toString(),
                        "--templates", project.resolve("templates").toString(), "--out", target);
                assertEquals(2, r.code(), command + " --out " + target + ": " + r.out() + r.err());
                assertTrue(r.err().startsWith("bitext: refusing --out " + target + ": "), r.err());
                assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
                assertEquals(before, snapshot(tmp), command + " --out " + target + " changed a file");
            }
        }
        // serve refuses before it builds or listens (a preview that started would never return)
        for (String target : List.of(project.toString(), project.resolve("content").toString())) {
            TestSupport.Run r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> TestSupport.cli("serve",
                    "--content", project.resolve("content").toString(), "--templates",
                    project.resolve("templates").toString(), "--out", target, "--port", "0"));
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals(before, snapshot(tmp), "serve --out " + target + " changed a file");
        }
    }

    @Test
    void theWorkingFolderIsRefusedAsOutput() throws Exception {
        Path project = project();
        Map<String, String> before = snapshot(tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.bitext.cli.Main", "build", "--out", ".")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), output);
        assertTrue(output.startsWith("bitext: refusing --out .: "), output);
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void aFolderBitextDidNotMakeIsReplacedOnlyWithForce() throws Exception {
        Path project = project();
        Path out = tmp.resolve("public");
        Files.createDirectories(out.resolve("img"));
        Files.writeString(out.resolve("img/photo.jpg"), "a photo\n");
        TestSupport.Run refused = build(project, "--out", out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("--force") && refused.err().contains(OutputFolder.MARKER), refused.err());
        assertEquals("a photo\n", Files.readString(out.resolve("img/photo.jpg")));

        TestSupport.Run forced = build(project, "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("img")));
        assertArrayEquals(OutputFolder.MARKER_TEXT, Files.readAllBytes(out.resolve(OutputFolder.MARKER)));
        assertTrue(Files.isRegularFile(out.resolve("index.html")));

        TestSupport.Run again = build(project, "--out", out.toString()); // it is Bitext's now
        assertEquals(0, again.code(), again.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, build(project, "--out", empty.toString()).code(), "an empty folder holds nothing to lose");
    }

    @Test
    void aSiteMayHoldAFolderNamedContentButNotAGitRepository() throws Exception {
        Path project = project();
        Files.createDirectories(project.resolve("static/content"));
        Files.writeString(project.resolve("static/content/readme.txt"), "published as it is\n");
        Path out = project.resolve("site");
        assertEquals(0, build(project, "--out", out.toString()).code());
        TestSupport.Run again = build(project, "--out", out.toString());
        assertEquals(0, again.code(), "content/ from static/ does not make the site a project: " + again.err());

        Files.createDirectories(out.resolve(".git")); // a clone of the gh-pages branch made in the site
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        TestSupport.Run refused = build(project, "--out", out.toString(), "--force");
        assertEquals(2, refused.code(), refused.err());
        assertEquals("ref: refs/heads/gh-pages\n", Files.readString(out.resolve(".git/HEAD")));
    }

    @Test
    void theSiteFolderIsMadeLikeAnyOtherFolderNotAsAPrivateOne() throws Exception {
        Path project = project();
        Path out = project.resolve("site");
        assertEquals(0, build(project, "--out", out.toString()).code());
        Path plain = Files.createDirectory(project.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out),
                "a web server running as another user must be able to read the site");
    }

    @Test
    void aSymlinkToASiteFolderIsWrittenThroughNotReplaced() throws Exception {
        Path project = project();
        Path real = tmp.resolve("real-site");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertEquals(0, build(project, "--out", real.toString()).code());
        TestSupport.Run r = build(project, "--out", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the symlink is kept");
        assertTrue(Files.isRegularFile(real.resolve("index.html")));
    }

    @Test
    void staticFilesArePublishedVerbatimAndNothingOutsideTheFolder() throws Exception {
        Path project = project();
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff, 1, 2};
        Files.createDirectories(project.resolve("static/docs"));
        Files.write(project.resolve("static/docs/paper.pdf"), pdf);
        Files.writeString(project.resolve("static/.nojekyll"), "");
        Path out = project.resolve("site");
        TestSupport.Run r = build(project, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("edition.example.org\n", Files.readString(out.resolve("CNAME")));
        assertArrayEquals(pdf, Files.readAllBytes(out.resolve("docs/paper.pdf")));
        assertTrue(Files.isRegularFile(out.resolve(".nojekyll")));

        Map<String, String> site = snapshot(out);
        Path leak = Files.createSymbolicLink(project.resolve("static/key.txt"), tmp.resolve("home/.ssh/id_rsa"));
        TestSupport.Run refused = build(project, "--out", out.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains(leak.toString()) && refused.err().contains("outside the static folder"),
                refused.err());
        assertEquals(site, snapshot(out), "the site is unchanged");
        Files.delete(leak);

        Files.writeString(project.resolve("static/glossary.html"), "mine");
        TestSupport.Run collision = build(project, "--out", out.toString());
        assertEquals(1, collision.code(), collision.err());
        assertTrue(collision.err().contains("static file 'glossary.html'"), collision.err());
        Files.delete(project.resolve("static/glossary.html"));

        Path other = Files.createDirectories(tmp.resolve("pages-extra"));
        Files.writeString(other.resolve("CNAME"), "other.example.org\n");
        TestSupport.Run given = build(project, "--out", out.toString(), "--static", other.toString());
        assertEquals(0, given.code(), given.err());
        assertEquals("other.example.org\n", Files.readString(out.resolve("CNAME")));
        assertFalse(Files.exists(out.resolve("docs")), "only the static folder given is published");
        TestSupport.Run missing = build(project, "--out", out.toString(), "--static", tmp.resolve("no-such").toString());
        assertEquals(2, missing.code(), "a static folder named on purpose must exist: " + missing.err());
    }

    @Test
    void whatInterruptedRunsLeftIsRepairedOrRemovedAndOnlyThat() throws Exception {
        Path project = project();
        Path out = project.resolve("site");
        assertEquals(0, build(project, "--out", out.toString()).code());
        Map<String, String> site = snapshot(out);

        // a kill between the two renames of the swap: no site/, the old one aside, the new one staged
        Path old = project.resolve(".site.old-1234");
        Files.move(out, old);
        Path staged = Files.createDirectories(project.resolve(".site.new-5678/sections"));
        Files.write(project.resolve(".site.new-5678").resolve(OutputFolder.MARKER), OutputFolder.MARKER_TEXT);
        Files.writeString(staged.resolve("half.html"), "<p>half");
        Path killedEarly = Files.createDirectories(project.resolve(".site.new-0000")); // before its marker
        Path notOurs = Files.createDirectories(project.resolve(".site.old-mine"));
        Files.writeString(notOurs.resolve("keep.txt"), "the user's\n");

        // the next run repairs even when it then fails on its input
        Files.writeString(project.resolve("content/edition.yaml"), "edition: [\n", StandardCharsets.UTF_8);
        TestSupport.Run failed = build(project, "--out", out.toString());
        assertEquals(1, failed.code(), failed.err());
        assertEquals(site, snapshot(out), "the old site is back in place");
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(project.resolve(".site.new-5678")));
        assertFalse(Files.exists(killedEarly));
        assertEquals("the user's\n", Files.readString(notOurs.resolve("keep.txt")), "not ours: left alone");
    }

    @Test
    void aStagingFolderInUseByARunningBuildIsLeftAlone() throws Exception {
        Path out = tmp.resolve("site");
        try (Publisher running = Publisher.open(out)) {
            List<Path> staging = stagingFolders(tmp);
            assertEquals(1, staging.size());
            Publisher.repair(out);
            assertTrue(Files.isDirectory(staging.get(0)), "a running build's staging folder survives");
        }
        assertEquals(List.of(), stagingFolders(tmp));
    }

    private static List<Path> stagingFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".site.")).toList();
        }
    }

    @Test
    void anUnwritablePlaceIsAOneLineErrorNotACrash() throws Exception {
        Path project = project();
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        try (Unwritable u = Unwritable.make(locked)) {
            TestSupport.Run r = build(project, "--out", locked.resolve("site").toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().startsWith("bitext: cannot "), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
    }

    @Test
    void aFailureAfterTheSwapIsAWarningAndTheNextRunCleansUp() throws Exception {
        Path project = project();
        Path out = project.resolve("site");
        assertEquals(0, build(project, "--out", out.toString()).code());
        TestSupport.replaceIn(project.resolve("content/edition.yaml"), "en: Test edition", "en: Changed edition");
        try (Unwritable u = Unwritable.make(out.resolve("sections"))) {
            TestSupport.Run r = build(project, "--out", out.toString());
            assertEquals(0, r.code(), "the new site is in place: " + r.err());
            assertTrue(r.err().contains("the old one could not be deleted"), r.err());
            assertTrue(Files.readString(out.resolve("index.html")).contains("Changed"), "the new site");
            List<Path> left = stagingFolders(project);
            assertEquals(1, left.size(), left.toString());
            u.release(left.get(0).resolve("sections"));
        }
        TestSupport.Run next = build(project, "--out", out.toString());
        assertEquals(0, next.code(), next.err());
        assertEquals(List.of(), stagingFolders(project), "the next run deleted the old folder");
    }

    /**
     * A folder nothing can be written into or deleted from, for as long as the test needs it: by its
     * mode bits, or, for root (whom mode bits do not stop), by the immutable attribute.
     */
    private static final class Unwritable implements AutoCloseable {
        private Path folder;

        private Unwritable(Path folder) {
            this.folder = folder;
        }

        static Unwritable make(Path folder) throws Exception {
            Unwritable u = new Unwritable(folder);
            if ("root".equals(System.getProperty("user.name"))) {
                assumeTrue(run("chattr", "+i", folder.toString()) == 0, "chattr +i is not available here");
            } else {
                assumeTrue(folder.toFile().setWritable(false, false));
            }
            Path probe = folder.resolve("probe");
            boolean writable;
            try {
                Files.createFile(probe);
                Files.delete(probe);
                writable = true;
            } catch (IOException e) {
                writable = false;
            }
            if (writable) {
                u.close();
            }
            assumeTrue(!writable, "could not make a folder unwritable here");
            return u;
        }

        /** The folder moved (a rename keeps its attributes): let go of it at its new place. */
        void release(Path movedTo) throws Exception {
            folder = movedTo;
            close();
        }

        private static int run(String... command) throws Exception {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        }

        @Override
        public void close() throws Exception {
            if (folder == null) {
                return;
            }
            if ("root".equals(System.getProperty("user.name"))) {
                run("chattr", "-i", folder.toString());
            } else {
                folder.toFile().setWritable(true, true);
            }
            folder = null;
        }
    }
}
