package io.lambdoku.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    private static final FunctionSettings BASE = new FunctionSettings("python3.12", "app.handler",
            "arn:aws:iam::1:role/r", 128, 3, Map.of("A", "1"), List.of("arn:aws:lambda:us-east-1:1:layer:l:1"),
            "x86_64", Optional.of("arn:aws:kms:us-east-1:1:key/k"));

    @Test
    void equalsAndHashCodeTakeEveryComponentIntoAccount() throws Exception {
        RecordComponent[] components = FunctionSettings.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<FunctionSettings> canonical = FunctionSettings.class.getDeclaredConstructor(types);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(BASE);
        }
        FunctionSettings same = canonical.newInstance(values.clone());
        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);

        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = other(values[i]);
            FunctionSettings differs = canonical.newInstance(changed);
            assertThat(differs).as(components[i].getName()).isNotEqualTo(BASE);
            assertThat(differs.hashCode()).as(components[i].getName()).isNotEqualTo(BASE.hashCode());
        }
        assertThat(BASE).isNotEqualTo(null).isNotEqualTo("python3.12");
    }

    private static Object other(Object value) {
        if (value instanceof String s) {
            return s.equals("x86_64") ? "arm64" : s + "-other";
        }
        if (value instanceof Integer n) {
            return n + 1;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> more = new HashMap<>(m);
            more.put("B", "2");
            return more;
        }
        if (value instanceof List<?> l) {
            List<Object> more = new ArrayList<>(l);
            more.add("arn:aws:lambda:us-east-1:1:layer:other:1");
            return more;
        }
        if (value instanceof Optional<?> o) {
            return o.isPresent() ? Optional.empty() : Optional.of("arn:aws:kms:us-east-1:1:key/other");
        }
        throw new AssertionError("no other value for a " + value.getClass());
    }
}
