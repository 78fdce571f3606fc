"""The ceiling for each feed: Flask serving, from memory, the very answer the product gave.

``bench/run.py`` fetches every feed from the product once, plain and gzip, and writes each
answer (status, headers, body) to the JSON file that ``BENCH_SAME_BYTES`` names; this app
serves it at ``/<feed>/<encoding>`` under the same gunicorn settings as the product. It
does nothing else, so the ratio to it shows what the product spends beyond moving bytes.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from flask import Flask, Response

app = Flask(__name__)
_ANSWERS = {
    name: (answer["status"], [tuple(pair) for pair in answer["headers"]],
           base64.b64decode(answer["body"]))
    for name, answer in json.loads(Path(os.environ["BENCH_SAME_BYTES"]).read_text()).items()
}  # fmt: skip


@app.get("/<feed>/<encoding>")
def same_bytes(feed: str, encoding: str) -> Response:
    status, headers, body = _ANSWERS[f"{feed}/{encoding}"]
    return Response(body, status=status, headers=headers)
