"""The atheris fuzz targets (fuzz/targets.py) run for a few seconds each, from their seed corpus.

Bounded on purpose: CI proves the targets still run and find nothing in a short burst; longer campaigns
are run by hand (see fuzz/targets.py). A crash fails the test with the exception and libFuzzer's report.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuzz.harness import TARGETS
from fuzz.seeds import write_corpus

REPO = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("PDD_FUZZ_SECONDS", "4"))


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_target_finds_nothing_in_a_short_run(target: str, tmp_path: Path) -> None:
    corpus = write_corpus(target, tmp_path / "corpus")
    proc = subprocess.run(
        [sys.executable, "-m", "fuzz.targets", target, f"-max_total_time={SECONDS}", "-rss_limit_mb=1024",
         "-max_len=4096", "-timeout=10", f"-artifact_prefix={tmp_path}/", str(corpus)],
        cwd=REPO, capture_output=True, text=True, timeout=SECONDS + 120,
        env={**os.environ, "PDD_FUZZ_TMP": str(tmp_path)})
    report = proc.stderr[-3000:]
    assert proc.returncode == 0, report
    assert "Done" in proc.stderr and "runs in" in proc.stderr, report
