package io.lambdoku.local.runtime;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.code.FolderPackage;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Functions made from files in a scratch folder, invoked for real: what the runtime and rollout tests share. */
public final class FunctionFixture {

    private final Path scratch;
    private final LocalLambda lambda;

    public FunctionFixture(Path scratch, LocalLambda lambda) {
        this.scratch = scratch;
        this.lambda = lambda;
    }

    /** {@code files}: name, content, name, content…; a file named bootstrap is made executable. */
    public void create(String name, String runtime, String handler, int timeout, Map<String, String> env, String... files)
            throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("src-" + name));
        for (int i = 0; i < files.length; i += 2) {
            Path f = dir.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1]);
            if (files[i].equals("bootstrap")) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        lambda.createFunction(new NewFunction(name, new FunctionSettings(runtime, handler, "arn:aws:iam::000000000000:role/x", 128,
                timeout, env, List.of()), "", FolderPackage.build(dir, PackageSpec.everything()), Map.of()));
    }

    public static InvokeResult invoke(LocalInvoker invoker, String name, String qualifier, String payload) {
        return invoker.invoke(new InvokeRequest(name, qualifier, payload.getBytes(StandardCharsets.UTF_8),
                InvocationType.REQUEST_RESPONSE, true));
    }

    static Map<String, Object> json(InvokeResult r) throws Exception {
        return JSON.std.mapFrom(r.payload());
    }

    static String text(InvokeResult r) {
        return new String(r.payload(), StandardCharsets.UTF_8);
    }

    static String log(InvokeResult r) {
        return new String(Base64.getDecoder().decode(r.logTail().orElseThrow()), StandardCharsets.UTF_8);
    }

    /** Where the code of {@code function}'s $LATEST is unpacked on this machine. */
    Path codeDir(String function) {
        String sha = lambda.getFunction(function, FunctionConfig.LATEST).codeSha256();
        return lambda.options().storeDir().resolve("code").resolve(HexFormat.of().formatHex(Base64.getDecoder().decode(sha)));
    }
}
