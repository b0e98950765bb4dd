"""How fast the synthetic corpus is made: items per minute, 1 process vs all cores.

Prints both rates, their ratio, and what the parallel rate means for the target of
1,000 items in under 10 minutes. Usage: python benchmarks/synth.py [--n 60] [--seed 11]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from mailroom.settings import load_settings
from mailroom.synth.generate import generate, load_synth_config
from mailroom.taxonomy import load_taxonomy

TARGET_ITEMS, TARGET_MINUTES = 1000, 10


def items_per_minute(n: int, seed: int, workers: int) -> float:
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    config = load_synth_config(settings.config_file("synth.yaml"), taxonomy)
    with tempfile.TemporaryDirectory() as folder:
        report = generate(Path(folder), n, seed, config, workers=workers)
    return report.items / report.seconds * 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    serial = items_per_minute(args.n, args.seed, workers=1)
    parallel = items_per_minute(args.n, args.seed, workers=cores)
    minutes = TARGET_ITEMS / parallel
    print(f"items: {args.n} per run, seed {args.seed}")
    print(f"1 process:   {serial:7.1f} items/min")
    print(f"{cores} processes: {parallel:7.1f} items/min  (ratio {parallel / serial:.2f}x)")
    verdict = "meets" if minutes < TARGET_MINUTES else "misses"
    print(f"{TARGET_ITEMS} items would take {minutes:.1f} min: {verdict} the target of {TARGET_MINUTES} min")


if __name__ == "__main__":
    main()
