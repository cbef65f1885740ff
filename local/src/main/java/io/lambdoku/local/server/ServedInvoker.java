package io.lambdoku.local.server;

import io.lambdoku.local.ServedPort;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.ThrottledException;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.auth.SigV4Signer;
import io.lambdoku.local.tls.ServerCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;

/**
 * Sends invocations to a running 'lambdoku local serve' on the same store, whose environments are
 * warm, instead of starting one in this short-lived process. Found through the file the server
 * writes into the store while it runs (mode 0600), which also names the access key it verifies
 * signatures with, if any: requests are SigV4-signed as the SDKs sign them.
 */
public final class ServedInvoker implements FunctionInvoker {

    public static final String FILE = ServedPort.FILE;

    /** What signs when the server takes any access key (a loopback server without one). */
    private static final AccessKey ANY_KEY = new AccessKey("lambdoku", "lambdoku");

    private final URI endpoint;
    private final Path storeDir;
    private final SigV4Signer signer;

    private ServedInvoker(URI endpoint, Path storeDir, SigV4Signer signer) {
        this.endpoint = endpoint;
        this.storeDir = storeDir;
        this.signer = signer;
    }

    /** What 'local serve' writes into {@link #FILE} for this class to read. */
    public static Map<String, Object> describe(URI endpoint, String region, Optional<AccessKey> key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", endpoint.toString());
        m.put("pid", ProcessHandle.current().pid());
        m.put("region", region);
        key.ifPresent(k -> {
            m.put("accessKeyId", k.id());
            m.put("secretAccessKey", k.secret());
        });
        return m;
    }

    /** The server running on this store, if its process is alive. */
    public static Optional<ServedInvoker> find(Path storeDir) {
        return ServedPort.running(storeDir).flatMap(m -> {
            if (!(m.get("endpoint") instanceof String endpoint)) {
                return Optional.empty(); // a file of another shape: run in-process
            }
            AccessKey key = m.get("accessKeyId") instanceof String id && m.get("secretAccessKey") instanceof String secret
                    ? new AccessKey(id, secret) : ANY_KEY;
            String region = m.get("region") instanceof String r ? r : "us-east-1";
            return Optional.of(new ServedInvoker(URI.create(endpoint), storeDir,
                    new SigV4Signer(key, region, "lambda", Clock.systemUTC())));
        });
    }

    @Override
    public InvokeResult invoke(InvokeRequest r) {
        String path = "/2015-03-31/functions/" + URLEncoder.encode(r.function(), StandardCharsets.UTF_8) + "/invocations"
                + (r.qualifier() == null ? "" : "?Qualifier=" + URLEncoder.encode(r.qualifier(), StandardCharsets.UTF_8));
        URI uri = endpoint.resolve(path);
        byte[] payload = r.payload() == null ? new byte[0] : r.payload();
        Map<String, String> headers = new LinkedHashMap<>();
        // without one, HttpURLConnection sends a form's content type, which the server refuses as a browser's
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Invocation-Type", r.type().wire());
        headers.put("X-Amz-Log-Type", r.tailLog() ? "Tail" : "None");
        headers.putAll(signer.sign("POST", uri, headers, payload));
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            if (c instanceof HttpsURLConnection https) {
                // 'local serve --tls' answers with the store's own self-signed certificate
                https.setSSLSocketFactory(ServerCertificate.trusting(storeDir.resolve(ServerCertificate.PEM)).getSocketFactory());
            }
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(payload.length);
            headers.forEach(c::setRequestProperty);
            try (OutputStream out = c.getOutputStream()) {
                out.write(payload);
            }
            int status = c.getResponseCode();
            byte[] body;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            if (status >= 400) {
                throw error(c.getHeaderField("X-Amzn-ErrorType"), body);
            }
            return new InvokeResult(status, String.valueOf(c.getHeaderField("X-Amz-Executed-Version")),
                    Optional.ofNullable(c.getHeaderField("X-Amz-Function-Error")), body,
                    Optional.ofNullable(c.getHeaderField("X-Amz-Log-Result")));
        } catch (IOException e) {
            throw new BackendException("The running 'lambdoku local serve' at " + endpoint + " did not answer ("
                    + e.getMessage() + "); stop it or try again.", e);
        }
    }

    private static RuntimeException error(String type, byte[] body) {
        String message;
        try {
            message = String.valueOf(JSON.std.mapFrom(body).get("message"));
        } catch (IOException e) {
            message = new String(body, StandardCharsets.UTF_8);
        }
        return switch (String.valueOf(type)) {
            case "ResourceNotFoundException" -> new ResourceNotFoundException(message);
            case "TooManyRequestsException" -> new ThrottledException(message);
            case "InvalidParameterValueException", "InvalidRequestContentException" -> new InvalidParameterException(message);
            default -> new BackendException(type + ": " + message);
        };
    }
}
