# lambdoku's Python runtime client: speaks the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API, like
# the one Lambda runs. HTTP/1.1 is spoken over a plain socket: http.client pulls in the email
# package, which would add ~40 ms to every cold start.
import importlib
import json
import os
import socket
import sys
import time
import traceback

# host:port, then the environment's secret path: lambdoku's Runtime API answers only under it
ADDRESS, _, SECRET = os.environ["AWS_LAMBDA_RUNTIME_API"].partition("/")
HOST, PORT = ADDRESS.split(":")
BASE = ("/" + SECRET if SECRET else "") + "/2018-06-01/runtime"
MARK = "\x1e\x1elambdoku-end "


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def getheader(self, name, default=None):
        return self.headers.get(name.lower(), default)


class Connection:
    def __init__(self):
        self.sock = None
        self.buf = b""

    def _read_until(self, marker):
        while marker not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("runtime API closed the connection")
            self.buf += chunk
        head, _, self.buf = self.buf.partition(marker)
        return head

    def _read_exactly(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise ConnectionError("runtime API closed the connection")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def request(self, method, path, body=b"", headers=None):
        for attempt in (0, 1):
            try:
                if self.sock is None:
                    self.sock = socket.create_connection((HOST, int(PORT)))
                    self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    self.buf = b""
                lines = ["%s %s%s HTTP/1.1" % (method, BASE, path), "Host: %s:%s" % (HOST, PORT),
                         "Content-Length: %d" % len(body)]
                lines += ["%s: %s" % kv for kv in (headers or {}).items()]
                self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
                head = self._read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
                status = int(head[0].split(" ")[1])
                hdrs = {}
                for line in head[1:]:
                    k, _, v = line.partition(":")
                    hdrs[k.strip().lower()] = v.strip()
                n = int(hdrs.get("content-length", "0"))
                return Response(status, hdrs, self._read_exactly(n) if n else b"")
            except (ConnectionError, OSError):
                self.sock = None
                if attempt:
                    raise


conn = Connection()


def call(method, path, body=b"", headers=None):
    r = conn.request(method, path, body, headers)
    return r, r.body


def error_body(e):
    return json.dumps({
        "errorMessage": str(e),
        "errorType": type(e).__name__,
        "requestId": "",
        "stackTrace": traceback.format_tb(e.__traceback__)[1:],
    }).encode()


class Context:
    def __init__(self, r):
        self.aws_request_id = r.getheader("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = r.getheader("Lambda-Runtime-Invoked-Function-Arn")
        self._deadline = int(r.getheader("Lambda-Runtime-Deadline-Ms", "0"))
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def load():
    module_name, _, function_name = os.environ["_HANDLER"].rpartition(".")
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    module = importlib.import_module(module_name.replace("/", "."))
    return getattr(module, function_name)


try:
    handler = load()
except Exception as e:  # reported as Lambda reports an init failure
    traceback.print_exc()
    sys.stderr.flush()
    call("POST", "/init/error", error_body(e), {"Lambda-Runtime-Function-Error-Type": "Runtime.ImportModuleError"})
    sys.exit(1)

while True:
    r, body = call("GET", "/invocation/next")
    # header names are case-insensitive; getheader() matches them so
    request_id = r.getheader("Lambda-Runtime-Aws-Request-Id")
    os.environ["_X_AMZN_TRACE_ID"] = r.getheader("Lambda-Runtime-Trace-Id", "")
    try:
        event = json.loads(body) if body else None
        result = handler(event, Context(r))
        out = json.dumps(result).encode()
        path, extra = "/invocation/%s/response" % request_id, {}
    except Exception as e:
        traceback.print_exc()
        out = error_body(e)
        path, extra = "/invocation/%s/error" % request_id, {"Lambda-Runtime-Function-Error-Type": "Unhandled"}
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stdout.write(MARK + request_id + "\n")
    sys.stdout.flush()
    call("POST", path, out, extra)
