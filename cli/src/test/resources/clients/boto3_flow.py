"""boto3, unchanged, against 'lambdoku local serve' on its default settings (Pending after
CreateFunction, InProgress after every update): waiters, paginators, RevisionId guards, qualifiers,
tags and AWS's error codes. Usage: boto3_flow.py ENDPOINT. Exits 1 naming the first mismatch.

Credentials, region and retries come from the environment the test sets (AWS_ACCESS_KEY_ID=test, ...).
"""
import io
import json
import sys
import time
import zipfile

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
FN = "boto"
VERSIONS = 60       # over Lambda's 50 items a page, so the paginators must follow NextMarker
OTHER_FUNCTIONS = 59  # with FN, 60 functions
ROLE = "arn:aws:iam::000000000000:role/any"

lam = boto3.client("lambda", endpoint_url=ENDPOINT)
# The update delay of local serve is 200 ms; polling every 0.1 s instead of the waiters' default 1 s
# keeps 60 update-wait-publish rounds short. The waiters' acceptors are boto's own.
QUICK = {"Delay": 0.1, "MaxAttempts": 100}


def check(condition, what, got=None):
    if not condition:
        sys.exit("MISMATCH: " + what + ("" if got is None else ": got " + json.dumps(got, default=str)[:2000]))


def step(text):
    print("--", text, flush=True)


def error_code(call, *args, **kwargs):
    """The botocore error code a call fails with, or None when it succeeds."""
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], e
    return None, None, None


def zipped(source):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("app.py", source)
    return buf.getvalue()


def all_items(paginator, key, **kwargs):
    pages = list(paginator.paginate(**kwargs))
    return [item for page in pages for item in page[key]], pages


def create_and_wait():
    step("create_function, then the function_exists and function_active_v2 waiters")
    created = lam.create_function(FunctionName=FN, Runtime="python3.12", Handler="app.handler", Role=ROLE,
                                  Code={"ZipFile": zipped("def handler(event, context):\n    return {'got': event}\n")},
                                  Environment={"Variables": {"STAGE": "dev"}}, Tags={"team": "a"})
    check(created["State"] == "Pending", "CreateFunction answers State=Pending", created)
    lam.get_waiter("function_exists").wait(FunctionName=FN, WaiterConfig=QUICK)
    lam.get_waiter("function_active_v2").wait(FunctionName=FN, WaiterConfig=QUICK)
    got = lam.get_function(FunctionName=FN)["Configuration"]
    check(got["State"] == "Active" and got["LastUpdateStatus"] == "Successful", "Active once the waiter returns", got)


def tags():
    step("tags: list_tags, tag_resource, untag_resource, and get_function's Tags")
    arn = lam.get_function(FunctionName=FN)["Configuration"]["FunctionArn"]
    check(lam.list_tags(Resource=arn)["Tags"] == {"team": "a"}, "tags given at creation", lam.list_tags(Resource=arn))
    lam.tag_resource(Resource=arn, Tags={"cost": "42", "owner": "me"})
    lam.untag_resource(Resource=arn, TagKeys=["team"])
    check(lam.list_tags(Resource=arn)["Tags"] == {"cost": "42", "owner": "me"}, "tagged and untagged",
          lam.list_tags(Resource=arn))
    check(lam.get_function(FunctionName=FN)["Tags"] == {"cost": "42", "owner": "me"}, "GetFunction's Tags")
    code, status, _ = error_code(lam.tag_resource, Resource=arn + ":1", Tags={"x": "y"})
    check(code == "InvalidParameterValueException", "no tags on a version's ARN", [code, status])


def publish_versions():
    step("%d rounds of update_function_configuration, function_updated_v2, publish_version" % VERSIONS)
    started = time.time()
    for n in range(1, VERSIONS + 1):
        before = lam.get_function_configuration(FunctionName=FN)["RevisionId"]
        updated = lam.update_function_configuration(FunctionName=FN, RevisionId=before,
                                                    Environment={"Variables": {"STAGE": "dev", "ROUND": str(n)}})
        check(updated["LastUpdateStatus"] == "InProgress", "an update answers InProgress", updated)
        lam.get_waiter("function_updated_v2").wait(FunctionName=FN, WaiterConfig=QUICK)
        revision = lam.get_function_configuration(FunctionName=FN)["RevisionId"]
        version = lam.publish_version(FunctionName=FN, Description="release %d" % n, RevisionId=revision)
        check(version["Version"] == str(n), "versions are numbered 1, 2, 3...", version)
        check(version["Environment"]["Variables"]["ROUND"] == str(n), "a version snapshots $LATEST", version)
        if n == 1 or n == VERSIONS:
            lam.get_waiter("published_version_active").wait(FunctionName=FN, Qualifier=str(n), WaiterConfig=QUICK)
    print("   %d versions in %.1f s" % (VERSIONS, time.time() - started))
    again = lam.publish_version(FunctionName=FN)
    check(again["Version"] == str(VERSIONS), "publishing nothing new answers the newest version", again)


