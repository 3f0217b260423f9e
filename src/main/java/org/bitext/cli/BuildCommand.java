package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Timings;
import org.bitext.edition.Edition;
import org.bitext.output.OutputProblem;
import org.bitext.serve.DevServer;

/**
 * {@code bitext build}: render the edition and replace the output folder only if all is well;
 * {@code bitext check}: everything a build does (templates and links included) but write nothing;
 * {@code bitext serve}: build, serve on this machine, rebuild on every save and reload the open pages.
 */
final class BuildCommand {
    private BuildCommand() {
    }

    static int run(String command, Options options, PrintWriter out, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        Timings.mark("main");
        Diagnostics diags = new Diagnostics();
        try {
            boolean build = command.equals("build");
            Bitext.Result result = build ? Bitext.build(options.toOptions(), diags) : Bitext.check(options.toOptions(), diags);
            Reporter.print(diags, err);
            out.println(build
                    ? summary("Built", result.edition(), ", " + Reporter.count(result.fileCount(), "file") + " into " + options.out, start)
                    : summary("Checked", result.edition(), "", start)
                            + (diags.warnings().isEmpty() ? "" : " (" + diags.warnings().size() + " warnings)"));
            return 0;
        } catch (BuildFailure e) {
            Reporter.print(diags, err);
            return 1;
        } catch (OutputProblem e) {
            err.println("bitext: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static String summary(String verb, Edition e, String where, long startNanos) {
        return verb + " " + Reporter.count(e.pages().size(), "section") + ", " + Reporter.count(e.turnCount(), "turn") + ", "
                + Reporter.count(e.notes().size(), "note") + ", " + Reporter.count(e.topics().size(), "topic") + where
                + " in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms";
    }

    static int serve(Options options, PrintWriter out, PrintWriter err) throws InterruptedException {
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
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bitext-serve-stop"));
        out.println("Serving " + options.out + " at " + server.uri() + " ; watching " + options.content + " and "
                + options.templates + " (Ctrl+C to stop)");
        out.flush();
        server.await();
        return 0;
    }
}
