"""Running wrk and reading its results.

wrk runs ``bench/wrk.lua``, whose ``done()`` prints one ``WRK_JSON {...}`` line with
exact figures (latency percentiles in microseconds, socket errors, status tallies), so
nothing here parses wrk's rounded human-readable summary.
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk.lua")
MARKER = "WRK_JSON "


class WrkError(RuntimeError):
    pass


@dataclass
class WrkResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: dict = field(default_factory=dict)
    status: dict = field(default_factory=dict)

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def socket_errors(self):
        return sum(self.errors.get(kind, 0) for kind in SOCKET_ERRORS)

    def as_dict(self):
        return {
            "requests_per_second": round(self.requests_per_second, 1),
            "p50_ms": round(self.p50_ms, 2),
            "p99_ms": round(self.p99_ms, 2),
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
            "errors": self.errors,
            "status": self.status,
        }


SOCKET_ERRORS = ("connect", "read", "write", "timeout")


def parse_wrk_output(output):
    """The result in wrk's output from ``bench/wrk.lua``; WrkError if there is none."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            return WrkResult(
                requests=data["requests"],
                seconds=data["duration_us"] / 1_000_000,
                p50_ms=data["latency_us"]["p50"] / 1000,
                p99_ms=data["latency_us"]["p99"] / 1000,
                errors=data["errors"],
                status=data["status"] if data.get("tallied") else {},
            )
    raise WrkError(f"wrk printed no result line:\n{output.strip()}")


def ensure_wrk():
    """Install wrk from Debian when it is missing, as CI would."""
    if shutil.which("wrk"):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("wrk is missing: installing it with apt-get install -y wrk", flush=True)
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], check=True)
            subprocess.run(install, check=True)
        return
    raise WrkError("wrk is not installed: `sudo apt-get install wrk`, then run again.")


def run_wrk(base_url, paths, seconds, connections, threads=2, timeout=30, tally=False):
    """Load ``paths`` (rotating through them) for ``seconds`` and return the result."""
    env = {**os.environ, "WRK_PATHS": " ".join(paths)}
    env.pop("WRK_TALLY", None)
    if tally:
        env["WRK_TALLY"] = "1"
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        f"--timeout={timeout}s",
        "--latency",
        f"--script={SCRIPT}",
        "--header=X-Forwarded-Proto: https",
        base_url,
    ]
    completed = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise WrkError(
            f"wrk failed ({completed.returncode}): {completed.stderr.strip()}"
        )
    return parse_wrk_output(completed.stdout)
