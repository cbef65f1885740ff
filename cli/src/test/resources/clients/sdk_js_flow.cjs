// The AWS SDK for JavaScript v3, unchanged, against 'lambdoku local serve' on its default settings
// (Pending after CreateFunction, InProgress after every update): waiters, paginators, invoke of a
// function that really runs, RevisionId guards, qualifiers, tags and AWS's error names.
// Usage: node sdk_js_flow.cjs ENDPOINT ZIP1 ZIP2, with NODE_PATH naming the SDK's node_modules.
// Credentials, region and retries come from the environment the test sets. Exits 1 naming the first mismatch.
"use strict";

const fs = require("fs");
const lambda = require("@aws-sdk/client-lambda");
const {
  LambdaClient, CreateFunctionCommand, GetFunctionCommand, GetFunctionConfigurationCommand,
  UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand, PublishVersionCommand, InvokeCommand,
  CreateAliasCommand, UpdateAliasCommand, DeleteFunctionCommand, ListTagsCommand, TagResourceCommand,
  UntagResourceCommand, PreconditionFailedException, ResourceNotFoundException,
  waitUntilFunctionActiveV2, waitUntilFunctionUpdatedV2, waitUntilPublishedVersionActive,
  paginateListVersionsByFunction, paginateListAliases,
} = lambda;

const [endpoint, zip1, zip2] = process.argv.slice(2);
const FN = "js";
const VERSIONS = 60; // over Lambda's 50 items a page, so the paginator must follow NextMarker
const ROLE = "arn:aws:iam::000000000000:role/any";
const client = new LambdaClient({ endpoint });
// local serve's update delay is 200 ms; the waiters' own acceptors, polled every 0.1-0.4 s
const WAIT = { client, minDelay: 0.1, maxDelay: 0.4, maxWaitTime: 60 };

class Mismatch extends Error {}

function check(condition, what, got) {
  if (!condition) {
    throw new Mismatch(what + (got === undefined ? "" : ": got " + JSON.stringify(got).slice(0, 2000)));
  }
}

function step(text) {
  console.log("-- " + text);
}

const send = (command) => client.send(command);

/** The error a call fails with, or null when it succeeds. */
async function failure(command) {
  try {
    await send(command);
    return null;
  } catch (e) {
    return e;
  }
}

function isError(e, type, status) {
  return e !== null && e.name === type.name && e instanceof type && e.$metadata.httpStatusCode === status;
}

async function waited(waiter, input) {
  const result = await waiter(WAIT, input);
  check(result.state === "SUCCESS", waiter.name + " succeeds", result);
}

async function items(paginator, config, input, key) {
  const pages = [];
  for await (const page of paginator({ client, ...config }, input)) {
    pages.push(page[key]);
  }
  return { all: pages.flat(), sizes: pages.map((p) => p.length) };
}

function json(bytes) {
  return JSON.parse(Buffer.from(bytes).toString("utf8"));
}

async function createAndInvoke() {
  step("CreateFunction, waitUntilFunctionActiveV2, Invoke of $LATEST");
  const created = await send(new CreateFunctionCommand({
    FunctionName: FN, Runtime: "python3.12", Handler: "app.handler", Role: ROLE,
    Code: { ZipFile: fs.readFileSync(zip1) }, Environment: { Variables: { GREETING: "hi" } }, Tags: { team: "a" },
  }));
  check(created.State === "Pending", "CreateFunction answers State=Pending", created);
  await waited(waitUntilFunctionActiveV2, { FunctionName: FN });
  const answer = await send(new InvokeCommand({ FunctionName: FN, Payload: JSON.stringify({ name: "x" }), LogType: "Tail" }));
  check(answer.StatusCode === 200 && answer.ExecutedVersion === "$LATEST" && answer.FunctionError === undefined,
    "Invoke runs $LATEST", { StatusCode: answer.StatusCode, ExecutedVersion: answer.ExecutedVersion, FunctionError: answer.FunctionError });
  const result = json(answer.Payload);
  check(result.message === "hi, x" && result.version === "$LATEST", "the python3.12 handler ran", result);
  check(Buffer.from(answer.LogResult, "base64").toString("utf8").includes("REPORT RequestId"), "LogResult is the log's tail");
}

