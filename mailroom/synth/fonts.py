"""The fonts the synthetic pages are set in: a catalogue of families by role.

Families come from Debian font packages; a family whose files are absent is skipped.
`families(role)` raises `MissingDependency` naming the packages to install when a role
has no family left. Loaded `ImageFont`s and glyph tables are cached per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fontTools.ttLib import TTFont
from PIL import ImageFont

from mailroom.errors import MissingDependency

Role = Literal["serif", "sans", "condensed", "mono", "handwriting"]
Weight = Literal["regular", "bold", "italic"]

_TT = "/usr/share/fonts/truetype"
_OT = "/usr/share/fonts/opentype"
_GYRE = "/usr/share/texmf/fonts/opentype/public/tex-gyre"  # fonts-texgyre installs here


@dataclass(frozen=True)
class Family:
    """One font family: the files of its weights and the Debian package it comes from."""

    name: str
    role: Role
    package: str
    regular: str
    bold: str = ""  # "" = fall back to regular
    italic: str = ""
    legible: bool = True  # False: fine for a scribble, too wild or incomplete for text

    def path(self, weight: Weight = "regular") -> str:
        """The file for `weight`, falling back to the regular face."""
        return {"bold": self.bold, "italic": self.italic}.get(weight, "") or self.regular

    @property
    def installed(self) -> bool:
        return Path(self.regular).is_file()


def _gyre(name: str, role: Role) -> Family:
    base = f"{_GYRE}/texgyre{name}"
    return Family(
        f"TeX Gyre {name.title()}",
        role,
        "fonts-texgyre",
        f"{base}-regular.otf",
        f"{base}-bold.otf",
        f"{base}-italic.otf",
    )


CATALOGUE: tuple[Family, ...] = (
    # serif
    Family(
        "Liberation Serif",
        "serif",
        "fonts-liberation2",
        f"{_TT}/liberation2/LiberationSerif-Regular.ttf",
        f"{_TT}/liberation2/LiberationSerif-Bold.ttf",
        f"{_TT}/liberation2/LiberationSerif-Italic.ttf",
    ),
    Family(
        "Caladea",
        "serif",
        "fonts-crosextra-caladea",
        f"{_TT}/crosextra/Caladea-Regular.ttf",
        f"{_TT}/crosextra/Caladea-Bold.ttf",
        f"{_TT}/crosextra/Caladea-Italic.ttf",
    ),
    Family(
        "EB Garamond",
        "serif",
        "fonts-ebgaramond",
        f"{_OT}/ebgaramond/EBGaramond12-Regular.otf",
        f"{_OT}/ebgaramond/EBGaramond12-Bold.otf",
        f"{_OT}/ebgaramond/EBGaramond12-Italic.otf",
    ),
    Family(
        "DejaVu Serif",
        "serif",
        "fonts-dejavu-core",
        f"{_TT}/dejavu/DejaVuSerif.ttf",
        f"{_TT}/dejavu/DejaVuSerif-Bold.ttf",
        f"{_TT}/dejavu/DejaVuSerif-Italic.ttf",
    ),
    Family(
        "FreeSerif",
        "serif",
        "fonts-freefont-ttf",
        f"{_TT}/freefont/FreeSerif.ttf",
        f"{_TT}/freefont/FreeSerifBold.ttf",
        f"{_TT}/freefont/FreeSerifItalic.ttf",
    ),
    _gyre("termes", "serif"),
    _gyre("pagella", "serif"),
    _gyre("schola", "serif"),
    _gyre("bonum", "serif"),
    # sans
    Family(
        "Liberation Sans",
        "sans",
        "fonts-liberation2",
        f"{_TT}/liberation2/LiberationSans-Regular.ttf",
        f"{_TT}/liberation2/LiberationSans-Bold.ttf",
        f"{_TT}/liberation2/LiberationSans-Italic.ttf",
    ),
    Family(
        "Carlito",
        "sans",
        "fonts-crosextra-carlito",
        f"{_TT}/crosextra/Carlito-Regular.ttf",
        f"{_TT}/crosextra/Carlito-Bold.ttf",
        f"{_TT}/crosextra/Carlito-Italic.ttf",
    ),
    Family(
        "Open Sans",
        "sans",
        "fonts-open-sans",
        f"{_TT}/open-sans/OpenSans-Regular.ttf",
        f"{_TT}/open-sans/OpenSans-Bold.ttf",
        f"{_TT}/open-sans/OpenSans-Italic.ttf",
    ),
    Family(
        "Lato",
        "sans",
        "fonts-lato",
        f"{_TT}/lato/Lato-Regular.ttf",
        f"{_TT}/lato/Lato-Bold.ttf",
        f"{_TT}/lato/Lato-Italic.ttf",
    ),
    Family(
        "Roboto",
        "sans",
        "fonts-roboto-unhinted",
        f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
        f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
        f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Italic.ttf",
    ),
    Family(
        "DejaVu Sans",
        "sans",
        "fonts-dejavu-core",
        f"{_TT}/dejavu/DejaVuSans.ttf",
        f"{_TT}/dejavu/DejaVuSans-Bold.ttf",
        f"{_TT}/dejavu/DejaVuSans-Oblique.ttf",
    ),
    Family(
        "FreeSans",
        "sans",
        "fonts-freefont-ttf",
        f"{_TT}/freefont/FreeSans.ttf",
        f"{_TT}/freefont/FreeSansBold.ttf",
        f"{_TT}/freefont/FreeSansOblique.ttf",
    ),
    _gyre("heros", "sans"),
    _gyre("adventor", "sans"),
    # condensed
    Family(
        "Roboto Condensed",
        "condensed",
        "fonts-roboto-unhinted",
        f"{_TT}/roboto/unhinted/RobotoCondensed-Regular.ttf",
        f"{_TT}/roboto/unhinted/RobotoCondensed-Bold.ttf",
        f"{_TT}/roboto/unhinted/RobotoCondensed-Italic.ttf",
    ),
    Family(
        "DejaVu Sans Condensed",
        "condensed",
        "fonts-dejavu-extra",
        f"{_TT}/dejavu/DejaVuSansCondensed.ttf",
        f"{_TT}/dejavu/DejaVuSansCondensed-Bold.ttf",
        f"{_TT}/dejavu/DejaVuSansCondensed-Oblique.ttf",
    ),
    Family(
        "DejaVu Serif Condensed",
        "condensed",
        "fonts-dejavu-extra",
        f"{_TT}/dejavu/DejaVuSerifCondensed.ttf",
        f"{_TT}/dejavu/DejaVuSerifCondensed-Bold.ttf",
        f"{_TT}/dejavu/DejaVuSerifCondensed-Italic.ttf",
    ),
    Family(
        "TeX Gyre Heros Cn",
        "condensed",
        "fonts-texgyre",
        f"{_GYRE}/texgyreheroscn-regular.otf",
        f"{_GYRE}/texgyreheroscn-bold.otf",
        f"{_GYRE}/texgyreheroscn-italic.otf",
    ),
    # mono (typewriter)
    Family(
        "Courier Prime",
        "mono",
        "fonts-courier-prime",
        f"{_OT}/courier-prime/Courier Prime.otf",
        f"{_OT}/courier-prime/Courier Prime Bold.otf",
        f"{_OT}/courier-prime/Courier Prime Italic.otf",
    ),
    Family(
        "Liberation Mono",
        "mono",
        "fonts-liberation2",
        f"{_TT}/liberation2/LiberationMono-Regular.ttf",
        f"{_TT}/liberation2/LiberationMono-Bold.ttf",
        f"{_TT}/liberation2/LiberationMono-Italic.ttf",
    ),
    Family(
        "FreeMono",
        "mono",
        "fonts-freefont-ttf",
        f"{_TT}/freefont/FreeMono.ttf",
        f"{_TT}/freefont/FreeMonoBold.ttf",
        f"{_TT}/freefont/FreeMonoOblique.ttf",
    ),
    Family(
        "DejaVu Sans Mono",
        "mono",
        "fonts-dejavu-core",
        f"{_TT}/dejavu/DejaVuSansMono.ttf",
        f"{_TT}/dejavu/DejaVuSansMono-Bold.ttf",
        f"{_TT}/dejavu/DejaVuSansMono-Oblique.ttf",
    ),
    _gyre("cursor", "mono"),
    # handwriting
    Family(
        "Comic Neue",
        "handwriting",
        "fonts-comic-neue",
        f"{_OT}/comic-neue/ComicNeue-Regular.otf",
        f"{_OT}/comic-neue/ComicNeue-Bold.otf",
        f"{_OT}/comic-neue/ComicNeue-Italic.otf",
    ),
    Family(
        "Femkeklaver", "handwriting", "fonts-femkeklaver", f"{_TT}/femkeklaver/femkeklaver.ttf", legible=False
    ),
    Family(
        "dkg",
        "handwriting",
        "fonts-dkg-handwriting",
        f"{_TT}/fifthhorseman/dkg.ttf",
        f"{_TT}/fifthhorseman/dkgBd.ttf",
        f"{_TT}/fifthhorseman/dkgIt.ttf",
    ),
    Family(
        "Humor Sans", "handwriting", "fonts-humor-sans", f"{_TT}/humor-sans/Humor-Sans.ttf", legible=False
    ),
)


def families(role: Role, text: str = "", legible: bool = False) -> list[Family]:
    """The installed families of `role` that have a glyph for every character of `text`
    (and, with `legible`, only those fit for running text).

    Raises `MissingDependency` naming the Debian packages when no installed family of
    the role is left (glyph coverage never empties a role: it falls back to all
    installed families of the role).
    """
    installed = [f for f in CATALOGUE if f.role == role and f.installed and (f.legible or not legible)]
    if not installed:
        packages = sorted({f.package for f in CATALOGUE if f.role == role})
        raise MissingDependency(
            f"no {role} font is installed for the synthetic pages; install one of the "
            f"Debian packages: apt-get install {' '.join(packages)}"
        )
    covering = [f for f in installed if covers(f, text)]
    return covering or installed


def covers(family: Family, text: str) -> bool:
    """True if the family's regular face has a glyph for every non-space char of `text`."""
    cmap = _codepoints(family.regular)
    return all(ord(c) in cmap for c in set(text) if not c.isspace())


@functools.cache
def _codepoints(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, fontNumber=0, lazy=True).getBestCmap())


@functools.lru_cache(maxsize=512)
def load(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    """The font at `path` in `size_px` pixels (cached)."""
    return ImageFont.truetype(path, max(4, size_px))


def font(family: Family, size_px: int, weight: Weight = "regular") -> ImageFont.FreeTypeFont:
    """`family` in `weight` at `size_px` pixels (cached)."""
    return load(family.path(weight), size_px)


def font_report() -> dict[str, list[str]]:
    """The installed families per role, for `mailroom doctor`."""
    roles: dict[str, list[str]] = {}
    for family in CATALOGUE:
        roles.setdefault(family.role, [])
        if family.installed:
            roles[family.role].append(family.name)
    return roles
