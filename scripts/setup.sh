#!/usr/bin/env bash
# Installs everything mailroom needs on a fresh Debian machine: system packages when
# missing, a virtual env in .venv, torch's CPU build first (so nothing pulls a CUDA
# build), then the package with its development tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd poppler-utils libgl1 libglib2.0-0
  ghostscript icc-profiles-free
  fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea fonts-open-sans
  fonts-lato fonts-courier-prime fonts-freefont-ttf fonts-dejavu-core fonts-dejavu-extra
  fonts-comic-neue fonts-humor-sans fonts-femkeklaver fonts-dkg-handwriting
  fonts-roboto-unhinted fonts-ebgaramond fonts-texgyre
  chromium  # the review app's browser tests (Playwright drives Debian's build)
)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check -q)
"${pip[@]}" install --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
# torch first and pinned: a plain `torch` requirement would fetch a multi-GB CUDA build.
.venv/bin/python -c "import torch" 2>/dev/null || "${pip[@]}" install torch==2.13.0 2>&1 | grep -v '^WARNING: Location' || true
"${pip[@]}" install -e ".[dev]" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import mailroom, torch, cv2, pytesseract" || { echo "setup failed: see the pip output above" >&2; exit 1; }
touch .venv/.installed
