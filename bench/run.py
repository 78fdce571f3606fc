"""`make bench`: the product under gunicorn measured against bare Flask apps in the same run.

Every figure is a ratio to a bare app measured on the same machine in the same run, so the
tables travel between machines better than raw numbers do. There are two bare apps: one
answering "hello" (the ceiling of the stack), and one serving from memory the very bytes
and headers the product answered for each feed, plain and gzip (the ceiling for that
answer: what is left is moving the bytes). Nothing here asserts: it prints the tables (and
writes them to bench/results/latest.md) for people to read.
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DURATION = os.environ.get("BENCH_SECONDS", "10")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "20")
SOAK_SECONDS = os.environ.get("BENCH_SOAK_SECONDS", "60")
SOCKET_ERRORS = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
PHASES = (("200 meetings", 200, 200), ("2,000 meetings, 5,000 members", 2000, 5000))
# wrk sends no Accept-Encoding unless told; calendar services send gzip.
ENCODINGS = {"identity": {}, "gzip": {"Accept-Encoding": "gzip"}}
# Headers gunicorn adds, or that belong to the connection: not part of the product's answer.
SERVER_HEADERS = {"date", "server", "connection", "keep-alive", "transfer-encoding"}


@dataclass
class Measure:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    bad_statuses: int
    socket_errors: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(app: str, env: dict[str, str], cwd: Path) -> Iterator[tuple[str, int]]:
    """Serve ``app`` with 2 sync workers on a free loopback port; yield (url, master pid)."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
         app],
        cwd=cwd, env={**os.environ, **env},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def wrk(url: str, seconds: str = DURATION, connections: str = CONNECTIONS,
        headers: dict[str, str] | None = None, script: Path | None = None,
        env: dict[str, str] | None = None) -> Measure:  # fmt: skip
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True,
        env={**os.environ, **(env or {})},
    ).stdout  # fmt: skip
    return Measure(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_latency(output, "50%"),
        p99_ms=_latency(output, "99%"),
        bad_statuses=_count(r"Non-2xx or 3xx responses: (\d+)", output),
        socket_errors=_count(SOCKET_ERRORS, output),
    )


def _latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _count(pattern: str, output: str) -> int:
    found = re.search(pattern, output)
    return sum(int(number) for number in found.groups()) if found else 0


def warm_up(url: str) -> None:
    """Let every worker build its caches once, as they would long before a real peak."""
    for _ in range(8):
        with urllib.request.urlopen(url, timeout=30) as answer:
            answer.read()


