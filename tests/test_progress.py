"""`pdd scan` shows a progress bar on a terminal and plain lines elsewhere (pipeline/progress.py): the CLI is
run for real, once with stderr on a pseudo-terminal, once on a pipe."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def _config(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for i in range(3):
        rows = "\n".join(f"{n},user{n}@example.com,{n * 7 % 90}" for n in range(200))
        (data / f"signups{i}.csv").write_text("id,email,score\n" + rows + "\n")
    config = tmp_path / "pdd.yaml"
    config.write_text(f"as_of: 2026-11-24\nsources:\n  - name: exports\n    kind: files\n    path: {data}/*.csv\n")
    return config


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "200", "PYTHONPATH": str(REPO)}


def test_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    config = _config(tmp_path)
    master, slave = pty.openpty()
    proc = subprocess.Popen([*CLI, "scan", str(config), "--out", str(tmp_path / "out"), "--workers", "1"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, cwd=REPO, env=_env())
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.communicate(timeout=300)
    os.close(master)
    assert proc.returncode == 0
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode(errors="replace"))
    # the bar's last state: every unit and dataset done, rows with their rate, elapsed and ETA columns
    assert re.search(r"sweeping .* 3/3 units 3/3 datasets 600 rows \([\d,]+ rows/s\) \d+:\d\d:\d\d ETA", shown), shown
    assert "swept exports/" not in shown  # no per-dataset lines under the bar


def test_pipe_gets_plain_lines(tmp_path: Path) -> None:
    config = _config(tmp_path)
    proc = subprocess.run([*CLI, "scan", str(config), "--out", str(tmp_path / "out"), "--workers", "1"],
                          capture_output=True, text=True, cwd=REPO, env=_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = sorted(line for line in proc.stderr.splitlines() if line.startswith("swept"))
    assert lines == [f"swept exports/signups{i}.csv: 200 rows" for i in range(3)], proc.stderr
    assert "sweeping" not in proc.stderr and "\x1b[" not in proc.stderr
