package io.lambdoku.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.FunctionSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Stored settings are compared as text ("nothing changed" is string equality in SQL), so the text SettingsJson writes
 * must stay exactly what stores already hold: jackson-jr's writing of the same map, the way it was written before.
 */
class SettingsJsonTest {

    private static final String[] ODD = {"", "plain", "quote \" and \\\\ back", "line\nbreak\ttab", "ünïcødé ✓ 😀",
        "</script>", "\u0000\u001f control", "=", "a=b=c"};

    @Test
    void writesTheTextStoresHold() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 2_000; i++) {
            FunctionSettings s = settings(random);
            String written = SettingsJson.write(s);
            assertThat(written).isEqualTo(asJacksonJrWroteIt(s));
            assertThat(SettingsJson.read(written)).isEqualTo(s);
        }
    }

    @Test
    void readsRowsInAnyFieldOrderAndSkipsFieldsItDoesNotKnow() {
        FunctionSettings read = SettingsJson.read("{\"layers\":[\"arn:l:1\"],\"future\":{\"x\":[1,{\"y\":2}]},"
                + "\"environment\":{\"B\":\"2\",\"A\":\"1\"},\"timeout\":30,\"memorySize\":256,\"role\":\"r\","
                + "\"handler\":\"app.handler\",\"runtime\":\"python3.12\",\"architecture\":\"arm64\",\"kmsKeyArn\":\"k\"}");
        assertThat(read).isEqualTo(new FunctionSettings("python3.12", "app.handler", "r", 256, 30,
                Map.of("A", "1", "B", "2"), List.of("arn:l:1"), FunctionSettings.ARM64, Optional.of("k")));
    }

    @Test
    void aRowNotShapedAsLambdokuWritesItIsAnErrorNotAHang() {
        assertThatThrownBy(() -> SettingsJson.read("[1]")).hasMessageContaining("not a JSON object");
        String head = "{\"runtime\":\"r\",\"handler\":\"h\",\"role\":\"x\",\"memorySize\":128,\"timeout\":3,";
        assertThatThrownBy(() -> SettingsJson.read(head + "\"environment\":{},\"layers\":null}"))
                .hasMessageContaining("layers is not what lambdoku writes");
        assertThatThrownBy(() -> SettingsJson.read(head + "\"environment\":{},\"layers\":[\"a\",1]}"))
                .hasMessageContaining("layers is not what lambdoku writes");
        assertThatThrownBy(() -> SettingsJson.read(head + "\"environment\":\"A=1\",\"layers\":[]}"))
                .hasMessageContaining("environment is not what lambdoku writes");
    }

    private static FunctionSettings settings(SplittableRandom random) {
        Map<String, String> env = new TreeMap<>();
        for (int k = random.nextInt(6); k > 0; k--) {
            env.put("K" + random.nextInt(50) + ODD[random.nextInt(ODD.length)].replace("\u0000", ""), odd(random));
        }
        List<String> layers = random.nextBoolean() ? List.of() : List.of("arn:aws:lambda:us-east-1:1:layer:l:" + random.nextInt(9));
        return new FunctionSettings(odd(random) + "rt", "h" + odd(random), "arn:aws:iam::1:role/" + odd(random),
                128 + random.nextInt(10_000), 1 + random.nextInt(900), env, layers,
                random.nextBoolean() ? FunctionSettings.X86_64 : FunctionSettings.ARM64,
                random.nextBoolean() ? Optional.of("arn:aws:kms:us-east-1:1:key/" + random.nextInt(99)) : Optional.empty());
    }

    private static String odd(SplittableRandom random) {
        return ODD[random.nextInt(ODD.length)];
    }

    /** What SettingsJson wrote through jackson-jr until issue 17: the store's existing rows. */
    private static String asJacksonJrWroteIt(FunctionSettings s) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runtime", s.runtime());
        m.put("handler", s.handler());
        m.put("role", s.role());
        m.put("memorySize", s.memorySize());
        m.put("timeout", s.timeout());
        m.put("environment", new TreeMap<>(s.environment()));
        m.put("layers", s.layers());
        if (!FunctionSettings.X86_64.equals(s.architecture())) {
            m.put("architecture", s.architecture());
        }
        s.kmsKeyArn().ifPresent(k -> m.put("kmsKeyArn", k));
        return JSON.std.asString(m);
    }
}
