"""Unicode Vietnamese is never taken for TCVN3 or VNI, and never changed by the legacy converter.

The body of text: every syllable Vietnamese allows, generated here from its onsets, rhymes and tones
(written out below from the school orthography, not from congvan.vietnamese.syllables), in lower,
upper and
title case; the decree's text (tests/fixtures/legacy/); the docs and the examples; and short texts
mixed with English, numbers and abbreviations. Issue 8: "báo cáo" was detected as VNI, and --fix
turned "Thông cáo" into "Thơng cáo".
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from pathlib import Path

import pytest

from congvan.vietnamese.legacy import detect_legacy_encoding, legacy_to_unicode
from congvan.vietnamese.syllables import is_syllable

from .test_legacy_samples import tcvn3, vni

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "legacy"

# -- the six tones: ngang, huyền, sắc, hỏi, ngã, nặng; a stop coda (p t c ch) takes sắc or nặng --
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
STOP_TONES = ["\u0301", "\u0323"]

# -- rhymes; "_" stands before the vowel that carries the tone --
def words(table: str) -> list[str]:
    return table.split()


RHYMES = words("""
_a _ac _ach _ai _am _an _ang _anh _ao _ap _at _au _ay
_ăc _ăm _ăn _ăng _ăp _ăt
_âc _âm _ân _âng _âp _ât _âu _ây
_e _ec _em _en _eng _eo _ep _et
_ê _êch _êm _ên _ênh _êp _êt _êu
_i _ich _im _in _inh _ip _it _iu
_o _oc _oi _om _on _ong _op _ot
_ô _ôc _ôi _ôm _ôn _ông _ôp _ôt
_ơ _ơi _ơm _ơn _ơp _ơt
_u _uc _ui _um _un _ung _up _ut
_ư _ưc _ưi _ưng _ưt _ưu
_ia i_êc i_êm i_ên i_êng i_êp i_êt i_êu
_ua u_ôc u_ôi u_ôm u_ôn u_ông u_ôt
_ưa ư_ơc ư_ơi ư_ơm ư_ơn ư_ơng ư_ơp ư_ơt ư_ơu
""")
#: With the glide (o before a, ă, e; u before â, ê, y, ơ); open oa, oe, uy in both styles.
GLIDED = words("""
o_a _oa o_ac o_ach o_ai o_an o_ang o_anh o_at o_ay o_ăc o_ăn o_ăng o_ăt
o_e _oe o_en o_eo o_et u_ân u_âng u_ât u_ây u_ê u_êch u_ênh
u_y _uy u_ych u_ynh u_yt u_yu uy_ên uy_êt u_ơ
""")
#: With no onset, iê is written yê; open i may be written y.
NO_ONSET = words("y_ên y_êt y_êu y_êm _y")
#: After qu (its u is the glide).
AFTER_QU = [r for r in RHYMES if r.lstrip("_")[0] in "aăâeêơ"] + words("_y _yt _ych _ynh y_ên y_êt")
ONSETS = words("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph r s t th tr v x")
FRONT = ("i", "e", "ê", "y")
#: c, g, ng are written k, gh, ngh before the front vowels.
VELARS = {"c": "k", "g": "gh", "ng": "ngh"}


def _with_tone(rhyme: str, tone: str) -> str:
    i = rhyme.index("_")
    return unicodedata.normalize("NFC", rhyme[:i] + rhyme[i + 1] + tone + rhyme[i + 2 :])


def _tones(rhyme: str) -> list[str]:
    return STOP_TONES if rhyme.endswith(("p", "t", "c", "ch")) else TONES


def _onset_fits(onset: str, rhyme: str) -> bool:
    bare = rhyme.replace("_", "")
    if onset in VELARS:
        return not bare.startswith(FRONT)
    if onset in VELARS.values():
        return bare.startswith(FRONT) and rhyme in RHYMES
    return True


def generate() -> list[str]:
    """Return every Vietnamese syllable, in lower case (NFC)."""
    out = set()
    for onset, rhyme in itertools.product(ONSETS, RHYMES + GLIDED):
        if not _onset_fits(onset, rhyme) or (onset in ("c", "k", "gh", "ngh") and rhyme in GLIDED):
            continue
        if onset == "gi" and rhyme.replace("_", "").startswith("i"):
            if rhyme.replace("_", "") in ("ia", "iu"):
                continue
            written = "g" + rhyme  # gi + ì → gì, gi + iêng → giêng
        else:
            written = onset + rhyme
        out.update(_with_tone(written, t) for t in _tones(rhyme))
    for rhyme in [r for r in RHYMES + GLIDED if not r.replace("_", "").startswith("iê")] + NO_ONSET:
        out.update(_with_tone(rhyme, t) for t in _tones(rhyme))
    for rhyme in AFTER_QU:
        out.update(_with_tone("qu" + rhyme, t) for t in _tones(rhyme))
    for onset in ("h", "k", "l", "m", "s", "t", "v"):  # kỳ, lý, Mỹ, sỹ, Vy
        out.update(_with_tone(onset + "_y", t) for t in TONES)
    return sorted(out)


SYLLABLES = generate()


def _cases(words: list[str]) -> list[str]:
    return [w for word in words for w in (word, word.upper(), word[0].upper() + word[1:])]


def test_tens_of_thousands_of_syllables():
    assert len(SYLLABLES) > 10_000
    assert {"nghiêng", "quyết", "giếng", "khuỷu", "hòa", "hoà", "thuở", "gì", "yêu"} <= set(
        SYLLABLES)


def test_every_generated_syllable_is_a_syllable():
    wrong = [w for w in _cases(SYLLABLES) if not is_syllable(w)]
    assert wrong == []


def test_no_syllable_alone_is_legacy():
    found = [(w, enc) for w in _cases(SYLLABLES) if (enc := detect_legacy_encoding(w))]
    assert found == []


def test_all_syllables_together_are_not_legacy_and_stay_unchanged():
    for case in (str.lower, str.upper, str.title):
        text = " ".join(case(w) for w in SYLLABLES)
        assert detect_legacy_encoding(text) is None
        assert legacy_to_unicode(text) == text


# -- words that are no syllable: spellings Vietnamese does not allow --
NOT_SYLLABLES = ["hòc", "tập̀", "ka", "ge", "nghe̊", "ngừơi", "gìa", "qúy", "coọng", "cúyên", "iên",
                 "kuy", "Café", "Müller", "hôt", "Bluezone", "ươ"]  # fmt: skip


@pytest.mark.parametrize("word", NOT_SYLLABLES)
def test_not_a_syllable(word):
    assert not is_syllable(word)


# -- a published dictionary: LibreOffice's Vietnamese hunspell list (Debian package hunspell-vi,
#    installed by .ci/run), 6,600 entries made without congvan --
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
#: Its entries that are no Vietnamese syllable: abbreviations, loanwords spelt the foreign way,
#: spellings the school rules do not allow (quoàng for quàng), and two stop codas with no tone.
HUNSPELL_NOT_SYLLABLES = set(words("""
ABC ASCII GIF HCM HK HTML HĐND JPEG LHQ PDF PNG TCVN TV Telex Tp UBND URL Unicode VIQR VISCII VN VNI
basoi email gen gip gram internet intranet ka palăng ping quoàng quoạng quoắt tivi tout tuyn têt v
web xit
"""))


def test_a_published_dictionary():
    if not HUNSPELL.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but hunspell-vi is missing: .ci/run installs it")
        pytest.skip("hunspell-vi is not installed (apt-get install hunspell-vi)")
    entries = [line.split("/")[0].strip() for line in
               HUNSPELL.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    assert len(entries) > 6000
    assert {w for w in entries if not is_syllable(w)} == HUNSPELL_NOT_SYLLABLES
    syllables = [w for w in entries if w not in HUNSPELL_NOT_SYLLABLES]
    found = [(w, enc) for w in _cases(syllables) if (enc := detect_legacy_encoding(w))]
    assert found == []
    for encode, name in ((vni, "vni"), (tcvn3, "tcvn3")):
        for text in (" ".join(entries), " ".join(w.lower() for w in entries)):
            assert detect_legacy_encoding(encode(text)) == name


# --------------------------------------------------------------------------------------------------
# Real text: the decree, the docs, the examples
# --------------------------------------------------------------------------------------------------

#: The docs' and the tests' own legacy examples, and the docs' list of VNI's codes.
LEGACY_SAMPLE = re.compile(
    "Céng|Coäng|CéNG|Ñoäc|Uû|ViÖt|nh©n|Vieät|B¶o|Ninh B×nh|QuyÕt|Ngöôøi|§éc|`ä`|í ì æ|\\(ñ\\)"
    '|b¸o|c¸o|"où"|"Sè"')


def _real_lines() -> list[tuple[str, str]]:
    paths = [*FIXTURES.glob("*.md"), *FIXTURES.glob("*.txt"), *ROOT.glob("docs/*.md"),
             ROOT / "README.md", *ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/fixtures/*.md")]
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((path.name, line))
    return out


def test_real_text_line_by_line():
    lines = _real_lines()
    assert len(lines) > 3000
    found = [(name, line) for name, line in lines
             if detect_legacy_encoding(line) and not LEGACY_SAMPLE.search(line)]
    assert found == []  # the docs' own legacy examples aside


def test_real_text_word_by_word_is_unchanged():
    words = {w for _, line in _real_lines() if not LEGACY_SAMPLE.search(line)
             for w in line.split()}
    changed = [w for w in words if legacy_to_unicode(w) != w]
    assert changed == []


# --------------------------------------------------------------------------------------------------
# Short texts, and Vietnamese mixed with English, numbers and abbreviations
# --------------------------------------------------------------------------------------------------

SHORT = ["báo cáo", "thông báo", "Tuyên Quang", "Thông cáo", "Thông", "BÁO CÁO", "THÔNG BÁO",
         "báo cáo tình hình", "V/v báo cáo tình hình", "Thông cáo báo chí", "Ý kiến", "À", "ô tô",
         "Tô Lâm", "Cà Mau", "Bà Rịa", "Đà Nẵng", "Hà Nội", "Mỹ Tho", "Bế Văn Đàn", "Tây Ninh",
         "tiếp tục tăng cường", "Kính gửi:", "Nơi nhận:", "./.", "Chánh Văn phòng", "Giám đốc",
         "chỉ đạo", "thông tin", "ông", "bà", "cô", "chú", "các", "là", "có", "và", "về",
         "để"]  # fmt: skip
MIXED = ["UBND", "VHTT", "TCVN3", "TCVN 6909:2001", "QĐ-UBND", "4172/UBND-VHTT",
         "ứng dụng Bluezone", "Microsoft Word", "e-mail", "COVID-19", "150.829", "35,67%", "2024",
         "PDF", "www.gov.vn", "Times New Roman", "the report", "Café Müller", "naïve façade",
         "São Paulo", "5 µm", "« trích »", "§ 3", "25 °C", "± 0,5 mm", "A · B", "© 2024",
         "the café où we met"]  # fmt: skip


@pytest.mark.parametrize("text", SHORT + MIXED)
def test_short_and_mixed_texts(text):
    assert detect_legacy_encoding(text) is None
    assert legacy_to_unicode(text) == text


def test_vietnamese_mixed_with_everything():
    for words in itertools.islice(itertools.permutations(SHORT[:8] + MIXED[:12], 4), 20_000):
        text = " ".join(words)
        assert detect_legacy_encoding(text) is None, text


def test_nfd_text_is_unicode():
    text = unicodedata.normalize("NFD", "Thông cáo báo chí")
    assert detect_legacy_encoding(text) is None and legacy_to_unicode(text) == text
