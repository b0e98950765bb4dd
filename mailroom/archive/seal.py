"""The electronic seal of an archival copy: a PAdES baseline B signature by pyHanko with
the key and certificate of `archive.seal`, added as an incremental update so that the
PDF/A before it stays byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from mailroom.errors import BadConfig
from mailroom.settings import SealSettings


def load_sealer(settings: SealSettings, home: Path) -> signers.SimpleSigner:
    """The signer of the configured key and certificate. Raises BadConfig if they are not
    set or cannot be read (wrong password, not PEM, key and certificate not matching)."""
    if settings.key is None or settings.cert is None:
        raise BadConfig("archive.seal.key and archive.seal.cert must be set to seal archival copies")
    key, cert = (home / settings.key), (home / settings.cert)  # an absolute path stays as it is
    for path in (key, cert, *(home / c for c in settings.chain)):
        if not path.is_file():
            raise BadConfig(f"archive.seal: {path} does not exist")
    password = settings.key_password.encode() if settings.key_password else None
    signer = signers.SimpleSigner.load(
        str(key),
        str(cert),
        ca_chain_files=[str(home / c) for c in settings.chain] or None,
        key_passphrase=password,
    )
    if signer is None:
        raise BadConfig(
            f"archive.seal: cannot load the key {key} with the certificate {cert} (password? PEM?)"
        )
    return signer


def seal(content: bytes, signer: signers.SimpleSigner, field_name: str, reason: str) -> bytes:
    """`content` (a PDF) with a PAdES signature over the whole file appended."""
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256", reason=reason
    )
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()
