"""python -m demo [--out demo/data] [--seed 7] [--clean] [--scale 1.0]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from demo.generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m demo",
        description="Write Scalejet-like demo data with planted violations and its ground truth (expected.json).",
    )
    parser.add_argument("--out", type=Path, default=Path("demo/data"), help="output folder (default: demo/data)")
    parser.add_argument("--seed", type=int, default=7, help="same seed, same bytes (default: 7)")
    parser.add_argument("--clean", action="store_true", help="plant no violation (decoys stay)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every row count (default: 1.0)")
    args = parser.parse_args(argv)
    try:
        manifest = generate(args.out, seed=args.seed, clean=args.clean, scale=args.scale)
    except (ValueError, OSError) as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 2
    print(manifest.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
