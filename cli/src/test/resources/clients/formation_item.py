"""A formation row written and read by plain boto3, as any DynamoDB client would: put NAME SCALE SOURCE VERSION,
get NAME (the item as JSON, numbers as strings), delete NAME. The endpoint, region and keys come from AWS_*."""
import json
import os
import sys

import boto3

table = boto3.client("dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"],
                     region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"))
name = os.environ.get("TABLE", "lambdoku-formation")
action, app = sys.argv[1], sys.argv[2]
if action == "put":
    table.put_item(TableName=name, Item={
        "Name": {"S": app}, "Scale": {"N": sys.argv[3]}, "Source": {"S": sys.argv[4]}, "Version": {"S": sys.argv[5]}})
elif action == "get":
    item = table.get_item(TableName=name, Key={"Name": {"S": app}}, ConsistentRead=True).get("Item", {})
    print(json.dumps({k: list(v.values())[0] for k, v in item.items()}))
elif action == "delete":
    table.delete_item(TableName=name, Key={"Name": {"S": app}})
else:
    sys.exit("unknown action " + action)
