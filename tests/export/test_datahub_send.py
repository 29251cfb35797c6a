"""`pdd export datahub --url`: the proposals go to a GMS endpoint through DataHub's own REST emitter, with the
token from DATAHUB_GMS_TOKEN; a server that is not there is one line and exit 2. The endpoint here is a
stand-in HTTP server that records what it is sent (no DataHub server runs on this machine)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app


class _Gms(BaseHTTPRequestHandler):
    received: list[tuple[str, str, dict]] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _reply(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # http.server's name
        self._reply({"noCode": "true", "versions": {"acryldata/datahub": {"version": "v1.3.0"}}})

    def do_POST(self) -> None:  # http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Gms.received.append((self.path, self.headers.get("Authorization", ""), body))
        self._reply({"value": "ok"})


@pytest.fixture
def gms() -> Iterator[str]:
    _Gms.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Gms)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_send_to_gms_with_the_token(reviewed_demo: tuple, gms: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    manifest, out = reviewed_demo
    monkeypatch.setenv("DATAHUB_GMS_TOKEN", "test-token")
    monkeypatch.setenv("DATAHUB_TELEMETRY_ENABLED", "false")
    res = CliRunner().invoke(app, ["export", "datahub", str(out), "--url", gms, "--config", str(manifest.config)])
    assert res.exit_code == 0, res.output
    file_res = CliRunner().invoke(app, ["export", "datahub", str(out), "--out", str(tmp_path / "dh.json"),
                                        "--config", str(manifest.config)])
    assert file_res.exit_code == 0
    written = json.loads((tmp_path / "dh.json").read_text())
    proposals = [b.get("proposal") for p, _, b in _Gms.received if "ingestProposal" in p]
    assert len(proposals) == len(written) and f"sent {len(written)} proposal(s)" in res.output
    assert {auth for _, auth, _ in _Gms.received} == {"Bearer test-token"}
    assert {p["entityUrn"] for p in proposals} == {w["entityUrn"] for w in written}
    assert "test-token" not in res.output


def test_no_server_is_one_line_and_exit_2(reviewed_demo: tuple) -> None:
    """In a process of its own, as a user runs it: DataHub's client reads its retry count from the environment
    when it is imported (DATAHUB_REST_EMITTER_DEFAULT_RETRY_MAX_TIMES, 4 by default: ~30 s of back-off
    against a port where nothing listens). With 0 the answer comes at once; the message is the same."""
    manifest, out = reviewed_demo
    env = {**os.environ, "DATAHUB_REST_EMITTER_DEFAULT_RETRY_MAX_TIMES": "0", "DATAHUB_TELEMETRY_ENABLED": "false"}
    res = subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", "export", "datahub", str(out),
                          "--url", "http://127.0.0.1:9", "--config", str(manifest.config)],
                         capture_output=True, text=True, env=env, timeout=120, check=False)
    output = res.stdout + res.stderr
    assert res.returncode == 2 and output.strip().count("\n") == 0, output
    assert "refused the export" in output
