"""`make bench`: the product under gunicorn measured against a bare Flask app in the same run.

Every figure is a ratio to the bare app measured minutes apart on the same machine, so the
table travels between machines better than raw numbers do. Nothing here asserts: it prints
the table (and writes it to bench/results/latest.md) for people to read.
"""

from __future__ import annotations

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
        lines += [f"### {label}", "", *phase_table(env, samples), ""]
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
