"""Reading document input: YAML or JSON, into the document model its ``loai_van_ban`` names.

>>> doc = load("examples/cong-van-4172-UBND-VHTT.yaml")
>>> type(doc).__name__, doc.so_ky_hieu.ky_hieu
('CongVan', 'UBND-VHTT')
"""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import IO, Any

import yaml

from .errors import InvalidDocumentError, Problem
from .models import ALLOW_OUTSIDE_IMAGES, BASE_DIR, MODELS, VanBan
from .rules import LOAI_VAN_BAN

__all__ = ["load", "loads", "validate"]


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice (YAML would silently keep the last one)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"trường {key!r} xuất hiện hai lần", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings: the model reads dd/mm/yyyy and ISO alike, with one error message for both.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(text: str, fmt: str) -> Any:
    try:
        if fmt == "json":
            return json.loads(text)
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise InvalidDocumentError([Problem((), "syntax", f"không đọc được {fmt.upper()}: {exc}")])


def validate(data: Any, *, base_dir: str | PathLike[str] | None = None,
             allow_outside_images: bool = False) -> VanBan:
    """Return the document model for `data` (a mapping); raise InvalidDocumentError otherwise.

    Relative image paths in `data` are read from `base_dir` (the input file's folder for load(),
    else the current folder) and must stay inside it unless `allow_outside_images` (docs/security.md).
    """
    if not isinstance(data, dict):
        raise InvalidDocumentError([Problem((), "document.type",
                                            "dữ liệu văn bản phải là một bảng các trường")])
    loai = data.get("loai_van_ban")
    if loai is None:
        raise InvalidDocumentError([Problem(("loai_van_ban",), "missing",
                                            "thiếu trường bắt buộc (ví dụ: cong_van)")])
    model = MODELS.get(loai) if isinstance(loai, str) else None
    if model is None:
        known = LOAI_VAN_BAN.get(loai) if isinstance(loai, str) else None
        message = (f"loại văn bản '{known.ten}' chưa được hỗ trợ; hiện có: {', '.join(MODELS)}"
                   if known else
                   f"'{loai}' không phải loại văn bản của Nghị định 30 (Đ.7); "
                   f"hiện có: {', '.join(MODELS)}")
        raise InvalidDocumentError([Problem(("loai_van_ban",), "loai_van_ban.unknown", message)])
    token = BASE_DIR.set(Path(base_dir) if base_dir is not None else Path.cwd())
    allow = ALLOW_OUTSIDE_IMAGES.set(allow_outside_images)
    try:
        return model.model_validate(data)
    finally:
        ALLOW_OUTSIDE_IMAGES.reset(allow)
        BASE_DIR.reset(token)


def loads(text: str, format: str = "yaml", *,
          base_dir: str | PathLike[str] | None = None, allow_outside_images: bool = False) -> VanBan:
    """Return the document described by `text`, YAML (a superset of JSON) unless `format` is json."""
    return validate(_parse(text, format), base_dir=base_dir,
                    allow_outside_images=allow_outside_images)


def load(source: str | PathLike[str] | IO[str] | IO[bytes], *,
         allow_outside_images: bool = False) -> VanBan:
    """Return the document in a .yaml/.yml/.json file (format by extension) or an open file."""
    if hasattr(source, "read"):
        raw = source.read()  # type: ignore[union-attr]
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return loads(text, allow_outside_images=allow_outside_images)
    path = Path(source)  # type: ignore[arg-type]
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    return loads(path.read_text(encoding="utf-8-sig"), fmt, base_dir=path.parent,
                 allow_outside_images=allow_outside_images)
