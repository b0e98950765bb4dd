"""Code 128, the barcode symbology of PATCHT separator sheets: its symbol table, an
encoder (code set B) for making sheets, and a scan-line decoder for reading them.

OpenCV locates Code 128 barcodes but decodes only EAN/UPC, so reading is done here.
"""

from __future__ import annotations

import numpy as np

# Bar/space widths (in modules) of the Code 128 symbols 0..106; 106 is the stop pattern.
# fmt: off
PATTERNS_WITH_STOP = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212",
    "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221",
    "223211", "221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221",
    "312212", "322112", "322211", "212123", "212321", "232121", "111323", "131123", "131321",
    "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331", "132131",
    "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131",
    "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
    "111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", "111242",
    "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
)
# fmt: on
_START_B = 104
_STOP = 106
QUIET_MODULES = 10  # Code 128 asks for at least 10 modules of white on each side


def code128_symbols(content: str) -> list[int]:
    """The symbol values of `content` in code set B: start, data, checksum, stop.

    Raises ValueError for characters outside printable ASCII (code set B).
    """
    bad = [c for c in content if not 32 <= ord(c) <= 126]
    if bad:
        raise ValueError(f"Code 128 B cannot encode {bad!r}")
    data = [ord(c) - 32 for c in content]
    checksum = (_START_B + sum(i * v for i, v in enumerate(data, start=1))) % 103
    return [_START_B, *data, checksum, _STOP]


def code128_modules(content: str) -> np.ndarray:
    """One row of modules for `content` (True = bar), without quiet zone."""
    row: list[bool] = []
    for symbol in code128_symbols(content):
        for i, width in enumerate(PATTERNS_WITH_STOP[symbol]):
            row.extend([i % 2 == 0] * int(width))
    return np.array(row, dtype=bool)


# The decoder matches the 106 six-run symbols; the stop symbol is checked by its head.
_PATTERNS = tuple(PATTERNS_WITH_STOP[:106])
_MODULES = np.array([[int(c) for c in p] for p in _PATTERNS], dtype=np.float32)
_SIGNS = np.array([1, -1, 1, -1, 1, -1], dtype=np.float32)  # bars +, spaces -
_START = {103: "A", 104: "B", 105: "C"}
_STOP_HEAD = (2, 3, 3, 1, 1, 1)  # the stop pattern 2331112 without its final bar
_MAX_RESIDUAL = 0.35  # mean squared error in modules for a symbol to count as read


def decode_code128_row(row: np.ndarray) -> str | None:
    """Decode one scan line across a Code 128 (grey values, left to right).

    Returns the content if a start symbol, symbols, a matching checksum and the stop
    pattern are found in that order; None otherwise.
    """
    row = np.asarray(row, dtype=np.float32)
    if row.size < 30:
        return None
    low, high = np.percentile(row, [5, 95])
    if high - low < 40:
        return None
    dark = row < (low + high) / 2
    edges = np.flatnonzero(np.diff(dark.astype(np.int8))) + 1
    starts = np.concatenate([[0], edges])
    runs = np.diff(np.concatenate([starts, [row.size]])).astype(np.float32)
    first_dark = bool(dark[0])
    for i in range(len(runs) - 6):
        if (i % 2 == 0) != first_dark:  # symbols start with a bar
            continue
        if _symbol(runs[i : i + 6]) in _START:
            text = _decode_from(runs, i)
            if text is not None:
                return text
    return None


def _symbol(widths: np.ndarray) -> int | None:
    """The symbol value whose pattern fits six run widths best, allowing ink spread."""
    if len(widths) < 6:
        return None
    module = float(widths.sum()) / 11
    if module <= 0:
        return None
    w = widths / module
    spread = ((w[None, :] - _MODULES) * _SIGNS).mean(axis=1)
    residual = ((w[None, :] - _MODULES - spread[:, None] * _SIGNS) ** 2).mean(axis=1)
    best = int(np.argmin(residual))
    return best if residual[best] <= _MAX_RESIDUAL else None


def _is_stop(widths: np.ndarray) -> bool:
    if len(widths) < 6:
        return False
    w = widths / (float(widths.sum()) / 11)
    return bool(np.all(np.abs(w - np.array(_STOP_HEAD)) < 0.7))


def _decode_from(runs: np.ndarray, start: int) -> str | None:
    values: list[int] = []
    i = start
    while i + 6 <= len(runs):
        chunk = runs[i : i + 6]
        if values and _is_stop(chunk):
            return _to_text(values)
        value = _symbol(chunk)
        if value is None or (values and value in _START):
            return None
        values.append(value)
        i += 6
    return None


def _to_text(values: list[int]) -> str | None:
    """Symbol values (start, data..., checksum) to text, or None if the checksum fails."""
    if len(values) < 2:
        return None
    *body, checksum = values
    if (body[0] + sum(k * v for k, v in enumerate(body[1:], start=1))) % 103 != checksum:
        return None
    code_set = _START[body[0]]
    out: list[str] = []
    shift = False
    for value in body[1:]:
        current = ("B" if code_set == "A" else "A") if shift else code_set
        shift = False
        if current == "C" and value < 100:
            out.append(f"{value:02d}")
        elif current != "C" and value < 96:
            if current == "B":
                out.append(chr(value + 32))
            else:
                out.append(chr(value + 32) if value < 64 else chr(value - 64))
        elif value == 98 and current != "C":
            shift = True
        elif value == 99:
            code_set = "C"
        elif value == 100 and current != "B":
            code_set = "B"
        elif value == 101 and current != "A":
            code_set = "A"
        # FNC1..FNC4 carry no characters here.
    return "".join(out)
