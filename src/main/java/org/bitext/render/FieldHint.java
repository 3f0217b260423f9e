package org.bitext.render;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.bitext.text.Texts;
import org.bitext.view.PageModel;

/**
 * For a template that reads a field its object does not have ({@code ${site.base_url}}), one line naming
 * the fields that object has and the closest one. The view records are the contract, so the fields are
 * the record components of the value the template was reading from.
 *
 * <p>The hint is worked out as FreeMarker hands the error to its exception handler, because only then are
 * the template's loop variables and macro arguments still in scope; by the time the exception leaves
 * {@code Template.process} they are gone. The handler then rethrows the error unchanged.
 */
final class FieldHint implements TemplateExceptionHandler {
    /** A plain path of names, {@code t.speaker.nmae}: anything else (a built-in, a [key]) gets no hint. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

    /** The last error handled on this thread, with its hint (null when there is none). */
    private record Found(TemplateException error, String hint) {
    }

    private static final ThreadLocal<Found> LAST = new ThreadLocal<>();

    @Override
    public void handleTemplateException(TemplateException e, Environment env, Writer out) throws TemplateException {
        String hint;
        try {
            hint = hint(e, env);
        } catch (RuntimeException unexpected) {
            hint = null; // a hint must never hide the error it is about
        }
        LAST.set(new Found(e, hint));
        throw e;
    }

    /** The hint worked out on this thread for {@code e} (or an error it wraps), or null; forgets it. */
    static String take(Throwable e) {
        Found found = LAST.get();
        LAST.remove();
        for (Throwable t = e; found != null && t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == found.error()) {
                return found.hint();
            }
        }
        return null;
    }

    /** The hint for an error, evaluated in the environment where it happened; null when there is none. */
    static String hint(TemplateException e, Environment env) {
        String blamed = e instanceof InvalidReferenceException ? e.getBlamedExpressionString() : null;
        if (blamed == null || env == null || !PATH.matcher(blamed).matches()) {
            return null;
        }
        int dot = blamed.lastIndexOf('.');
        if (dot < 0) { // a name of its own: the page model's fields are the ones every template has
            return describe(null, "the page model (PageModel)", PageModel.class, blamed);
        }
        String parent = blamed.substring(0, dot);
        Object value;
        try {
            value = unwrap(evaluate(parent, env));
        } catch (TemplateModelException ex) {
            return null;
        }
        if (value == null || !value.getClass().isRecord()) {
            return null;
        }
        return describe(parent, "`" + parent + "` (" + value.getClass().getSimpleName() + ")", value.getClass(),
                blamed.substring(dot + 1));
    }

    /** "{@code what} has the fields a, b, c; did you mean `parent.b`?", or the hint for a field that is null. */
    private static String describe(String parent, String what, Class<?> type, String field) {
        List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        String full = parent == null ? field : parent + "." + field;
        if (fields.contains(field)) {
            return "`" + full + "` is there but null here: test it first with `<#if " + full + "??>`";
        }
        String near = Texts.suggest(field, fields);
        return what + " has the fields " + String.join(", ", fields)
                + (near == null ? "" : "; did you mean `" + (parent == null ? near : parent + "." + near) + "`?");
    }

    /** The value of a path of names, as the template sees it, or null when a step is missing. */
    private static TemplateModel evaluate(String path, Environment env) throws TemplateModelException {
        String[] names = path.split("\\.");
        TemplateModel m = env.getVariable(names[0]);
        for (int i = 1; i < names.length && m != null; i++) {
            m = m instanceof TemplateHashModel h ? h.get(names[i]) : null;
        }
        return m;
    }

    private static Object unwrap(TemplateModel m) {
        return m instanceof WrapperTemplateModel w ? w.getWrappedObject() : null;
    }
}