def page_versions():
    step("the list_versions_by_function paginator: pages of 50, PageSize, MaxItems and StartingToken")
    paginator = lam.get_paginator("list_versions_by_function")
    expected = ["$LATEST"] + [str(n) for n in range(1, VERSIONS + 1)]
    items, pages = all_items(paginator, "Versions", FunctionName=FN)
    check([v["Version"] for v in items] == expected, "every version, in order, across pages",
          [v["Version"] for v in items])
    check([len(p["Versions"]) for p in pages] == [50, VERSIONS + 1 - 50], "Lambda's 50 a page",
          [len(p["Versions"]) for p in pages])
    items, pages = all_items(paginator, "Versions", FunctionName=FN, PaginationConfig={"PageSize": 7})
    check([v["Version"] for v in items] == expected and all(len(p["Versions"]) <= 7 for p in pages)
          and len(pages) == 9, "PageSize 7 gives 9 pages", [len(p["Versions"]) for p in pages])
    first = paginator.paginate(FunctionName=FN, PaginationConfig={"MaxItems": 55}).build_full_result()
    check(len(first["Versions"]) == 55 and "NextToken" in first, "MaxItems 55 stops at 55 with a NextToken",
          [len(first["Versions"]), first.get("NextToken")])
    rest = paginator.paginate(FunctionName=FN, PaginationConfig={"StartingToken": first["NextToken"]}).build_full_result()
    check([v["Version"] for v in first["Versions"] + rest["Versions"]] == expected, "StartingToken resumes",
          [v["Version"] for v in rest["Versions"]])


def page_functions():
    step("%d functions more, and the list_functions paginator" % OTHER_FUNCTIONS)
    names = ["boto-%02d" % i for i in range(OTHER_FUNCTIONS)]
    for name in names:
        lam.create_function(FunctionName=name, Runtime="python3.12", Handler="app.handler", Role=ROLE,
                            Code={"ZipFile": zipped("def handler(e, c):\n    return 1\n")})
    paginator = lam.get_paginator("list_functions")
    items, pages = all_items(paginator, "Functions")
    listed = [f["FunctionName"] for f in items]
    check(sorted(listed) == sorted(names + [FN]), "every function once across pages", listed)
    check(len(pages) == 2 and len(pages[0]["Functions"]) == 50, "Lambda's 50 a page",
          [len(p["Functions"]) for p in pages])
    items, pages = all_items(paginator, "Functions", PaginationConfig={"PageSize": 25})
    check(len(items) == 60 and [len(p["Functions"]) for p in pages] == [25, 25, 10], "PageSize 25",
          [len(p["Functions"]) for p in pages])
    bounded = paginator.paginate(PaginationConfig={"MaxItems": 10, "PageSize": 4}).build_full_result()
    check(len(bounded["Functions"]) == 10 and "NextToken" in bounded, "MaxItems 10 over pages of 4",
          [len(bounded["Functions"]), bounded.get("NextToken")])
    for name in names:
        lam.delete_function(FunctionName=name)


def aliases():
    step("create_alias / update_alias with RevisionId, and the list_aliases paginator")
    live = lam.create_alias(FunctionName=FN, Name="live", FunctionVersion="1", Description="first")
    check(live["FunctionVersion"] == "1" and live["AliasArn"].endswith(":function:%s:live" % FN), "CreateAlias", live)
    moved = lam.update_alias(FunctionName=FN, Name="live", FunctionVersion="2", RevisionId=live["RevisionId"],
                             RoutingConfig={"AdditionalVersionWeights": {"3": 0.25}})
    check(moved["FunctionVersion"] == "2" and moved["RevisionId"] != live["RevisionId"]
          and moved["RoutingConfig"]["AdditionalVersionWeights"] == {"3": 0.25}
          and moved["Description"] == "first", "UpdateAlias with the current RevisionId", moved)
    code, status, e = error_code(lam.update_alias, FunctionName=FN, Name="live", FunctionVersion="4",
                                 RevisionId=live["RevisionId"])
    check(code == "PreconditionFailedException" and status == 412, "a stale alias RevisionId", [code, status])
    check(isinstance(e, lam.exceptions.PreconditionFailedException), "boto's modeled exception class", type(e).__name__)
    for n in range(5, 10):
        lam.create_alias(FunctionName=FN, Name="a%d" % n, FunctionVersion=str(n))
    items, pages = all_items(lam.get_paginator("list_aliases"), "Aliases", FunctionName=FN,
                             PaginationConfig={"PageSize": 2})
    check(sorted(a["Name"] for a in items) == ["a5", "a6", "a7", "a8", "a9", "live"] and len(pages) == 3,
          "every alias across pages of 2", [[a["Name"] for a in p["Aliases"]] for p in pages])
    return moved["AliasArn"]


