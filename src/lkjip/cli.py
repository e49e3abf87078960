"""Command line: ``python -m lkjip <langkah>``."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lkjip",
        description="Menyusun LKjIP dari ekspor Excel mentah secara dapat direproduksi.",
    )
    parser.add_subparsers(dest="langkah", metavar="LANGKAH")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.langkah is None:
        parser.print_help()
        return 0
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
