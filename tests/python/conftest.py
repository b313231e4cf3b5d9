from __future__ import annotations

from typing import List

import pytest

# One text per script and trap: accents, CJK, emoji with ZWJ and flags, combining marks, CRLF.
MULTILINGUAL: List[str] = [
    "The minister spoke. Nobody listened.",
    "Le ministre a parlé. Personne n'a écouté. Déjà vu, n'est-ce pas ?",
    "Die Ministerin sprach. Niemand hörte zu. Straße für Straße.",
    "两国关系正在改善。双方同意继续对话！",
    "東京は晴れです。明日は雨でしょう。",
    "Emoji 👩‍👩‍👧 and flags 🇫🇷 count as several code points. Fine 😀.",
    "Combining marks: e\u0301t\u0301e\u0301. Next sentence.",
    "Windows lines.\r\nSecond line here.\r\n\r\nThird paragraph.",
    "",
]


@pytest.fixture(params=MULTILINGUAL, ids=lambda text: text[:12] or "empty")
def multilingual_text(request: pytest.FixtureRequest) -> str:
    return str(request.param)