def qualifiers(alias_arn):
    step("get_function with Qualifier and with an alias ARN; invoke through the alias")
    v3 = lam.get_function(FunctionName=FN, Qualifier="3")["Configuration"]
    check(v3["Version"] == "3" and v3["FunctionArn"].endswith(":%s:3" % FN)
          and v3["Environment"]["Variables"]["ROUND"] == "3", "GetFunction Qualifier=3", v3)
    through = lam.get_function(FunctionName=alias_arn)
    check(through["Configuration"]["Version"] == "2" and through["Configuration"]["FunctionArn"] == alias_arn,
          "GetFunction by the alias's ARN answers its version under the alias ARN", through["Configuration"])
    check(lam.get_function_configuration(FunctionName=FN, Qualifier="live")["Version"] == "2", "Qualifier=live")
    answer = lam.invoke(FunctionName=FN, Qualifier="1", Payload=b'{"a": 1}')
    check(answer["StatusCode"] == 200 and answer["ExecutedVersion"] == "1"
          and json.loads(answer["Payload"].read()) == {"got": {"a": 1}}, "Invoke runs version 1",
          {k: answer.get(k) for k in ("StatusCode", "ExecutedVersion", "FunctionError")})


def delete_a_version():
    step("delete_function with a version qualifier deletes that version, not the function")
    lam.delete_function(FunctionName=FN, Qualifier="10")
    versions = [v["Version"] for v in
                lam.get_paginator("list_versions_by_function").paginate(FunctionName=FN).build_full_result()["Versions"]]
    check("10" not in versions and len(versions) == VERSIONS, "version 10 gone, the others there", versions)
    check(lam.get_function(FunctionName=FN)["Configuration"]["Version"] == "$LATEST", "the function is still there")
    code, status, _ = error_code(lam.get_function, FunctionName=FN, Qualifier="10")
    check(code == "ResourceNotFoundException" and status == 404, "the deleted version is not found", [code, status])
    code, status, _ = error_code(lam.delete_function, FunctionName=FN, Qualifier="2")
    check(code == "ResourceConflictException", "a version an alias points at cannot be deleted", [code, status])


def errors():
    step("a stale RevisionId is PreconditionFailedException; a missing function ResourceNotFoundException")
    current = lam.get_function_configuration(FunctionName=FN)["RevisionId"]
    lam.update_function_configuration(FunctionName=FN, Description="moved on", RevisionId=current)
    lam.get_waiter("function_updated_v2").wait(FunctionName=FN, WaiterConfig=QUICK)
    code, status, e = error_code(lam.update_function_configuration, FunctionName=FN, Timeout=9, RevisionId=current)
    check(code == "PreconditionFailedException" and status == 412, "stale RevisionId on an update", [code, status])
    check(isinstance(e, lam.exceptions.PreconditionFailedException), "modeled exception class", type(e).__name__)
    code, status, _ = error_code(lam.publish_version, FunctionName=FN, RevisionId=current)
    check(code == "PreconditionFailedException", "stale RevisionId on PublishVersion", [code, status])
    check(lam.get_function_configuration(FunctionName=FN)["Timeout"] == 3, "the refused update changed nothing")
    code, status, e = error_code(lam.get_function, FunctionName="no-such-function")
    check(code == "ResourceNotFoundException" and status == 404, "a missing function", [code, status])
    check(isinstance(e, lam.exceptions.ResourceNotFoundException), "modeled exception class", type(e).__name__)
    lam.delete_function(FunctionName=FN)
    code, status, _ = error_code(lam.get_function, FunctionName=FN)
    check(code == "ResourceNotFoundException", "a deleted function is gone", [code, status])


create_and_wait()
tags()
publish_versions()
page_versions()
page_functions()
alias_arn = aliases()
qualifiers(alias_arn)
delete_a_version()
errors()
print("boto3 %s: every check passed" % boto3.__version__)
