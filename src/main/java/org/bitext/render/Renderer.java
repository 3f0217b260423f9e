package org.bitext.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;

/**
 * Renders pages with the FreeMarker templates of a templates folder. Templates are {@code .ftlh}, so
 * every value is HTML-escaped unless a template says otherwise. Template errors become diagnostics
 * pointing at the template's file:line:column.
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
     * renderer kept between builds ({@code serve}) parses each template once; it must then be replaced
     * when a template changes (FreeMarker's own check compares modification times, too coarse).
     */
    public Renderer(Path templates) throws IOException {
        this.templates = templates;
        config = new Configuration(Configuration.VERSION_2_3_33);
        config.setTemplateLoader(new FileTemplateLoader(templates.toFile()));
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        // Output must not depend on the machine: fixed locale, time zone and number format.
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setTemplateUpdateDelayMilliseconds(0);
    }

    /**
     * A renderer for {@code templates} with every {@code .ftlh} file of the folder already parsed, or
     * null when any of them cannot be read or parsed (a renderer made the ordinary way then reports
     * it where the template is used). FreeMarker's set-up is the biggest start-up cost of a cold
     * build; {@link org.bitext.site.BuildSession#prepare} does this beside the reading of the inputs.
     */
    public static Renderer prepared(Path templates) {
        try (Stream<Path> files = Files.walk(templates)) {
            Renderer r = new Renderer(templates);
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = templates.relativize(p).toString().replace('\\', '/');
                if (name.endsWith(".ftlh") && Files.isRegularFile(p)) {
                    r.config.getTemplate(name);
                }
            }
            return r;
        } catch (IOException | RuntimeException e) {
            return null; // the renderer made when the templates are read meets the problem and reports it
        }
    }

    /** The data model of the page at {@code path} (relative to the site root): the site, the page and where it is. */
    public static Map<String, Object> model(String path, Map<String, Object> site, Map<String, Object> page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("page", page);
        model.put("path", path);
        model.put("root", Pages.root(path));
        String base = (String) site.get("baseUrl");
        model.put("canonical", base == null ? null : base + (path.equals(Pages.HOME) ? "" : path));
        return model;
    }

    /**
     * Renders {@code template} with the page {@link #model} of the page at {@code path} into {@code out},
     * recording what it reads into {@code reads} when that is not null. Returns false after reporting an
     * error (the output is then incomplete).
     */
    public boolean render(String template, String path, Map<String, Object> model, Reads reads, Writer out,
            Diagnostics diags) {
        try {
            Template t = config.getTemplate(template);
            t.process(reads == null ? Reads.plain(model) : reads.root(model), out);
            return true;
        } catch (ParseException e) {
            report(diags, e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(),
                    "template syntax error: " + firstLine(e.getEditorMessage()));
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            report(diags, e.getTemplateSourceName() != null ? e.getTemplateSourceName() : template,
                    line == null ? 1 : line, col == null ? 1 : col,
                    "template error while rendering " + path + ": " + firstLine(e.getMessageWithoutStackTop()));
        } catch (freemarker.template.TemplateNotFoundException e) {
            report(diags, template, 1, 1, "template not found in " + templates + ": " + template);
        } catch (IOException e) {
            // a template that cannot be read, or a page that cannot be written: either way no site
            report(diags, template, 1, 1, "cannot read template or write " + path + ": " + e.getMessage());
        }
        return false;
    }

    private synchronized void report(Diagnostics diags, String name, int line, int column, String message) { // pages render in parallel
        Path file = templates.resolve(name == null ? "" : name);
        String display = file.toString();
        try {
            if (Files.isRegularFile(file)) {
                diags.addSource(display, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the message still names the place
        }
        diags.error(new Position(display, Math.max(1, line), Math.max(1, column)), message);
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
