"""The ceiling of the stack on this machine: Flask answering "hello" under the same gunicorn."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "hello"
