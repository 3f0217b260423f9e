package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.bitext.serve.DevServer;

/** {@code bitext serve}: build, serve on this machine, rebuild on every save and reload the open pages. */
final class ServeCommand {
    private ServeCommand() {
    }

    static int run(Options options, PrintWriter out, PrintWriter err) throws InterruptedException {
        String host = options.host;
        int port = options.port;
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                err.println("bitext: warning: listening on " + host + ": anyone who can reach this machine can read the preview");
            }
        } catch (UnknownHostException e) {
            err.println("bitext: unknown host: " + host);
            return 2;
        }
        DevServer server = new DevServer(options.toOptions(), host, port, true, out, err);
        try {
            server.start();
        } catch (BindException e) {
            err.println("bitext: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another preview running? Try --port N");
            server.close();
            return 1;
        } catch (IOException e) {
            err.println("bitext: cannot start the preview: " + e.getMessage());
            server.close();
            return 1;
        }
        Thread hook = new Thread(server::close, "bitext-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Serving " + options.out + " at " + server.uri() + " ; watching " + options.content + " and "
                + options.templates + " (Ctrl+C to stop)");
        out.flush();
        server.await();
        return 0;
    }
}
