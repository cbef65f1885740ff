// lambdoku's Node.js runtime client: speaks the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API.
import http from "node:http";
import path from "node:path";
import fs from "node:fs";
import { pathToFileURL } from "node:url";

// host:port, then the environment's secret path: lambdoku's Runtime API answers only under it
const api = process.env.AWS_LAMBDA_RUNTIME_API;
const slash = api.indexOf("/");
const [host, port] = (slash < 0 ? api : api.slice(0, slash)).split(":");
const BASE = (slash < 0 ? "" : api.slice(slash)) + "/2018-06-01/runtime";
const MARK = "\x1e\x1elambdoku-end ";
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(method, p, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: BASE + p, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function errorBody(e) {
  return JSON.stringify({
    errorType: (e && e.name) || "Error",
    errorMessage: (e && e.message) || String(e),
    stackTrace: e && e.stack ? String(e.stack).split("\n").slice(1).map((s) => s.trim()) : [],
  });
}

async function load() {
  const handlerName = process.env._HANDLER;
  const dot = handlerName.lastIndexOf(".");
  const module = handlerName.slice(0, dot);
  const fn = handlerName.slice(dot + 1);
  const root = process.env.LAMBDA_TASK_ROOT;
  for (const ext of [".mjs", ".js", ".cjs"]) {
    const file = path.join(root, module + ext);
    if (fs.existsSync(file)) {
      const mod = await import(pathToFileURL(file).href);
      const h = mod[fn] ?? (mod.default && mod.default[fn]);
      if (typeof h !== "function") {
        const e = new Error(`${module}.${fn} is undefined or not exported`);
        e.name = "Runtime.HandlerNotFound";
        throw e;
      }
      return h;
    }
  }
  const e = new Error(`Cannot find module '${module}'`);
  e.name = "Runtime.ImportModuleError";
  throw e;
}

let handler;
try {
  handler = await load();
} catch (e) {
  console.error(e);
  await call("POST", "/init/error", errorBody(e), { "Lambda-Runtime-Function-Error-Type": e.name || "Runtime.ImportModuleError" });
  process.exit(1);
}

for (;;) {
  const next = await call("GET", "/invocation/next");
  const id = next.headers["lambda-runtime-aws-request-id"];
  const deadline = Number(next.headers["lambda-runtime-deadline-ms"] || 0);
  const context = {
    awsRequestId: id,
    invokedFunctionArn: next.headers["lambda-runtime-invoked-function-arn"],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  let pathOut, body, headers = {};
  try {
    const event = next.body.length ? JSON.parse(next.body.toString()) : null;
    const result = await handler(event, context);
    body = JSON.stringify(result === undefined ? null : result);
    pathOut = `/invocation/${id}/response`;
  } catch (e) {
    console.error(e);
    body = errorBody(e);
    pathOut = `/invocation/${id}/error`;
    headers = { "Lambda-Runtime-Function-Error-Type": "Unhandled" };
  }
  await new Promise((r) => process.stdout.write(MARK + id + "\n", r));
  await call("POST", pathOut, body, headers);
}
