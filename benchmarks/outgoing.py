"""The recipient of outgoing letters read from the DIN 5008 address field and matched.

Generates the city's outgoing letters (`mailroom data synth-outgoing`, fixed seed) with
their register and truth, then for each letter, as the office's PDF and as its printed
and scanned copy: reads the address field (`read_window`), matches it against the
register (`match_recipient`) and prints the shares read right, matched right,
unmatched and matched wrong. Timing per scanned letter is set against a baseline run
in the same command: the `tesseract` command on the whole of the same page 1 image.

Usage: python benchmarks/outgoing.py [--n 200] [--seed 16] [--city Chemnitz]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from mailroom.ingest.pages import inspect_source, rasterize  # noqa: E402
from mailroom.outgoing.records import PostalAddress, Recipient  # noqa: E402
from mailroom.outgoing.window import match_recipient, normal, read_window  # noqa: E402
from mailroom.synth.outgoing_pdf import (  # noqa: E402
    LETTERS_DIR,
    REGISTER_FILE,
    SCANS_DIR,
    TRUTH_FILE,
    TruthRow,
    generate_outgoing,
    read_register,
    read_truth,
)
from mailroom.terminal import progress_bar  # noqa: E402


@dataclass
class Tally:
    read: int = 0
    right: int = 0
    unmatched: int = 0
    wrong: int = 0
    seconds: float = 0.0


def read_right(address: PostalAddress | None, truth: TruthRow) -> bool:
    if address is None:
        return False
    got = [address.name, address.extra, address.street, f"{address.postcode} {address.city}"]
    return normal(" ".join(got)) == normal(truth.window.replace(" | ", " "))


def baseline_seconds(path: Path) -> float:
    """`tesseract` on the whole page 1 image of `path`, as read_window rasterises it."""
    with tempfile.TemporaryDirectory() as folder:
        first = rasterize(path, inspect_source(path, "pdf", 300, 100, 200_000_000), Path(folder))[0]
        start = time.perf_counter()
        subprocess.run(
            ["tesseract", str(first.path), "-", "-l", "deu", "--psm", "3", "--dpi", str(first.dpi)],
            capture_output=True,
            check=True,
        )
        return time.perf_counter() - start


def run(
    folder: Path, sub: str, truths: tuple[TruthRow, ...], register: tuple[Recipient, ...], baseline: bool
) -> tuple[Tally, float, list[str]]:
    tally, base, misses = Tally(), 0.0, []
    with progress_bar() as progress:
        task = progress.add_task(f"lesen: {sub}", total=len(truths))
        for truth in truths:
            path = folder / sub / f"{truth.key}.pdf"
            start = time.perf_counter()
            address = read_window(path)
            match = match_recipient(address, register) if address else None
            tally.seconds += time.perf_counter() - start
            tally.read += read_right(address, truth)
            if match is None:
                tally.unmatched += 1
            elif match.recipient.id == truth.recipient_id:
                tally.right += 1
            else:
                tally.wrong += 1
            if match is None or match.recipient.id != truth.recipient_id:
                misses.append(
                    f"{sub}/{truth.key} (Form {truth.form}): {truth.window} -> {address} -> {match}"
                )
            if baseline:
                base += baseline_seconds(path)
            progress.advance(task)
    return tally, base, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--city", default="Chemnitz")
    parser.add_argument("--workers", type=int, default=0, help="processes generating the letters")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mailroom-outgoing-") as tmp:
        folder = Path(tmp) / "letters"
        with progress_bar() as progress:
            task = progress.add_task("Briefe erzeugen", total=args.n)
            generate_outgoing(
                folder, args.n, args.seed, args.city, workers=args.workers,
                progress=lambda done: progress.advance(task, done),
            )  # fmt: skip
        truths = read_truth(folder / TRUTH_FILE)
        register = read_register(folder / REGISTER_FILE)
        n = len(truths)
        print(f"{n} letters of {args.city} (seed {args.seed}), register of {len(register)} recipients")
        print(f"{'':28} {'read right':>10} {'matched':>8} {'unmatched':>9} {'wrong':>6} {'s/letter':>9}")
        for sub, label, baseline in (
            (LETTERS_DIR, "office PDF (own text)", False),
            (SCANS_DIR, "printed and scanned (OCR)", True),
        ):
            tally, base, misses = run(folder, sub, truths, register, baseline)
            print(
                f"{label:28} {tally.read / n:>10.1%} {tally.right / n:>8.1%} {tally.unmatched / n:>9.1%} "
                f"{tally.wrong / n:>6.1%} {tally.seconds / n:>9.3f}"
            )
            if baseline:
                print(
                    f"{'  baseline: tesseract, page':28} {'':>10} {'':>8} {'':>9} {'':>6} {base / n:>9.3f}"
                    f"   ratio {tally.seconds / base:.2f}"
                )
            if args.show_misses:
                print("\n".join(f"  {m}" for m in misses))


if __name__ == "__main__":
    main()
