"""boto3 and botocore's own SigV4 signer against an AWS_IAM function URL of 'lambdoku local serve': the URL config
made with boto3, the URL called as awscurl calls one (a request signed for service lambda). Python cannot resolve
*.localhost, so requests go to the server's address carrying the URL's Host, as a browser's would.
Usage: function_url_iam.py ENDPOINT. Exits 1 naming the first mismatch.
"""
import http.client
import io
import json
import sys
import time
import urllib.parse
import zipfile

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest

ENDPOINT = sys.argv[1]
lam = boto3.client("lambda", endpoint_url=ENDPOINT)


def check(condition, what, got=None):
    if not condition:
        sys.exit("MISMATCH: " + what + ("" if got is None else ": got " + repr(got)[:2000]))


def call(url, sign, body=b"{}"):
    """POSTs body to url at ENDPOINT's address; signed with botocore's SigV4Auth when sign. Returns status, body."""
    request = AWSRequest(method="POST", url=url, data=body, headers={"Content-Type": "application/json"})
    if sign:
        SigV4Auth(boto3.Session().get_credentials(), "lambda", "us-east-1").add_auth(request)
    target = urllib.parse.urlsplit(url)
    server = urllib.parse.urlsplit(ENDPOINT)
    connection = http.client.HTTPConnection(server.hostname, server.port, timeout=60)
    headers = dict(request.headers.items())
    headers["Host"] = target.netloc
    connection.request("POST", target.path + ("?" + target.query if target.query else ""), body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as z:
    z.writestr("app.py", "import json\ndef handler(event, context):\n"
                         "    return {'statusCode': 200, 'body': json.dumps(event['requestContext'])}\n")
lam.create_function(FunctionName="iam", Runtime="python3.12", Handler="app.handler",
                    Role="arn:aws:iam::000000000000:role/any", Code={"ZipFile": buffer.getvalue()})
lam.get_waiter("function_active_v2").wait(FunctionName="iam", WaiterConfig={"Delay": 0.1, "MaxAttempts": 100})

url = lam.create_function_url_config(FunctionName="iam", AuthType="AWS_IAM")["FunctionUrl"]
print("--", url, flush=True)

status, body = call(url + "who?x=1", sign=False)
check(status == 403, "an unsigned request to an AWS_IAM URL is refused with 403", status)
check(json.loads(body) == {"Message": "Forbidden"}, "Lambda's words for it", body)

status, body = call(url + "who?x=1", sign=True)
check(status == 200, "a request signed by botocore's SigV4Auth is served", (status, body))
context = json.loads(body)
check(context.get("authorizer", {}).get("iam", {}).get("accessKey") == "test", "the caller's key in requestContext", context)

lam.update_function_url_config(FunctionName="iam", AuthType="NONE")
status, body = call(url, sign=False)
check(status == 200, "once the URL is NONE, unsigned requests are served", (status, body))
print("ok")
