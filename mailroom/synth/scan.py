"""Degrade clean rendered pages the way a scanner, copier or fax machine does.

`draw_profile` picks one scanner's settings (shared by all pages of an item);
`scan_page` applies them to one page with a little per-page variation: orientation
(upside down or sideways now and then), skew, blur, low contrast, paper tint, uneven
lighting and a shadow at the binding edge, noise, speckles and dust, binarisation for
fax-like profiles, JPEG artefacts, and a dark border where the sheet ends.

Angles follow PIL and OpenCV: positive = counter-clockwise. `ScannedPage.rotation` is
the quarter turn applied to the upright page (`np.rot90(upright, rotation // 90)`),
`skew_degrees` the small rotation applied after it; rotate by `-rotation` to undo.
All randomness comes from the `random.Random` passed in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Literal

import cv2
import numpy as np
from PIL import Image, ImageDraw

ProfileKind = Literal["office_gray", "office_color", "copier", "cheap_mfp", "fax"]

A4_MM = (210.0, 297.0)


@dataclass(frozen=True)
class ScanProfile:
    """One scanner's settings. Pixel amounts are given for 300 dpi and scaled to the page."""

    kind: ProfileKind
    color: bool  # colour scanner (RGB out) or greyscale
    blur_sigma: float  # Gaussian blur, pixels at 300 dpi
    noise_sigma: float  # grey levels of sensor noise
    black: float  # grey value printed black comes out as
    white: float  # grey value blank paper comes out as
    tint: tuple[float, float, float]  # paper colour multipliers (R, G, B)
    lighting: float  # strength of the uneven illumination, 0..~0.12
    binding_shadow: float  # darkness of the shadow at one edge, 0..~0.35
    speckle: float  # fraction of pixels turned into salt-and-pepper specks
    dust: int  # mean number of dust specks and hairs per page
    border: float  # darkness of the sheet edge / platen border, 0..1
    max_skew: float  # degrees
    jpeg_quality: int | None  # None = lossless
    binarize: bool  # fax-like 0/255 output
    threshold: float  # binarisation threshold on 0..255
    fax_lines: bool  # fax standard resolution: half the vertical resolution
    clean_background: bool = False  # the scanner's background suppression turns paper white


@dataclass(frozen=True)
class ScannedPage:
    """A page as it came off the scanner; `rotation` and `skew_degrees` as applied."""

    image: Image.Image
    rotation: int
    skew_degrees: float


def draw_profile(rng: random.Random) -> ScanProfile:
    """A random scanner: office grey or colour, copier, cheap multifunction, or fax."""
    kinds: list[ProfileKind] = ["office_gray", "office_color", "copier", "cheap_mfp", "fax"]
    kind = rng.choices(kinds, [30, 25, 15, 20, 10])[0]
    paper = rng.choice([(1.0, 1.0, 1.0), (1.0, 0.99, 0.96), (0.99, 0.98, 0.94), (0.97, 0.98, 1.0)])
    base = ScanProfile(
        kind=kind,
        color=False,
        blur_sigma=rng.uniform(0.3, 0.8),
        noise_sigma=rng.uniform(1, 4),
        black=rng.uniform(5, 35),
        white=rng.uniform(238, 252),
        tint=paper,
        lighting=rng.uniform(0.0, 0.05),
        binding_shadow=0.0,
        speckle=rng.uniform(0, 2e-5),
        dust=rng.randint(0, 4),
        border=rng.uniform(0, 0.5),
        max_skew=rng.uniform(0.3, 1.5),
        jpeg_quality=rng.choice([None, 85, 90, 95]),
        binarize=False,
        threshold=160,
        fax_lines=False,
        clean_background=rng.random() < 0.7,
    )
    if kind == "office_color":
        return replace(base, color=True, jpeg_quality=rng.randint(60, 92))
    if kind == "copier":
        return replace(
            base,
            black=rng.uniform(20, 55),
            white=rng.uniform(225, 245),
            lighting=rng.uniform(0.03, 0.09),
            binding_shadow=rng.uniform(0.1, 0.35),
            speckle=rng.uniform(2e-5, 1e-4),
            dust=rng.randint(2, 8),
            max_skew=rng.uniform(1.0, 3.0),
            border=rng.uniform(0.4, 1.0),
            clean_background=rng.random() < 0.5,
        )
    if kind == "cheap_mfp":
        return replace(
            base,
            color=rng.random() < 0.4,
            blur_sigma=rng.uniform(0.6, 1.1),
            noise_sigma=rng.uniform(2, 6),
            black=rng.uniform(25, 55),
            white=rng.uniform(222, 242),
            lighting=rng.uniform(0.03, 0.1),
            jpeg_quality=rng.randint(35, 70),
            max_skew=rng.uniform(0.8, 3.0),
            speckle=rng.uniform(0, 5e-5),
            dust=rng.randint(1, 8),
            clean_background=rng.random() < 0.3,
        )
    if kind == "fax":
        return replace(
            base,
            blur_sigma=rng.uniform(0.4, 0.8),
            noise_sigma=rng.uniform(3, 8),
            binarize=True,
            threshold=rng.uniform(135, 165),
            jpeg_quality=None,
            speckle=rng.uniform(5e-5, 2e-4),
            max_skew=rng.uniform(0.5, 2.5),
            fax_lines=rng.random() < 0.2,
            lighting=rng.uniform(0.0, 0.06),
        )
    return base


