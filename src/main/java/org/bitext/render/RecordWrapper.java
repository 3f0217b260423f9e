package org.bitext.render;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows a record to templates as a hash of its components and nothing else: {@code turn.id} reads
 * the component {@code id}. The view records are the templates' contract (docs/templates.md), so no
 * other method of theirs is exposed, and no JavaBeans introspection runs (it costs more than the
 * rendering of several pages in a one-off build). Everything else is wrapped as FreeMarker's default
 * wrapper does.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    /** The accessors of each record class, by component name. */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                m.setAccessible(true); // a record nested in a class that is not public
                accessors.put(c.getName(), m);
            }
            return Map.copyOf(accessors);
        }
    };

    RecordWrapper() {
        super(Configuration.VERSION_2_3_33);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof Record r) {
            return new RecordModel(r);
        }
        return super.handleUnknownType(obj);
    }

    /** A record as a hash; wraps it for {@link FieldHint}, which names the record's fields when one is missing. */
    private final class RecordModel implements TemplateHashModel, WrapperTemplateModel {
        private final Record record;

        RecordModel(Record record) {
            this.record = record;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Method accessor = ACCESSORS.get(record.getClass()).get(key);
            if (accessor == null) {
                return null; // FreeMarker reports it as missing, at the template's line
            }
            try {
                return wrap(accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new TemplateModelException("cannot read " + key + " of " + record.getClass().getSimpleName(), e);
            }
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Object getWrappedObject() {
            return record;
        }
    }
}
