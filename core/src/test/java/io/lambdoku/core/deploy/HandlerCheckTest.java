package io.lambdoku.core.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerCheckTest {

    private static Map<String, byte[]> files(String... nameAndContent) {
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            m.put(nameAndContent[i], nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void aHandlerThePackageHasPasses() {
        assertThatCode(() -> HandlerCheck.check("python3.12", "app.handler", files("app.py", "def handler(e, c):\n  pass\n")))
                .doesNotThrowAnyException();
        assertThatCode(() -> HandlerCheck.check("python3.12", "pkg.mod.run", files("pkg/mod.py", "async def run(e, c): pass\n")))
                .doesNotThrowAnyException();
        assertThatCode(() -> HandlerCheck.check("nodejs20.x", "index.handler", files("index.mjs", "export const handler = 1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> HandlerCheck.check("java21", "com.x.H::handle", files("com/x/H.class", "")))
                .doesNotThrowAnyException();
        assertThatCode(() -> HandlerCheck.check("provided.al2023", "x", files("bootstrap", "#!/bin/sh")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingFileOrFunctionIsNamed() {
        assertThatThrownBy(() -> HandlerCheck.check("python3.12", "main.handler", files("app.py", "def handler(): pass")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("needs main.py");
        assertThatThrownBy(() -> HandlerCheck.check("python3.12", "app.handle", files("app.py", "def handler(): pass")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("defines no function handle");
        assertThatThrownBy(() -> HandlerCheck.check("nodejs20.x", "main.handler", files("index.js", "")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("main.js");
        assertThatThrownBy(() -> HandlerCheck.check("java21", "com.x.Missing::h", files("com/x/H.class", "")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("com/x/Missing.class");
        assertThatThrownBy(() -> HandlerCheck.check("provided.al2", "x", files("main", "")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bootstrap");
    }

    private static io.lambdoku.core.lambda.CodeZip zip(String... nameAndContent) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(buffer)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry(nameAndContent[i]));
                zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new io.lambdoku.core.lambda.CodeZip(buffer.toByteArray());
    }

    @Test
    void aZipIsCheckedByItsNamesAndTheHandlersModuleOnly() {
        assertThatCode(() -> HandlerCheck.check("python3.12", "app.handler", zip("lib/x.bin", "\0", "app.py",
                "def handler(e, c):\n  pass\n"))).doesNotThrowAnyException();
        assertThatCode(() -> HandlerCheck.check("ruby3.3", "app.handler", zip("app.rb", ""))).doesNotThrowAnyException();

        assertThatThrownBy(() -> HandlerCheck.check("python3.12", "app.handler", zip("main.py", "def handler(): pass")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("app.py")
                .hasMessageContaining("apps:update --handler");
        assertThatThrownBy(() -> HandlerCheck.check("ruby3.3", "app.handler", io.lambdoku.core.code.Zips.empty()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("package is empty");
    }
}