def scan_page(image: Image.Image, profile: ScanProfile, rng: random.Random) -> ScannedPage:
    """Scan one upright A4 page (mode "L", "RGB" or "1") with `profile`.

    Returns mode "RGB" for colour profiles and "L" otherwise (values 0/255 only when
    the profile binarises). The page's dpi is taken from its width (A4 portrait).
    """
    dpi = image.width / (A4_MM[0] / 25.4)
    scale = dpi / 300.0
    nprng = np.random.default_rng(rng.getrandbits(64))
    arr = np.asarray(image.convert("RGB" if profile.color else "L"))

    rotation = _draw_rotation(rng)
    skew = _draw_skew(rng, profile.max_skew)
    arr = np.ascontiguousarray(np.rot90(arr, rotation // 90))
    arr = _skew(arr, skew)
    sigma = profile.blur_sigma * scale * rng.uniform(0.85, 1.15)
    if sigma > 0.25:
        arr = cv2.GaussianBlur(arr, (0, 0), sigma)
    full_h = arr.shape[0]
    if profile.fax_lines:
        arr = cv2.resize(arr, (arr.shape[1], full_h // 2), interpolation=cv2.INTER_AREA)

    out = _tone(arr, profile, rng, nprng)
    out = _speckle(out, profile.speckle * rng.uniform(0.5, 1.5), nprng)
    _dust(out, rng, profile.dust, scale)
    _border(out, rng, profile.border)
    if profile.binarize:
        threshold = profile.threshold + rng.uniform(-8, 8)
        out = np.where(out > threshold, 255, 0).astype(np.uint8)
    if profile.fax_lines:
        out = cv2.resize(out, (out.shape[1], full_h), interpolation=cv2.INTER_NEAREST)
    if profile.jpeg_quality is not None:
        out = _jpeg(out, profile.jpeg_quality + rng.randint(-5, 5))
    mode = "RGB" if out.ndim == 3 else "L"
    return ScannedPage(Image.fromarray(out, mode), rotation, skew)


def blank_page(rng: random.Random, dpi: int) -> Image.Image:
    """An empty sheet (a duplex back side), mode "L", before `scan_page`.

    Sometimes the text of the front shows through faintly, mirrored, as grey smudges.
    """
    w, h = round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)
    small = Image.new("L", (w // 4, h // 4), 255)
    if rng.random() < 0.4:
        draw = ImageDraw.Draw(small)
        grey = rng.randint(236, 248)
        line_h = max(2, round(dpi / 4 * 0.17))
        y = rng.uniform(0.15, 0.35) * small.height
        while y < small.height * rng.uniform(0.6, 0.9):
            x0 = small.width * rng.uniform(0.12, 0.2)
            x1 = small.width * rng.uniform(0.5, 0.85)
            draw.rectangle([x0, y, x1, y + line_h * 0.6], fill=grey)
            y += line_h * rng.uniform(1.3, 2.2)
    return small.resize((w, h), Image.Resampling.BILINEAR)


def _draw_rotation(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.06:
        return 180
    if roll < 0.09:
        return rng.choice([90, 270])
    return 0


def _draw_skew(rng: random.Random, max_skew: float) -> float:
    # Most sheets are fed nearly straight; a few are well off.
    return max(-3.0, min(3.0, rng.triangular(-max_skew, max_skew, 0.0)))


def _skew(arr: np.ndarray, degrees: float) -> np.ndarray:
    if abs(degrees) < 0.05:
        return arr
    h, w = arr.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    fill = (255, 255, 255) if arr.ndim == 3 else 255
    return cv2.warpAffine(
        arr,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )


def _light_map(shape: tuple[int, int], profile: ScanProfile, rng: random.Random) -> np.ndarray:
    """Low-resolution illumination factor (<= 1), resized to the page: gradient + shadow."""
    gh, gw = 48, 34
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32)
    yy /= gh - 1
    xx /= gw - 1
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * xx + np.sin(angle) * yy
    ramp = (ramp - ramp.min()) / max(1e-6, float(np.ptp(ramp)))
    light = 1.0 - profile.lighting * rng.uniform(0.6, 1.4) * ramp
    if profile.binding_shadow > 0:
        side = rng.choice(["left", "right", "top"])
        dist = {"left": xx, "right": 1 - xx, "top": yy}[side]
        width = rng.uniform(0.04, 0.1)
        light *= 1.0 - profile.binding_shadow * np.exp(-dist / width)
    return cv2.resize(light.astype(np.float32), (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)


def _tone(
    arr: np.ndarray, profile: ScanProfile, rng: random.Random, nprng: np.random.Generator
) -> np.ndarray:
    """Contrast, paper tint, illumination and sensor noise; returns uint8."""
    black = profile.black + rng.uniform(-5, 5)
    white = profile.white + rng.uniform(-3, 3)
    light = _light_map(arr.shape[:2], profile, rng)
    f = arr.astype(np.float32)
    f *= (white - black) / 255.0
    f += black
    if arr.ndim == 3:
        f *= np.asarray(profile.tint, dtype=np.float32)
        f *= light[..., None]
    else:
        f *= light * float(np.mean(profile.tint))
    sigma = profile.noise_sigma * rng.uniform(0.8, 1.2)
    if sigma > 0.3:
        # Sensor noise correlated over 2x2 pixels; drawn at half size for speed.
        h, w = f.shape[:2]
        small = nprng.standard_normal(((h + 1) // 2, (w + 1) // 2), dtype=np.float32)
        noise = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST) * np.float32(sigma)
        f += noise[..., None] if f.ndim == 3 else noise
    if profile.clean_background:
        # What is as light as the (unevenly lit) paper becomes white, as most office
        # scanners do; text and its noisy edges stay. Also what keeps scans small.
        paper = light * (white * float(np.mean(profile.tint))) - (3 * sigma + 10)
        level = f.mean(axis=2) if f.ndim == 3 else f
        f[level >= paper] = 255
    f += 0.5  # round, not truncate
    return np.clip(f, 0, 255).astype(np.uint8)


def _speckle(out: np.ndarray, fraction: float, nprng: np.random.Generator) -> np.ndarray:
    n = int(out.shape[0] * out.shape[1] * fraction)
    if n <= 0:
        return out
    ys = nprng.integers(0, out.shape[0], n)
    xs = nprng.integers(0, out.shape[1], n)
    values = np.where(nprng.random(n) < 0.7, 0, 255).astype(np.uint8)
    out[ys, xs] = values[:, None] if out.ndim == 3 else values
    return out


def _dust(out: np.ndarray, rng: random.Random, mean: int, scale: float) -> None:
    """Dark specks and the odd hair on the platen."""
    count = max(0, round(rng.gauss(mean, mean / 2 + 0.5)))
    h, w = out.shape[:2]
    for _ in range(count):
        x, y = rng.randrange(w), rng.randrange(h)
        grey = rng.randint(20, 110)
        color = (grey, grey, grey) if out.ndim == 3 else grey
        if rng.random() < 0.85:
            radius = max(1, round(rng.uniform(1, 4) * scale))
            cv2.circle(out, (x, y), radius, color, -1, lineType=cv2.LINE_AA)
        else:
            pts = [(x, y)]
            for _ in range(rng.randint(3, 6)):
                x += round(rng.uniform(-30, 30) * scale)
                y += round(rng.uniform(-30, 30) * scale)
                pts.append((x, y))
            curve = np.array(pts, dtype=np.int32).reshape(-1, 1, 2)
            cv2.polylines(out, [curve], False, color, max(1, round(scale * 1.5)), cv2.LINE_AA)


def _border(out: np.ndarray, rng: random.Random, darkness: float) -> None:
    """A dark strip at one or two edges: the platen beyond the sheet, or its shadow."""
    if darkness <= 0.05:
        return
    h, w = out.shape[:2]
    for side in rng.sample(["top", "bottom", "left", "right"], rng.randint(1, 2)):
        depth = max(2, int(rng.uniform(0.002, 0.012) * min(h, w)))
        ramp = np.linspace(1 - darkness * 0.9, 1.0, depth, dtype=np.float32)
        if side == "top":
            region, factor = out[:depth], ramp[:, None]
        elif side == "bottom":
            region, factor = out[h - depth :], ramp[::-1, None]
        elif side == "left":
            region, factor = out[:, :depth], ramp[None, :]
        else:
            region, factor = out[:, w - depth :], ramp[None, ::-1]
        if out.ndim == 3:
            factor = factor[..., None]
        region[...] = (region * factor).astype(np.uint8)


def _jpeg(out: np.ndarray, quality: int) -> np.ndarray:
    quality = max(20, min(98, quality))
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:  # pragma: no cover - OpenCV always encodes uint8 images
        return out
    flag = cv2.IMREAD_COLOR if out.ndim == 3 else cv2.IMREAD_GRAYSCALE
    # Channel order does not matter: encode and decode use the same (BGR) convention.
    return np.asarray(cv2.imdecode(buf, flag), dtype=np.uint8)
