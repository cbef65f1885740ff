import os


def handler(event, context):
    name = (event or {}).get("name", "world")
    greeting = os.environ.get("GREETING", "Hello")
    return {"message": f"{greeting}, {name}!"}
