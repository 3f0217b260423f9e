package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bitext serve} command line. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpNamesPortAndHostAndTheLoopbackDefault() {
        TestSupport.Run run = TestSupport.cli("serve", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("--port=N"), run.out());
        assertTrue(run.out().contains("--host=H"), run.out());
        assertTrue(run.out().contains("default: 127.0.0.1"), run.out());
        assertTrue(run.out().contains("--content=DIR"), "serve takes the build options too: " + run.out());
    }

    @Test
    void aPortInUseIsAClearErrorNotAStackTrace() throws Exception {
        Path content = TestSupport.copyMini(dir.resolve("content"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TestSupport.Run run = TestSupport.cli("serve", "--port", String.valueOf(taken.getLocalPort()),
                    "--content", content.toString(), "--templates", TestSupport.TEMPLATES.toString(),
                    "--out", dir.resolve("site").toString());
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
        }
    }
}
