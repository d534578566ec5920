# Minimal stub: only what congvan.numwords uses (num2words ships no types).
from .base import Num2Word_Base

#: num2words' registry of converters by language code; register_num2words adds one.
CONVERTER_CLASSES: dict[str, Num2Word_Base]

def num2words(number: object, ordinal: bool = False, lang: str = "en", to: str = "cardinal",
              **kwargs: object) -> str: ...
