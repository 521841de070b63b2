"""Tests of articlekit.patterns.language: script and stop-word language detection."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.patterns import detect_language
from articlekit.patterns.language import (
    DECISIVE_BLOCK_CHARS,
    _blocks,
    _count_words,
    _verdict,
)

ONE_MB = 1_000_000

SAMPLES: list[tuple[str, str]] = [
    ("en", "The council said on Friday that the new bridge would not open before the "
           "summer, and the mayor was not available for comment."),
    ("de", "Der Stadtrat hat am Freitag mitgeteilt, dass die neue Brücke nicht vor dem "
           "Sommer eröffnet wird, und der Bürgermeister war nicht zu erreichen."),
    ("fr", "Le conseil municipal a indiqué vendredi que le nouveau pont ne sera pas ouvert "
           "avant l'été, et le maire n'était pas disponible pour un commentaire."),
    ("es", "El ayuntamiento dijo el viernes que el nuevo puente no se abrirá antes del "
           "verano y el alcalde no estaba disponible para hacer comentarios."),
    ("it", "Il consiglio comunale ha detto venerdì che il nuovo ponte non sarà aperto "
           "prima dell'estate e il sindaco non era disponibile per un commento."),
    ("nl", "De gemeenteraad zei vrijdag dat de nieuwe brug niet voor de zomer open gaat "
           "en de burgemeester was niet bereikbaar voor commentaar."),
    ("pt", "A câmara disse na sexta-feira que a nova ponte não vai abrir antes do verão "
           "e o presidente não estava disponível para comentar."),
    ("sv", "Kommunen sa på fredagen att den nya bron inte kommer att öppna före sommaren "
           "och borgmästaren var inte tillgänglig för en kommentar."),
    ("da", "Kommunen sagde fredag, at den nye bro ikke åbner før sommeren, og borgmesteren "
           "var ikke til at få fat på. Hvad der sker nu, er meget uklart."),
    ("no", "Kommunen sa fredag at den nye brua ikke åpner før sommeren, og ordføreren var "
           "ikke tilgjengelig. Hva som skjer nå, er fortsatt uklart etter dette."),
    ("pl", "Rada miasta poinformowała w piątek, że nowy most nie zostanie otwarty przed "
           "latem, a burmistrz nie był dostępny dla komentarza."),
    ("tr", "Belediye cuma günü yeni köprünün yazdan önce açılmayacağını söyledi ve başkan "
           "yorum için ulaşılamadı, ancak bu çok daha önemli bir konu."),
    ("ru", "Городской совет заявил в пятницу, что новый мост не откроется до лета."),
    ("uk", "Міська рада заявила у пʼятницю, що новий міст не відкриється до літа, і мер "
           "був недоступний."),
    ("ja", "市議会は金曜日、新しい橋は夏まで開通しないと発表した。"),
    ("zh", "市议会周五表示，新桥在夏天之前不会开通。"),
    ("ko", "시의회는 금요일 새 다리가 여름 전에는 개통되지 않을 것이라고 밝혔다."),
    ("ar", "قال مجلس المدينة يوم الجمعة إن الجسر الجديد لن يفتح قبل الصيف"),
    ("he", "מועצת העיר אמרה ביום שישי שהגשר החדש לא ייפתח לפני הקיץ"),
    ("el", "Το δημοτικό συμβούλιο ανακοίνωσε την Παρασκευή ότι η νέα γέφυρα δεν θα ανοίξει"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_language_detects_sample_sentences(lang: str, text: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Hello", "1234 5678 90", "Berlin", "ZDF ARD NDR", "日本", "!!! ??? ..."],
)
def test_language_too_little_evidence_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_language_reads_only_the_start() -> None:
    english = SAMPLES[0][1]
    text = english * 400 + " der die und das ist nicht" * 10_000
    assert detect_language(text) == "en"


def test_language_latin_quotes_in_cyrillic_text_keep_script() -> None:
    text = "Министр сказал, что «Reuters» и AP сообщили об этом в пятницу вечером."
    assert detect_language(text) == "ru"


@pytest.mark.parametrize("filler", [" ", "1", ".", "a", "я", "der "])
def test_language_huge_adversarial_input_returns(filler: str) -> None:
    result = detect_language(filler * (ONE_MB // len(filler)))
    assert result is None or isinstance(result, str)


ENGLISH = SAMPLES[0][1]
GERMAN = SAMPLES[1][1]


def test_language_decisive_opening_ends_the_reading() -> None:
    # two blocks of English decide by a wide margin; the German after them, which
    # makes the whole text too close to call, is not read
    opening = " ".join([ENGLISH] * (2 * DECISIVE_BLOCK_CHARS // len(ENGLISH) + 1))
    text = opening + " " + " ".join([GERMAN] * 100)
    counts, total = _count_words(text)
    assert _verdict(counts, total)[0] is None
    assert detect_language(text) == "en"


def test_language_close_opening_reads_on() -> None:
    # English and German mixed: the first block leans English without a wide margin, so
    # the reading goes on and the German after the opening decides
    mixed = " ".join([ENGLISH, GERMAN] * (DECISIVE_BLOCK_CHARS // len(ENGLISH) + 1))
    text = mixed + " " + " ".join([GERMAN] * 60)
    counts, total = _count_words(next(_blocks(text)))
    assert _verdict(counts, total) == ("en", False)
    assert detect_language(text) == "de"


@settings(max_examples=150)
@given(
    st.lists(
        st.sampled_from(
            ["the", "der", "und", "of", "Straße", "İstanbul", "ok,", "x" * 45, "1990er"]
        ),
        max_size=1_500,
    ),
    st.sampled_from([" ", "  ", "\n "]),
)
def test_language_block_counts_add_up_to_the_whole(words: list[str], gap: str) -> None:
    text = gap.join(words)
    blocks = list(_blocks(text))
    assert " ".join(blocks) == text
    assert all(len(block) >= DECISIVE_BLOCK_CHARS for block in blocks[:-1])
    summed: Counter[str] = Counter()
    total = 0
    for block in blocks:
        found, n = _count_words(block)
        summed.update(found)
        total += n
    whole, whole_total = _count_words(text)
    assert (summed, total) == (whole, whole_total)