def peak_memory_mib(master: int) -> float:
    """The largest peak resident size (VmHWM) among the master's worker processes."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return max(peaks)


def prepare(database_url: str, meetings: int, members: int) -> dict[str, str]:
    """Migrate, load the demo and the load data in a child process; return sample paths."""
    output = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "prepare.py"), str(meetings), str(members)],
        env={**os.environ, "ISCG_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    return dict(line.split("=", 1) for line in output.strip().splitlines() if "=" in line)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="iscg-bench-"))
    lines = [f"Machine: {os.cpu_count()} cores, {platform_summary()}", ""]
    for label, meetings, members in PHASES:
        database_url = f"sqlite:///{workdir / f'bench-{meetings}.sqlite3'}"
        samples = prepare(database_url, meetings, members)
        env = {"ISCG_DATABASE_URL": database_url, "ISCG_ENV": "development",
               "ISCG_SECRET_KEY": "benchmark-secret-key"}  # fmt: skip
        answers_file = workdir / f"same-bytes-{meetings}.json"
        lines += [f"### {label}", "", *phase_table(env, samples), "",
                  *same_bytes_table(env, samples, answers_file), ""]  # fmt: skip
        if meetings == PHASES[-1][1]:
            lines += soak(env, samples)
    lines += ["", *rebuild_ratio(database_url)]
    report = "\n".join(lines)
    print(report)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(report + "\n")


def phase_table(env: dict[str, str], samples: dict[str, str]) -> list[str]:
    endpoints = [
        ("public feed (200)", "/calendar.ics", {}),
        ("public feed answered 304", "/calendar.ics", {"If-None-Match": f'"{samples["etag"]}"'}),
        ("personal feed", f"/calendar/{samples['token']}.ics", {}),
        ("meeting list page", "/meetings/", {}),
        ("meeting page", f"/meetings/{samples['meeting_id']}", {}),
    ]
    with gunicorn("bare_app:app", {}, ROOT / "bench") as (bare_url, _):
        bare = wrk(f"{bare_url}/")
    rows = ["| endpoint | requests/s | ratio to bare | p50 ms | p99 ms | SQL queries |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            f"| bare Flask hello | {bare.requests_per_second:,.0f} | 1.00 | {bare.p50_ms:.2f} | "
            f"{bare.p99_ms:.2f} | 0 |"]  # fmt: skip
    with gunicorn("wsgi:app", env, ROOT) as (url, _):
        for name, path, headers in endpoints:
            warm_up(f"{url}{path}")
            result = wrk(f"{url}{path}", headers=headers)
            queries = samples[f"queries:{path}:{'304' if headers else '200'}"]
            rows.append(
                f"| {name} | {result.requests_per_second:,.0f} | "
                f"{result.requests_per_second / bare.requests_per_second:.2f} | "
                f"{result.p50_ms:.2f} | {result.p99_ms:.2f} | {queries} |"
            )
    return rows


def same_bytes_table(env: dict[str, str], samples: dict[str, str], answers_file: Path) -> list[str]:
    """Each feed, plain and gzip, against the same-bytes app serving the product's answer."""
    feeds = {"public feed": "/calendar.ics", "personal feed": f"/calendar/{samples['token']}.ics"}
    rows = ["| feed | encoding | bytes | product requests/s | same-bytes requests/s | ratio |",
            "| --- | --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
    with gunicorn("wsgi:app", env, ROOT) as (url, _):
        answers = record_answers(url, feeds)
        answers_file.write_text(json.dumps(answers))
        bare_env = {"BENCH_SAME_BYTES": str(answers_file)}
        with gunicorn("same_bytes_app:app", bare_env, ROOT / "bench") as (bare_url, _):
            for name, path in feeds.items():
                for encoding, headers in ENCODINGS.items():
                    bare_path = f"/{same_bytes_name(name, encoding)}"
                    warm_up(f"{bare_url}{bare_path}")
                    product, same = paired(f"{url}{path}", f"{bare_url}{bare_path}", headers)
                    size = len(base64.b64decode(answers[same_bytes_name(name, encoding)]["body"]))
                    rows.append(f"| {name} | {encoding} | {size:,} | {product:,.0f} | "
                                f"{same:,.0f} | {product / same:.2f} |")  # fmt: skip
    return rows


def paired(first: str, second: str, headers: dict[str, str]) -> tuple[float, float]:
    """Requests/s of two addresses, measured first, second, second, first for half the time
    each, so that other work on the machine, if it comes or goes, weighs on both alike."""
    half = str(max(1, int(DURATION) // 2))
    rates: dict[str, float] = {first: 0.0, second: 0.0}
    for address in (first, second, second, first):
        rates[address] += wrk(address, seconds=half, headers=headers).requests_per_second / 2
    return rates[first], rates[second]


def same_bytes_name(feed: str, encoding: str) -> str:
    return f"{feed.split()[0]}/{encoding}"


def record_answers(url: str, feeds: dict[str, str]) -> dict[str, dict[str, object]]:
    """The product's answer to each feed in each encoding, after the workers are warm."""
    answers = {}
    for name, path in feeds.items():
        warm_up(f"{url}{path}")
        for encoding, headers in ENCODINGS.items():
            request = urllib.request.Request(f"{url}{path}", headers=headers)
            with urllib.request.urlopen(request, timeout=30) as answer:
                answers[same_bytes_name(name, encoding)] = {
                    "status": answer.status,
                    "headers": [[header, value] for header, value in answer.getheaders()
                                if header.lower() not in SERVER_HEADERS],
                    "body": base64.b64encode(answer.read()).decode(),
                }  # fmt: skip
    return answers


def soak(env: dict[str, str], samples: dict[str, str]) -> list[str]:
    paths = ",".join(["/calendar.ics", f"/calendar/{samples['token']}.ics", "/meetings/",
                      f"/meetings/{samples['meeting_id']}", "/"])  # fmt: skip
    with gunicorn("wsgi:app", env, ROOT) as (url, master):
        for path in paths.split(","):
            warm_up(f"{url}{path}")
        result = wrk(f"{url}/", seconds=SOAK_SECONDS, connections="50",
                     script=ROOT / "bench" / "soak.lua", env={"PATHS": paths})  # fmt: skip
        memory = peak_memory_mib(master)
    return [
        f"Soak: {SOAK_SECONDS} s at 50 connections over feeds and pages: "
        f"{result.requests_per_second:,.0f} requests/s, p99 {result.p99_ms:.1f} ms, "
        f"{result.bad_statuses} answers other than 2xx/3xx, {result.socket_errors} socket "
        f"errors or time-outs, peak worker memory {memory:.0f} MiB.",
    ]


def rebuild_ratio(database_url: str) -> list[str]:
    output = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "feed_rebuild.py")],
        env={**os.environ, "ISCG_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    return [output.strip()]


def platform_summary() -> str:
    memory = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    cpu = model.group(1).strip() if model else "unknown CPU"
    gib = int(memory.group(1)) / 1024 / 1024
    return f"{gib:.0f} GiB, {cpu}, Python {sys.version.split()[0]}"


if __name__ == "__main__":
    main()
