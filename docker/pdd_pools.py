"""Create the Airflow pools that pdd's DAG uses, from the sources config.

Run by the ``airflow-init`` service of docker/docker-compose.yaml after the metadata
database is migrated (and usable on any Airflow host):

    python docker/pdd_pools.py [--config PATH] [--slots N] [--airflow CMD] [--dry-run]

The pools are those of ``pipeline.engine.airflow.pools`` (one per SQL source: its ``pool``,
else ``pdd_<name>``), so the DAG and this script cannot disagree. Only missing pools are
created, with ``--slots`` slots each; a pool that exists keeps the slots an operator gave
it (change those with ``airflow pools set NAME SLOTS DESCRIPTION``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path


def _airflow(cmd: list[str], *args: str) -> str:
    done = subprocess.run([*cmd, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"pdd_pools: `{' '.join([*cmd, *args])}` exited {done.returncode}")
    return done.stdout


def existing_pools(cmd: list[str]) -> set[str]:
    out = _airflow(cmd, "pools", "list", "--output", "json")
    start = out.find("[")  # anything logged before the JSON is skipped
    if start < 0:
        raise SystemExit(f"pdd_pools: no JSON in `airflow pools list` output: {out[:200]!r}")
    return {p["pool"] for p in json.loads(out[start:])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", default=os.environ.get("PDD_CONFIG", "/opt/pdd/config/pdd.yaml"),
                    help="sources config (default: $PDD_CONFIG)")
    ap.add_argument("--slots", type=int, default=int(os.environ.get("PDD_POOL_SLOTS", "2")),
                    help="slots of each new pool (default: $PDD_POOL_SLOTS, else 2)")
    ap.add_argument("--airflow", default="airflow", help="the airflow command (default: airflow)")
    ap.add_argument("--dry-run", action="store_true", help="print the pools that would be created")
    args = ap.parse_args(argv)

    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.airflow import pools

    if not Path(args.config).is_file():
        print(f"pdd_pools: sources config {args.config} not found; put it there (see docker/README.md)",
              file=sys.stderr)
        return 2
    try:
        wanted = pools(load_config(Path(args.config)), default_slots=args.slots)
    except ConfigError as exc:
        print(f"pdd_pools: {exc}", file=sys.stderr)
        return 2

    cmd = shlex.split(args.airflow)
    have = set() if args.dry_run else existing_pools(cmd)
    missing = {name: spec for name, spec in sorted(wanted.items()) if name not in have}
    for name in sorted(set(wanted) & have):
        print(f"pdd_pools: pool {name} exists; left as is")
    if args.dry_run:
        print(json.dumps(missing, indent=2))
        return 0
    if not missing:
        print("pdd_pools: nothing to create")
        return 0
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="pdd-pools-", delete=False) as f:
        json.dump(missing, f)
    try:
        _airflow(cmd, "pools", "import", f.name)
    finally:
        os.unlink(f.name)
    for name, spec in missing.items():
        print(f"pdd_pools: created pool {name} with {spec['slots']} slots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