async function publishVersions() {
  step(`UpdateFunctionCode, then ${VERSIONS - 1} UpdateFunctionConfiguration, each waited for and published`);
  const started = Date.now();
  for (let n = 1; n <= VERSIONS; n++) {
    const { RevisionId } = await send(new GetFunctionConfigurationCommand({ FunctionName: FN }));
    const updated = await send(n === 1
      ? new UpdateFunctionCodeCommand({ FunctionName: FN, ZipFile: fs.readFileSync(zip2), RevisionId })
      : new UpdateFunctionConfigurationCommand({ FunctionName: FN, RevisionId,
        Environment: { Variables: { GREETING: "hi", ROUND: String(n) } } }));
    check(updated.LastUpdateStatus === "InProgress", "an update answers InProgress", updated);
    await waited(waitUntilFunctionUpdatedV2, { FunctionName: FN });
    const current = await send(new GetFunctionConfigurationCommand({ FunctionName: FN }));
    const version = await send(new PublishVersionCommand({ FunctionName: FN, RevisionId: current.RevisionId,
      Description: `release ${n}` }));
    check(version.Version === String(n), "versions are numbered 1, 2, 3...", version);
  }
  await waited(waitUntilPublishedVersionActive, { FunctionName: FN, Qualifier: String(VERSIONS) });
  console.log(`   ${VERSIONS} versions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function pageVersions() {
  step("paginateListVersionsByFunction: Lambda's pages of 50, and pageSize 7");
  const expected = ["$LATEST", ...Array.from({ length: VERSIONS }, (_, i) => String(i + 1))];
  const byDefault = await items(paginateListVersionsByFunction, {}, { FunctionName: FN }, "Versions");
  check(JSON.stringify(byDefault.all.map((v) => v.Version)) === JSON.stringify(expected), "every version in order",
    byDefault.all.map((v) => v.Version));
  check(JSON.stringify(byDefault.sizes) === JSON.stringify([50, VERSIONS + 1 - 50]), "pages of 50", byDefault.sizes);
  const small = await items(paginateListVersionsByFunction, { pageSize: 7 }, { FunctionName: FN }, "Versions");
  check(small.all.length === VERSIONS + 1 && small.sizes.length === 9 && small.sizes.every((s) => s <= 7),
    "pageSize 7 gives 9 pages", small.sizes);
}

async function aliases() {
  step("CreateAlias, UpdateAlias with RevisionId, paginateListAliases, Invoke through the alias");
  const live = await send(new CreateAliasCommand({ FunctionName: FN, Name: "live", FunctionVersion: "1" }));
  const moved = await send(new UpdateAliasCommand({ FunctionName: FN, Name: "live", FunctionVersion: String(VERSIONS),
    RevisionId: live.RevisionId }));
  check(moved.FunctionVersion === String(VERSIONS) && moved.RevisionId !== live.RevisionId, "UpdateAlias moved it", moved);
  const stale = await failure(new UpdateAliasCommand({ FunctionName: FN, Name: "live", FunctionVersion: "2",
    RevisionId: live.RevisionId }));
  check(isError(stale, PreconditionFailedException, 412), "a stale alias RevisionId", stale && stale.name);
  await send(new CreateAliasCommand({ FunctionName: FN, Name: "first", FunctionVersion: "1" }));
  await send(new CreateAliasCommand({ FunctionName: FN, Name: "third", FunctionVersion: "3" }));
  const listed = await items(paginateListAliases, { pageSize: 1 }, { FunctionName: FN }, "Aliases");
  check(JSON.stringify(listed.all.map((a) => a.Name).sort()) === JSON.stringify(["first", "live", "third"])
    && listed.sizes.length === 3, "every alias across pages of 1", listed);

  const answer = await send(new InvokeCommand({ FunctionName: moved.AliasArn, Payload: JSON.stringify({ name: "y" }) }));
  check(answer.ExecutedVersion === String(VERSIONS), "Invoke by the alias's ARN runs its version", answer.ExecutedVersion);
  check(JSON.stringify(json(answer.Payload)) === JSON.stringify({ code: 2, round: String(VERSIONS), version: String(VERSIONS) }),
    "the alias's version ran with its own configuration", json(answer.Payload));
  const through = await send(new GetFunctionCommand({ FunctionName: moved.AliasArn }));
  check(through.Configuration.Version === String(VERSIONS) && through.Configuration.FunctionArn === moved.AliasArn,
    "GetFunction by the alias's ARN", through.Configuration);
  const v1 = await send(new GetFunctionCommand({ FunctionName: FN, Qualifier: "1" }));
  check(v1.Configuration.Version === "1" && v1.Configuration.Description === "release 1", "GetFunction Qualifier=1",
    v1.Configuration);
}

async function deleteAVersionAndTags() {
  step("DeleteFunction with a version qualifier; ListTags, TagResource, UntagResource");
  await send(new DeleteFunctionCommand({ FunctionName: FN, Qualifier: "2" }));
  const left = await items(paginateListVersionsByFunction, {}, { FunctionName: FN }, "Versions");
  check(!left.all.some((v) => v.Version === "2") && left.all.length === VERSIONS, "version 2 gone, the rest there",
    left.all.map((v) => v.Version));
  const gone = await failure(new GetFunctionCommand({ FunctionName: FN, Qualifier: "2" }));
  check(isError(gone, ResourceNotFoundException, 404), "the deleted version is not found", gone && gone.name);

  const arn = (await send(new GetFunctionCommand({ FunctionName: FN }))).Configuration.FunctionArn;
  await send(new TagResourceCommand({ Resource: arn, Tags: { cost: "42" } }));
  await send(new UntagResourceCommand({ Resource: arn, TagKeys: ["team"] }));
  const tags = (await send(new ListTagsCommand({ Resource: arn }))).Tags;
  check(JSON.stringify(tags) === JSON.stringify({ cost: "42" }), "tagged and untagged", tags);
}

async function errors() {
  step("a stale RevisionId is PreconditionFailedException; a missing function ResourceNotFoundException");
  const { RevisionId } = await send(new GetFunctionConfigurationCommand({ FunctionName: FN }));
  await send(new UpdateFunctionConfigurationCommand({ FunctionName: FN, Description: "moved on", RevisionId }));
  await waited(waitUntilFunctionUpdatedV2, { FunctionName: FN });
  const stale = await failure(new UpdateFunctionConfigurationCommand({ FunctionName: FN, Timeout: 9, RevisionId }));
  check(isError(stale, PreconditionFailedException, 412), "stale RevisionId on an update", stale && stale.name);
  const missing = await failure(new GetFunctionCommand({ FunctionName: "no-such-function" }));
  check(isError(missing, ResourceNotFoundException, 404), "GetFunction of a missing function", missing && missing.name);
  const notInvoked = await failure(new InvokeCommand({ FunctionName: "no-such-function" }));
  check(isError(notInvoked, ResourceNotFoundException, 404), "Invoke of a missing function", notInvoked && notInvoked.name);
  await send(new DeleteFunctionCommand({ FunctionName: FN }));
  const deleted = await failure(new GetFunctionCommand({ FunctionName: FN }));
  check(isError(deleted, ResourceNotFoundException, 404), "a deleted function is gone", deleted && deleted.name);
}

(async () => {
  try {
    await createAndInvoke();
    await publishVersions();
    await pageVersions();
    await aliases();
    await deleteAVersionAndTags();
    await errors();
    const { version } = require("@aws-sdk/client-lambda/package.json");
    console.log(`@aws-sdk/client-lambda ${version}: every check passed`);
  } catch (e) {
    console.log(e instanceof Mismatch ? "MISMATCH: " + e.message : e.stack || String(e));
    if (e.$metadata) {
      console.log("AWS error " + e.name + ", HTTP " + e.$metadata.httpStatusCode + ": " + e.message);
    }
    process.exit(1);
  }
})();
