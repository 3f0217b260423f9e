package org.bitext.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stands where a content file or the content folder should be is named, not called "not found". */
class SourceFilesTest {
    @TempDir
    Path dir;

    private String refused(Path file) {
        SourceFile.Refused r = assertInstanceOf(SourceFile.Refused.class, SourceFiles.read(file));
        return r.line() + ":" + r.column() + ": " + r.message().replace(dir + "/", "");
    }

    @Test
    void aFileIsReadAsItsTextWithoutAByteOrderMark() throws Exception {
        Path file = Files.write(dir.resolve("edition.yaml"), "\uFEFFtitle: 标题\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("title: 标题\n", assertInstanceOf(SourceFile.Text.class, SourceFiles.read(file)).text());
    }

    @Test
    void whatIsThereInsteadOfAFileIsNamed() throws Exception {
        assertEquals("1:1: file not found: " + dir.resolve("edition.yaml"), refused(dir.resolve("edition.yaml"))
                .replace("file not found: ", "file not found: " + dir + "/"));
        Files.createDirectory(dir.resolve("folder.yaml"));
        assertEquals("1:1: folder.yaml is a directory, not a file", refused(dir.resolve("folder.yaml")));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
        assertEquals("1:1: loop.yaml is a symbolic link that leads back to itself (a loop)", refused(loop));
        Path device = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertEquals("1:1: zero.yaml is not a regular file", refused(device));
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nothing-here"));
        assertEquals("1:1: file not found: gone.yaml", refused(dangling));
    }

    @Test
    void aPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (!mkfifo.waitFor(30, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            return; // no mkfifo here: nothing to test
        }
        assertEquals("1:1: fifo.yaml is not a regular file", refused(fifo));
    }

    @Test
    void theContentFolderIsCheckedTheSameWay() throws Exception {
        assertNull(SourceFiles.folderProblem(dir, "content folder"));
        assertEquals("content folder does not exist: " + dir.resolve("none"), SourceFiles.folderProblem(dir.resolve("none"),
                "content folder"));
        Path file = Files.writeString(dir.resolve("content"), "not a folder");
        assertEquals("content folder " + file + " is not a folder", SourceFiles.folderProblem(file, "content folder"));
        Path loop = Files.createSymbolicLink(dir.resolve("looped"), dir.resolve("looped"));
        assertEquals("content folder " + loop + " is a symbolic link that leads back to itself (a loop)",
                SourceFiles.folderProblem(loop, "content folder"));
    }

    @Test
    void aCharacterNoTextMayHoldIsRefusedAtItsPlaceAndNamed() throws Exception {
        String[][] cases = {{"a: b\nc: d\u001be\n", "2:5", "U+001B ESC"}, {"x\r\ny\u007f", "2:2", "U+007F DEL"},
            {"x\ry: \uFFFE", "2:4", "U+FFFE (a noncharacter)"}, {"\uFEFF\u0000", "1:1", "U+0000 NUL"},
            {"ok \u0085 and \uD83D\uDE00 then \u0090", "1:18", "U+0090 (a control character)"}};
        for (String[] c : cases) {
            Path file = Files.write(dir.resolve("t.md"), c[0].getBytes(StandardCharsets.UTF_8));
            assertEquals(c[1] + ": t.md holds the character " + c[2] + ", which a text file may not hold", refused(file));
        }
        assertEquals("U+D800 (a lone surrogate, half of a character)", SourceFiles.describe(0xD800));
    }

    @Test
    void aBadByteIsRefusedAtItsLineAndColumn() throws Exception {
        byte[] bytes = {'a', '\n', (byte) 0xE6, (byte) 0xB5, (byte) 0x8B, 'b', (byte) 0xC0, (byte) 0xAF, '\n'};
        Path file = Files.write(dir.resolve("e.yaml"), bytes);
        assertEquals("2:3: e.yaml is not valid UTF-8 (byte 0xC0 at offset 6)", refused(file));
    }

    @Test
    void aFileOverTheLimitIsNotRead() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Limits.MAX_INPUT_BYTES + 1); // sparse: takes no room
        }
        assertEquals("1:1: big.yaml is 64.0 MB; the limit is 64 MB, so it was not read", refused(big));
    }
}
