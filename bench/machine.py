"""What a benchmark ran on, recorded with its numbers."""

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_line_with(path, prefix):
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _output(*command):
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, cwd=ROOT, check=False
        )
    except OSError:
        return ""
    return (completed.stdout or completed.stderr).strip().splitlines()[0:1]


def describe(database):
    memory_kb = _first_line_with("/proc/meminfo", "MemTotal").split()
    commit = _output("git", "rev-parse", "--short", "HEAD")
    dirty = _output("git", "status", "--porcelain", "--untracked-files=no")
    wrk = _output("wrk", "--version")
    return {
        "cpu": _first_line_with("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "ram_gb": round(int(memory_kb[0]) / 1024 / 1024, 1) if memory_kb else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "database": database,
        "wrk": wrk[0] if wrk else "",
        "commit": (commit[0] if commit else "") + ("+changes" if dirty else ""),
    }
