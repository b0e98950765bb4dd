"""How readable are the synthetic scanned pages? Tesseract character accuracy per
layout and per scanner profile, on pages made exactly as `mailroom data synth` makes them.

Items are planned from configs/synth.yaml (every declared pair first), composed, rendered
and scanned; each page is turned back upright (the rotation is known), OCR'd with
Tesseract `deu` (--psm 3, one thread) and scored with `mailroom.metrics.char_accuracy`.
Also printed: the same on sorted words, which shows how much of the loss is only
Tesseract reading blocks (footers, tables, side-by-side blocks) in another order.
The corpus requirement is a mean of at least 0.85.

    .venv/bin/python benchmarks/synth_ocr_quality.py [--pages 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
from collections import defaultdict

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402

from mailroom.metrics import char_accuracy, order_free_accuracy  # noqa: E402
from mailroom.settings import load_settings  # noqa: E402
from mailroom.synth import layout, scan  # noqa: E402
from mailroom.synth.content import compose_item  # noqa: E402
from mailroom.synth.generate import load_synth_config, plan_items  # noqa: E402
from mailroom.taxonomy import load_taxonomy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    settings = load_settings()
    config = load_synth_config(
        settings.config_file("synth.yaml"), load_taxonomy(settings.config_file("taxonomy.yaml"))
    )
    by_layout: dict[str, list[float]] = defaultdict(list)
    by_profile: dict[str, list[float]] = defaultdict(list)
    order_free: list[float] = []
    for plan in plan_items(config, args.pages, args.seed):
        rng = random.Random(f"item:{plan.key}")
        item = compose_item(plan.doc_type, plan.route, rng, plan.received)
        rendered = layout.render_item(item, rng, rng.choice(config.dpi_choices))[0]  # the first page
        profile = scan.draw_profile(rng)
        scanned = scan.scan_page(rendered.image, profile, rng)
        upright = scanned.image.rotate(-scanned.rotation, expand=True)
        hypothesis = pytesseract.image_to_string(upright, lang="deu", config="--psm 3")
        accuracy = char_accuracy(rendered.text, hypothesis)
        by_layout[item.letter.layout].append(accuracy)
        by_profile[profile.kind].append(accuracy)
        order_free.append(order_free_accuracy(rendered.text, hypothesis))
    _table("layout", by_layout)
    _table("profile", by_profile)
    everything = [a for values in by_layout.values() for a in values]
    print(
        f"\nall {len(everything)} pages: mean {statistics.mean(everything):.3f}, "
        f"median {statistics.median(everything):.3f}, min {min(everything):.3f} (target: mean >= 0.85)"
    )
    print(f"words sorted (no reading-order effect): mean {statistics.mean(order_free):.3f}")


def _table(title: str, groups: dict[str, list[float]]) -> None:
    print(f"\n{title:12s} {'n':>3s} {'mean':>6s} {'min':>6s} {'median':>6s}")
    for key in sorted(groups):
        values = groups[key]
        print(
            f"{key:12s} {len(values):3d} {statistics.mean(values):6.3f} {min(values):6.3f} {statistics.median(values):6.3f}"
        )


if __name__ == "__main__":
    main()
