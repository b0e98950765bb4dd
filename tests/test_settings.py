"""Settings come from defaults, configs/mailroom.yaml and MAILROOM_* variables; typos fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailroom.errors import BadConfig
from mailroom.settings import PACKAGE_CONFIG_DIR, load_settings
from mailroom.taxonomy import load_taxonomy


def test_defaults_use_var_and_the_repository_configs() -> None:
    settings = load_settings(env={})
    assert settings.home == Path("./var")
    assert settings.config_dir == PACKAGE_CONFIG_DIR
    assert settings.ocr.lang == "deu"
    assert settings.path("inbox") == Path("./var/inbox")


def test_environment_overrides_home_and_nested_keys(tmp_path: Path) -> None:
    settings = load_settings(env={"MAILROOM_HOME": str(tmp_path), "MAILROOM_OCR__PSM": "6"})
    assert settings.home == tmp_path and settings.ocr.psm == 6


def test_yaml_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    (tmp_path / "mailroom.yaml").write_text("home: /srv/mail\nocr: {lang: deu+eng, psm: 4}\n")
    settings = load_settings(env={"MAILROOM_CONFIG_DIR": str(tmp_path), "MAILROOM_OCR__PSM": "11"})
    assert settings.home == Path("/srv/mail")
    assert (settings.ocr.lang, settings.ocr.psm) == ("deu+eng", 11)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MAILROOM_OCR__LANGUAGE": "deu"}, "ocr.language"),
        ({"MAILROOM_HOMEDIR": "/x"}, "homedir"),
        ({"MAILROOM_OCR__PSM": "three"}, "ocr.psm"),
    ],
)
def test_unknown_or_malformed_settings_are_errors_naming_the_key(env: dict, named: str) -> None:
    with pytest.raises(BadConfig, match=named.replace(".", r"\.")):
        load_settings(env=env)


def test_a_yaml_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mailroom.yaml").write_text("- just\n- a list\n")
    with pytest.raises(BadConfig, match="must hold a mapping"):
        load_settings(env={"MAILROOM_CONFIG_DIR": str(tmp_path)})


def test_project_taxonomy_has_the_shared_labels_unchanged() -> None:
    shared = PACKAGE_CONFIG_DIR.parent.parent / "shared" / "taxonomy.yaml"
    taxonomy = load_taxonomy(PACKAGE_CONFIG_DIR / "taxonomy.yaml")
    assert len(taxonomy.doc_types) == 12 and len(taxonomy.routes) == 14
    if shared.is_file():  # beside the checkout in development and CI
        reference = load_taxonomy(shared)
        assert list(taxonomy.doc_types) == list(reference.doc_types)
        assert list(taxonomy.routes) == list(reference.routes)
        assert taxonomy.digest == reference.digest


def test_malformed_taxonomy_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text("doc_types:\n  antrag: {name: Antrag}\n")
    with pytest.raises(BadConfig, match="no 'routes' section"):
        load_taxonomy(path)
