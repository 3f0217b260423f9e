package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only this machine's names pass the Host check, whatever address the preview listens on (DNS rebinding). */
class HostCheckTest {
    @TempDir
    Path dir;

    private static final String[] FOREIGN = {"evil.example", "evil.example:8000", "127.0.0.1.evil.example:8000",
        "localhost.", "", "127.0.0.1 evil.example", "0.0.0.0", "127.0.0.1:evil", "[::1]evil", "256.0.0.1", "localhost.evil.example"};

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "127.0.0.2", "::"})
    void foreignNamesAreRefusedOnEveryBindAddress(String bind) throws Exception {
        HostCheck check = HostCheck.forServer(bind, InetAddress.getByName(bind));
        for (String host : FOREIGN) {
            assertFalse(check.allows(host), bind + " let " + host + " through");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "127.0.0.2", "::"})
    void loopbackNamesAndAddressesPassOnEveryBindAddress(String bind) throws Exception {
        HostCheck check = HostCheck.forServer(bind, InetAddress.getByName(bind));
        for (String host : new String[] {"localhost", "LOCALHOST:8000", "127.0.0.1:8000", "127.0.0.2:8000", "127.1.2.3",
            "[::1]:8000", "[0:0:0:0:0:0:0:1]"}) {
            assertTrue(check.allows(host), bind + " refused " + host);
        }
        assertTrue(check.allows(null), "an HTTP/1.0 request without Host");
    }

    @Test
    void onEveryInterfaceThisMachinesAddressesPass() throws Exception {
        HostCheck check = HostCheck.forServer("0.0.0.0", InetAddress.getByName("0.0.0.0"));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                String literal = a.getHostAddress().replaceFirst("%.*", "");
                String host = literal.contains(":") ? "[" + literal + "]:8000" : literal + ":8000";
                assertTrue(check.allows(host), host);
            }
        }
    }

    @Test
    void aPreviewOnAnotherLoopbackAddressAnswersItsOwnAddress() throws Exception {
        try (Preview preview = Preview.listening(dir, "127.0.0.2")) {
            int port = preview.server.address().getPort();
            String answer = preview.raw("GET /mini/index.html HTTP/1.1\r\nHost: 127.0.0.2:" + port + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, Preview.status(answer), answer.substring(0, Math.min(200, answer.length())));
        }
    }

    @Test
    void aPreviewOnEveryInterfaceStillRefusesAForeignName() throws Exception {
        try (Preview preview = Preview.listening(dir, "0.0.0.0")) {
            String answer = preview.raw("GET /mini/index.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
            assertEquals(403, Preview.status(answer), answer);
            assertEquals(200, Preview.status(preview.raw("GET", "/mini/index.html")));
        }
    }
}
