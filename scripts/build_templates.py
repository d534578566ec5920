"""Write templates/*.docx from the layout code in src/congvan/render/layout.py.

The templates are generated, not drawn: edit layout.py (or congvan/rules.py), run `make templates`,
and review the result in Word or LibreOffice. tests/test_templates.py fails when a committed
template no longer matches what layout.py builds.
"""

from __future__ import annotations

from pathlib import Path

from congvan.render.layout import TEMPLATE_NAMES, build_template

OUT = Path(__file__).resolve().parents[1] / "templates"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name in TEMPLATE_NAMES:
        path = OUT / f"{name}.docx"
        path.write_bytes(build_template(name))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
