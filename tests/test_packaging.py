"""What a release holds: the licence, the schema and the templates, and no stray user files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the checkout's tracked files, plus what a user leaves after the README's
    examples."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, tmp_path / name)
    for stray in ("out.docx", "da-sua.docx", "congvan.schema.json", "out/x.docx"):
        (tmp_path / stray).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / stray).write_bytes(b"user's file")
    return tmp_path


def test_sdist_holds_the_project_and_no_user_files(checkout):
    files = {f.distribution_path for f in SdistBuilder(str(checkout)).recurse_included_files()}
    assert {"LICENSE", "README.md", "pyproject.toml", "Makefile",
            "templates/cong_van.docx", "docs/schema/congvan.schema.json"} <= files
    assert not {"out.docx", "da-sua.docx", "congvan.schema.json", "out/x.docx"} & files


def test_wheel_ships_templates_schema_and_licence(checkout):
    builder = WheelBuilder(str(checkout))
    files = {f.distribution_path for f in builder.recurse_included_files()}
    files |= set(builder.config.force_include.values())
    assert {"congvan/templates", "congvan/data/congvan.schema.json"} <= files
    assert "LICENSE" in builder.metadata.core.license_files
