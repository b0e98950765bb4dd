"""The labelled-set reader rejects every bad row by number and reads good sets whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mailroom.dataset import (
    BatchEntry,
    LabelledItem,
    read_batches,
    read_dataset,
    write_batches,
    write_dataset,
)
from mailroom.errors import BadInput

from conftest import write_image, write_labels

HEADER = "path,doc_type,route,split,text\n"


@pytest.fixture
def good_set(tmp_path: Path) -> Path:
    write_image(tmp_path / "items" / "a.png")
    write_image(tmp_path / "items" / "b.png")
    write_labels(
        tmp_path,
        HEADER + 'items/a.png,antrag,sozialamt,train,"Antrag auf Wohngeld\nZeile 2"\n'
        "items/b.png,rechnung,beschaffung,test,Rechnung\n",
    )
    return tmp_path


def test_reads_a_good_set_with_optional_columns(good_set: Path, taxonomy) -> None:
    labelled = read_dataset(good_set, taxonomy)
    assert [i.path for i in labelled.items] == ["items/a.png", "items/b.png"]
    first = labelled.items[0]
    assert (first.doc_type, first.route, first.split) == ("antrag", "sozialamt", "train")
    assert first.text == "Antrag auf Wohngeld\nZeile 2"
    assert labelled.file(first) == good_set / "items" / "a.png"


def test_unknown_columns_are_kept_but_not_required(tmp_path: Path, taxonomy) -> None:
    write_image(tmp_path / "x.png")
    write_labels(tmp_path, "route,colour,path,doc_type\nsozialamt,blue,x.png,antrag\n")
    item = read_dataset(tmp_path, taxonomy).items[0]
    assert item.extra["colour"] == "blue" and item.split == "" and item.text is None


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("items/missing.png,antrag,sozialamt,train,", "file 'items/missing.png' does not exist"),
        ("items/a.png,brief,sozialamt,train,", "doc_type 'brief' is not in the taxonomy"),
        ("items/a.png,antrag,finanzamt,train,", "route 'finanzamt' is not in the taxonomy"),
        ("../outside.png,antrag,sozialamt,train,", "leaves the dataset folder"),
        ("/etc/hostname,antrag,sozialamt,train,", "leaves the dataset folder"),
        ("items\\a.png,antrag,sozialamt,train,", "leaves the dataset folder"),
        (
            "items/a.png,antrag,sozialamt,validation,",
            "split 'validation' is none of train, test, learn, check",
        ),
        ("items/a.png,antrag,sozialamt,train", "has 4 fields, the header has 5"),
        (",antrag,sozialamt,train,", "path is empty"),
        ("labels.csv,antrag,sozialamt,train,", "is not one of .pdf"),
    ],
)
def test_each_kind_of_bad_row_is_named_by_its_number(
    tmp_path: Path, taxonomy, row: str, problem: str
) -> None:
    write_image(tmp_path / "items" / "a.png")
    write_image(tmp_path / "items" / "b.png")
    write_labels(tmp_path, HEADER + "items/b.png,anfrage,bauamt,train,\n" + row + "\n")
    with pytest.raises(BadInput) as caught:
        read_dataset(tmp_path, taxonomy)
    message = str(caught.value)
    assert "row 2" in message and problem in message
    assert "row 1:" not in message  # the good row is not blamed


def test_a_link_that_leaves_the_folder_is_rejected(tmp_path: Path, taxonomy) -> None:
    outside = write_image(tmp_path / "outside" / "secret.png")
    inside = tmp_path / "set"
    inside.mkdir()
    os.symlink(outside, inside / "link.png")
    write_labels(inside, "path,doc_type,route\nlink.png,antrag,sozialamt\n")
    with pytest.raises(
        BadInput, match=r"row 1: path 'link.png' leaves the dataset folder \(through a link\)"
    ):
        read_dataset(inside, taxonomy)


def test_every_bad_row_is_reported_not_just_the_first(tmp_path: Path, taxonomy) -> None:
    write_labels(
        tmp_path, "path,doc_type,route\n" + "".join(f"m{i}.png,antrag,sozialamt\n" for i in range(3))
    )
    with pytest.raises(BadInput) as caught:
        read_dataset(tmp_path, taxonomy)
    assert "3 bad row(s)" in str(caught.value)
    assert all(f"row {n}: file 'm{n - 1}.png'" in str(caught.value) for n in (1, 2, 3))


def test_duplicate_paths_name_both_rows(good_set: Path, taxonomy) -> None:
    with (good_set / "labels.csv").open("a", encoding="utf-8") as handle:
        handle.write("items/a.png,anfrage,bauamt,train,\n")
    with pytest.raises(BadInput, match="row 3: path 'items/a.png' already stands in row 1"):
        read_dataset(good_set, taxonomy)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "does not exist"),
        (b"", "is empty"),
        (b"path,doc_type\nx.png,antrag\n", "lacks the column(s) route"),
        (b"path,doc_type,route\n", "has a header but no rows"),
        (b"path,doc_type,route\n\xff\xfe\x00bad,antrag,sozialamt\n", "is not UTF-8"),
        (b'path,doc_type,route\n"x.png,antrag,sozialamt\n', "has 1 fields"),
    ],
)
def test_unusable_label_files_say_why(tmp_path: Path, taxonomy, content: bytes | None, problem: str) -> None:
    if content is not None:
        (tmp_path / "labels.csv").write_bytes(content)
    with pytest.raises(BadInput) as caught:
        read_dataset(tmp_path, taxonomy)
    assert problem in str(caught.value)


def test_written_sets_read_back_unchanged(tmp_path: Path, taxonomy) -> None:
    write_image(tmp_path / "items" / "a.png")
    items = [
        LabelledItem(
            "items/a.png", "widerspruch", "steueramt", {"split": "test", "text": 'Text mit "Zitat",\nKomma'}
        )
    ]
    write_dataset(tmp_path, items)
    assert read_dataset(tmp_path, taxonomy).items == tuple(items)


def test_batches_read_back_and_positions_are_checked(tmp_path: Path, taxonomy) -> None:
    write_image(tmp_path / "batches" / "b1.png")
    entries = [
        BatchEntry("b1.png", 1, 2, "antrag", "bauamt", {"separator": "qr"}),
        BatchEntry("b1.png", 2, 1, "rechnung", "beschaffung", {"separator": "qr"}),
    ]
    write_batches(tmp_path, entries)
    assert read_batches(tmp_path, taxonomy) == entries

    write_batches(tmp_path, [entries[0], BatchEntry("b1.png", 3, 0, "antrag", "bauamt", {})])
    with pytest.raises(BadInput) as caught:
        read_batches(tmp_path, taxonomy)
    assert "row 2: pages 0 must be at least 1" in str(caught.value)
    assert "row 2: position 3 should be 2 in batch b1.png" in str(caught.value)
