"""A template edited in Word, used from the command line (``--template``) and by render_many:
every document takes the office's styles; a bad template stops the command before any file."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from docx.shared import Pt

import congvan
from congvan.cli import main
from congvan.render.template import template_dir

from .conftest import SEED
from .test_render import png


@pytest.fixture
def office_template(tmp_path: Path) -> Path:
    """The shipped công văn template with the office's own body spacing (12 pt before)."""
    path = tmp_path / "cua-toi.docx"
    shutil.copy(template_dir() / "cong_van.docx", path)
    word = docx.Document(str(path))
    word.styles["CV Nội dung"].paragraph_format.space_before = Pt(12)
    word.save(str(path))
    return path


def _spacing(path: Path | bytes) -> float:
    source = io.BytesIO(path) if isinstance(path, bytes) else str(path)
    space = docx.Document(source).styles["CV Nội dung"].paragraph_format.space_before
    assert space is not None
    return space.pt


def _run(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_render_with_the_offices_template(office_template, tmp_path):
    target = tmp_path / "cv.docx"
    code, out, _ = _run("render", SEED, "-o", target, "--template", office_template)
    assert code == 0 and out == f"đã ghi {target}\n"
    assert _spacing(target) == 12.0
    assert _spacing(congvan.render_bytes(congvan.load(SEED))) == 6.0  # the shipped one: 6 pt


def test_batch_with_the_offices_template_in_every_worker(office_template, tmp_path):
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    del data["kinh_gui"]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("kinh_gui[0]\n" + "".join(f"UBND phường {i}\n" for i in range(40)),
                    encoding="utf-8")
    code, _, err = _run("batch", spec, "--data", rows, "-o", tmp_path / "out", "--jobs", 2,
                        "--template", office_template)
    assert code == 0, err
    files = sorted((tmp_path / "out").glob("*.docx"))
    assert len(files) == 40 and {_spacing(f) for f in files} == {12.0}


def test_render_many_takes_a_template_object(office_template, tmp_path):
    doc = congvan.load(SEED)
    results = list(congvan.render_many([doc, doc], tmp_path / "out", jobs=1,
                                       template=congvan.Template(office_template)))
    assert all(r.ok for r in results)
    assert [_spacing(r.path) for r in results if r.path] == [12.0, 12.0]


@pytest.mark.parametrize("command", ["render", "batch"])
def test_a_bad_template_stops_before_any_file(tmp_path, command):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    out = tmp_path / "out"
    args = (["render", SEED, "-o", out / "x.docx"] if command == "render"
            else ["batch", SEED, "--data", tmp_path / "rows.csv", "-o", out])
    (tmp_path / "rows.csv").write_text("kinh_gui[0]\nA\n", encoding="utf-8")
    code, _, err = _run(*args, "--template", bad)
    assert code == 2 and "hong.docx" in err and "không phải tệp .docx" in err
    assert not out.exists()


def test_own_workers_get_the_template_once_not_with_every_chunk(office_template, tmp_path,
                                                                  monkeypatch):
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    from congvan import batch

    sent: list[int] = []
    started: list[object] = []

    class Spy(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(kwargs.get("initargs"))
            super().__init__(*args, **kwargs)

        def submit(self, fn, /, *args, **kwargs):
            sent.append(len(pickle.dumps(args)))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Spy)
    template = office_template.read_bytes()
    doc = congvan.load(SEED)
    results = list(congvan.render_many([doc] * 70, tmp_path / "out", jobs=2,
                                       template=office_template))
    assert all(r.ok for r in results) and {_spacing(r.path) for r in results if r.path} == {12.0}
    assert started == [(template,)]  # once per worker, at its start
    assert len(sent) == 3 and max(sent) < len(template)  # chunks of 32, 32, 6 without it


def test_a_template_of_another_family_is_refused_not_silently_short(tmp_path):
    """A công văn's template has no place for a Quyết định's tên loại: refused, naming it."""
    qd = congvan.load(SEED.parent / "quyet-dinh-2315-QD-UBND.yaml")
    with pytest.raises(congvan.TemplateError) as exc:
        congvan.render_bytes(qd, template=congvan.Template(template_dir() / "cong_van.docx"))
    assert exc.value.code == "template.missing_key"
    assert "{{ ten_loai }}" in str(exc.value) and "van_ban.docx" in str(exc.value)
    code, _, err = _run("render", SEED.parent / "quyet-dinh-2315-QD-UBND.yaml", "-o",
                        tmp_path / "qd.docx", "--template", template_dir() / "cong_van.docx")
    assert code == 2 and "{{ ten_loai }}" in err and not (tmp_path / "qd.docx").exists()


def test_every_example_renders_with_a_copy_of_its_own_familys_template():
    from congvan.context import template_of

    for path in sorted(SEED.parent.glob("*.yaml")):
        doc = congvan.load(path)
        copy = congvan.Template((template_dir() / f"{template_of(doc)}.docx").read_bytes())
        assert congvan.render_bytes(doc, template=copy)[:2] == b"PK", path.name


def test_a_template_without_a_place_for_the_signature_image_is_refused(tmp_path):
    data = (template_dir() / "cong_van.docx").read_bytes()
    word = docx.Document(io.BytesIO(data))
    for paragraph in word.paragraphs + [p for t in word.tables for row in t.rows
                                        for c in row.cells for p in c.paragraphs]:
        for run in paragraph.runs:
            run.text = run.text.replace("{{ cho_ky }}", "").replace("{{p cho_ky }}", "")
    out = io.BytesIO()
    word.save(out)
    template = congvan.Template(out.getvalue())
    assert "cho_ky" not in template.variables
    (tmp_path / "ky.png").write_bytes(png(40, 20))
    spec = SEED.read_text(encoding="utf-8").replace("  ho_ten:", "  anh_chu_ky: ky.png\n  ho_ten:",
                                                    1)
    (tmp_path / "cv.yaml").write_text(spec, encoding="utf-8")
    with pytest.raises(congvan.TemplateError) as exc:
        congvan.render_bytes(congvan.load(tmp_path / "cv.yaml"), template=template)
    assert exc.value.code == "template.missing_key" and "{{ cho_ky }}" in str(exc.value)

