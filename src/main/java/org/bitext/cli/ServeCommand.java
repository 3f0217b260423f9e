package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import org.bitext.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bitext serve}: build, serve on this machine, rebuild on every save and reload the open pages. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build, serve the site on this machine, rebuild on every save and reload open pages.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    BuildOptions options = new BuildOptions();

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DevServer.DEFAULT_PORT,
            description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = DevServer.DEFAULT_HOST,
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("bitext: --port must be between 0 and 65535, not " + port);
            return 2;
        }
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
