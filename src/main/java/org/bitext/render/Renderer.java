package org.bitext.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.core._CoreAPI;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bitext.view.Page;

/**
 * Renders the files of the site with the FreeMarker templates of a templates folder: {@code .ftlh}
 * (every value HTML-escaped unless a template says otherwise), {@code .ftlx} (XML) and {@code .ftl}
 * (edition.json, robots.txt). Each template reads one {@link Page}'s model, records exposed as they
 * are. Template errors come back pointing at the template's file:line:column.
 */
public final class Renderer {
    static {
        // Template errors become diagnostics, so FreeMarker has nothing to log; without this it looks
        // for a logging library and starts java.util.logging, about 10 ms of every cold build. Must be
        // set before FreeMarker's first class is used; an explicit -Dorg.freemarker.loggerLibrary wins.
        if (System.getProperty(freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY) == null) {
            System.setProperty(freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY, freemarker.log.Logger.LIBRARY_NAME_NONE);
        }
    }

    private final Path templates;
    private final Configuration config;

    /**
     * The configuration, with its cache of parsed templates, lives as long as the renderer, so a
     * renderer kept between builds ({@code serve}) parses each template once; {@link Templates} tells it
     * which ones to parse again after an edit ({@link #reparse}), since FreeMarker's own check compares
     * modification times, which are too coarse.
     */
    public Renderer(Path templates) throws IOException {
        this.templates = templates;
        config = new Configuration(Configuration.VERSION_2_3_33);
        // the project's templates first, then the built-in theme: any file the project lacks comes from the jar
        TemplateLoader theme = new ClassTemplateLoader(Renderer.class, Theme.RESOURCES);
        if (Files.isDirectory(templates)) {
            MultiTemplateLoader both = new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templates.toFile()), theme});
            both.setSticky(false); // a file added to the folder must win over the built-in one on the next reparse
            config.setTemplateLoader(both);
        } else {
            config.setTemplateLoader(theme);
        }
        config.setObjectWrapper(new RecordWrapper());
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        // Output must not depend on the machine: fixed locale, time zone and number format.
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(new FieldHint()); // rethrows, with a hint for a field that is not there
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        // Parsed once and kept until reparse() is told the template changed; every template the cache
        // holds carries the checks that stop a runaway render (see parseAll).
        config.setCacheStorage(new StrongCacheStorage());
        config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        parseAll();
    }

    /**
     * A renderer for {@code templates} with every template of the folder already parsed, or null when
     * it cannot be made (a renderer made the ordinary way then reports the problem). FreeMarker's
     * set-up is the biggest start-up cost of a cold build; this runs beside the reading of the inputs.
     */
    public static Renderer prepared(Path templates) {
        try {
            return new Renderer(templates);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a file of a templates folder is a template (the rest are assets or ignored). */
    public static boolean isTemplate(String name) {
        return name.endsWith(".ftlh") || name.endsWith(".ftlx") || name.endsWith(".ftl");
    }

    /**
     * Parses every template of the folder once and gives each FreeMarker's checks of
     * {@link Thread#isInterrupted}, which {@link RenderThread} answers (the time and depth limits). A
     * template that cannot be parsed is reported where it is used.
     */
    private void parseAll() throws IOException {
        Set<String> names = new TreeSet<>(Theme.FILES);
        if (Files.isDirectory(templates)) {
            try (Stream<Path> files = Files.walk(templates)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(p)) {
                        names.add(templates.relativize(p).toString().replace('\\', '/'));
                    }
                }
            }
        }
        parse(names);
    }

    private void parse(Set<String> names) {
        for (String name : names) {
            if (isTemplate(name)) {
                try {
                    _CoreAPI.addThreadInterruptedChecks(config.getTemplate(name));
                } catch (IOException | RuntimeException e) {
                    // reported by render(), with its place, for each page that uses it
                }
            }
        }
    }

    /**
     * Parses the templates {@code names} again from their files, after an edit of them ({@code serve});
     * the other templates stay as they were parsed. The templates that include or import one of them
     * read it anew when they render, since FreeMarker looks an included template up by its name.
     */
    void reparse(Set<String> names) throws IOException {
        for (String name : names) {
            if (isTemplate(name)) {
                config.removeTemplateFromCache(name);
            }
        }
        parse(names);
    }

    /**
     * Makes the file of {@code page} into {@code out} with its template. Returns null, or the error
     * that stopped it (the output is then incomplete). Runs on a {@link RenderThread}, so that a
     * template that runs longer than {@code timeoutNanos} or nests too deep is stopped where it is.
     */
    public TemplateError render(Page page, Writer out, long timeoutNanos) {
        if (Thread.currentThread() instanceof RenderThread r) {
            return render(r, page, out, timeoutNanos);
        }
        TemplateError[] error = new TemplateError[1];
        RenderThread r = new RenderThread(() -> error[0] = render((RenderThread) Thread.currentThread(), page, out,
                timeoutNanos), "bitext-render");
        r.start();
        try {
            r.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(page.template(), 1, 1, "rendering " + page.path() + " was interrupted");
        }
        return error[0];
    }

    /** A thread for {@link #render} that runs {@code work}: pages render fastest on threads of this kind. */
    public static Thread thread(Runnable work, String name) {
        return new RenderThread(work, name);
    }

    private TemplateError render(RenderThread thread, Page page, Writer out, long timeoutNanos) {
        String template = page.template();
        String path = page.path();
        try {
            Template t = config.getTemplate(template);
            thread.begin(timeoutNanos);
            t.process(page.model(), out);
            return null;
        } catch (ParseException e) {
            return syntaxError(e);
        } catch (TemplateException e) {
            String hint = FieldHint.take(e);
            if (thread.stopped() != null) {
                return stopped(thread.stopped(), path, timeoutNanos);
            }
            ParseException broken = parseCause(e);
            if (broken != null) { // an imported template that does not parse: one error for all pages
                return syntaxError(broken);
            }
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            // no page in the message: a template line that fails on every page is one error, not one per page
            return error(e.getTemplateSourceName() != null ? e.getTemplateSourceName() : template,
                    line == null ? 1 : line, col == null ? 1 : col,
                    "template error: " + firstLine(e.getMessageWithoutStackTop()), hint);
        } catch (TemplateNotFoundException e) {
            Path file = templates.resolve(template);
            return error(template, 1, 1, Files.isDirectory(file) ? file + " is a directory, not a template"
                    : "template not found in " + templates + ": " + template);
        } catch (IOException e) {
            if (thread.stopped() != null) { // a file channel also asks whether its thread was interrupted
                return stopped(thread.stopped(), path, timeoutNanos);
            }
            ParseException broken = parseCause(e);
            if (broken != null) { // met when parseAll() parsed it
                return syntaxError(broken);
            }
            // a template that cannot be read, or a page that cannot be written: either way no site
            return error(template, 1, 1, "cannot read template or write " + path + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            return error(template, 1, 1, "templates nest too deep while rendering " + path);
        } catch (RuntimeException e) {
            if (thread.stopped() == null) {
                throw e;
            }
            return stopped(thread.stopped(), path, timeoutNanos);
        } finally {
            thread.idle();
        }
    }

    private static ParseException parseCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null && c != e; e = c, c = c.getCause()) {
            if (c instanceof ParseException p) {
                return p;
            }
        }
        return null;
    }

    private TemplateError syntaxError(ParseException e) {
        return error(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(),
                "template syntax error: " + firstLine(e.getEditorMessage()));
    }

    private TemplateError stopped(RenderThread.Stop stop, String path, long timeoutNanos) {
        return error(stop.template(), stop.line(), stop.column(), stop.why().equals("time")
                    ? "template stopped after " + timeoutNanos / 1_000_000_000 + " s while rendering " + path
                            + " (the limit per page; -D" + TIMEOUT_PROPERTY + "=SECONDS changes it)"
                    : "templates nest deeper than " + RenderThread.MAX_DEPTH + " instructions while rendering " + path
                            + " (a macro that calls itself without end?)");
    }

    /** The system property that sets the time limit of one page's render, in seconds. */
    public static final String TIMEOUT_PROPERTY = "bitext.templateTimeout";

    /** The time limit of one page's render: {@value #TIMEOUT_PROPERTY} seconds, 10 by default. */
    public static long timeoutNanos() {
        String s = System.getProperty(TIMEOUT_PROPERTY);
        long seconds = 10;
        if (s != null) {
            try {
                seconds = Math.max(1, Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                // keep the default
            }
        }
        return seconds * 1_000_000_000L;
    }

    private TemplateError error(String name, int line, int column, String message) {
        return error(name, line, column, message, null);
    }

    private TemplateError error(String name, int line, int column, String message, String hint) {
        Path file = templates.resolve(name == null ? "" : name);
        if (name != null && !Files.exists(file) && Theme.FILES.contains(name)) {
            file = Path.of(Theme.LABEL, name); // the built-in file the project did not override
        }
        return new TemplateError(file, Math.max(1, line), Math.max(1, column), message, hint);
    }

    /**
     * The first line of a FreeMarker message; when that line only introduces what follows ("…has
     * evaluated to null or missing:", "…expecting one of these patterns:"), the part that names the
     * problem is folded in.
     */
    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        String[] lines = s.strip().split("\\R");
        String first = lines[0].strip();
        int expecting = first.indexOf(", but was expecting one of these patterns:");
        if (expecting > 0) {
            return first.substring(0, expecting) + " where it does not belong"; // the grammar's token list helps nobody
        }
        if (!first.endsWith(":") || lines.length < 2) {
            return first;
        }
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < lines.length && rest.size() < 6; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("----") || l.startsWith("Tip:")) {
                break;
            }
            rest.add(l.replaceFirst("^==>\\s*", "").replaceFirst("\\s*\\[in template .*$", ""));
        }
        if (rest.isEmpty()) {
            return first.substring(0, first.length() - 1);
        }
        if (first.contains("evaluated to null or missing")) {
            return rest.get(0) + " is null or missing";
        }
        return first + " " + String.join(", ", rest);
    }
}
