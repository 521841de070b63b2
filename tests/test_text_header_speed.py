"""The fast paths of the raw-text header search give what the plain code gives."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import unicodedata

from articlekit.options import TextScoringConfig
from articlekit.patterns import Byline, dates, find_dates, parse_byline, persons
from articlekit.patterns.dates import reads_day_order
from articlekit.patterns.persons import may_be_own_organization
from articlekit.scoring import text as st
from articlekit.tokens.text import tokenize_text

HEADER_PAGE = """Die Fähre fährt wieder

Jana Rossi

Der Betreiber teilt mit, dass die Fähre ab Montag wieder nach Fahrplan fährt und
die Reparatur am Anleger abgeschlossen ist.

Die Gemeinde hatte lange auf die Wiederaufnahme gewartet und begrüßt die Nachricht zur Fähre.
"""


MIXED_PAGE = """Share on Facebook

Listen to this article

12 May 2024

Council backs tram extension to the north

By Jane Roe | 12 May 2024

Photo: Ana Lind

Council members voted on Tuesday to extend the tram line by four stops, a plan that
has been debated for a decade and will cost less than feared.

A tram on a bridge

A tram on a bridge (Photo: Ana Lind)

Work starts next spring and should be done within two years, the council said.
"""


def _page(text: str) -> st._Page:
    tokens = tokenize_text(text).tokens
    hints = st._classify_all(tokens)
    page = st._Page(tokens, hints, TextScoringConfig(), None, 0, len(tokens) - 1, 0)
    page.prose_chars = [st._prose_chars(t, TextScoringConfig()) for t in tokens]
    return page


def test_page_parse_memo_gives_the_parsers_answer_once_per_text() -> None:
    page = _page(HEADER_PAGE)
    calls: list[str] = []

    def counting(text: str) -> Byline:
        calls.append(text)
        return parse_byline(text)

    for text in ("Jana Rossi", "Von Jana Rossi, dpa", "The Example Times", "Jana Rossi"):
        assert page.parse(text) == parse_byline(text)
        assert page.parse(text) is page.parse(text)  # kept, not parsed again
    # the byline and organisation tests read through the page's parser
    assert st._byline_field_names("Jana Rossi", counting) == ("Jana Rossi",)
    assert st._organization_name("The Example Times", counting) is True
    assert calls == ["Jana Rossi", "The Example Times"]
    # (a name the parser cannot give as an organisation is not parsed for that test)
    assert st._organization_name("Jana Rossi", counting) is False
    assert calls == ["Jana Rossi", "The Example Times"]
    fresh = _page(HEADER_PAGE)
    line = next(i for i, t in enumerate(fresh.tokens) if t.text == "Jana Rossi")
    assert fresh.byline(line) == ("Jana Rossi",)
    assert set(fresh._parsed) == {"Jana Rossi"}  # the byline test parsed through the memo
    parsed = fresh._parsed["Jana Rossi"]
    assert not fresh.organization("Jana Rossi")
    assert fresh._parsed["Jana Rossi"] is parsed  # and the organisation test reused it


_TERM_PIECES = (
    " ", "\n", ".", "-", "_", "'", "3", "٣", "²", "fähre", "FÄHRE", "Fähren", "straße", "STRASSE",
    "ferry", "ferryman", "wartet", "wart", "İstanbul", "ıstanbul", "東京都", "都庁", "서울시",
    "abcd", "abcde", "bcde", "x", "ab_cd", "abcd1", "ǅemal", "ﬁsch",
)  # fmt: skip


def _plain_body_terms(texts: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for text in texts:
        for term in st._terms(text):
            seen[term] = seen.get(term, 0) + 1
    return seen


def test_body_terms_count_as_the_word_lists_do() -> None:
    rng = random.Random(31)
    checked = 0
    for _ in range(3_000):
        texts = [
            "".join(rng.choice(_TERM_PIECES) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(0, 5))
        ]
        plain = _plain_body_terms(texts)
        body = st._BodyTerms(texts)
        asked = set(plain)
        for text in texts:
            asked |= st._terms(text + " abcdef ferrymen")
        for term in sorted(asked):
            assert body[term] == min(plain.get(term, 0), body.MAX_TERM_COUNT), (texts, term)
            checked += 1
    assert checked > 10_000


def test_body_terms_take_the_first_tokens_of_the_body() -> None:
    page = _page(HEADER_PAGE)
    page.start = 2
    terms = st._body_terms(page)
    assert terms["fähre"] == 2  # in both paragraphs
    assert terms["gemeinde"] == 1
    assert terms["rossi"] == 0  # above the body start


def test_body_terms_shared_counts_the_words_over_the_bar() -> None:
    body = st._BodyTerms(["Die Fähre fährt.", "Fähre und Anleger", "anleger_ alt"])
    assert body.shared({"fähre", "anleger", "fährt", "hafen"}, 0) == 3
    assert body.shared({"fähre", "anleger", "fährt", "hafen"}, 1) == 2  # "_" ends a word


_FOLD_PIECES = ("Über", "ÜBER", "é", "e\u0301", "ß", "ﬁ", "Å", "ø", "İ", "ǅ", "東京", "서울",
                "ṩ", "a\u0323\u0307", "Ω", "ℌ", "x", " ", "-", "1", "①", "\u0301")  # fmt: skip


def test_fold_drops_every_combining_mark() -> None:
    rng = random.Random(37)
    for _ in range(5_000):
        text = "".join(rng.choice(_FOLD_PIECES) for _ in range(rng.randint(0, 8)))
        plain = unicodedata.normalize("NFKD", text.casefold())
        expected = "".join(c for c in plain if not unicodedata.combining(c))
        assert st._fold(text) == expected, text


def test_not_a_title_answers_as_its_tests_in_any_order() -> None:
    seen = 0
    for text in (HEADER_PAGE, MIXED_PAGE):
        page = _page(text)
        for i in range(len(page.tokens)):
            expected = (
                page.mostly_date(i)
                or bool(page.byline(i))
                or page.caption(i) is not None
                or st.INTERFACE_HINT in page.hints[i]
                or st._alt_and_caption(page.tokens, i)
            )
            assert st._not_a_title(_page(text), i) is expected
            seen += expected
    assert seen >= 3


# -- third round: day order, organisation test, title word lookups, gates ------------

_DATE_PIECES = (
    "0", "1", "3", "7", "12", "13", "25", "2024", "24", "١٢", " ", "/", "/", ".", "-", ":",
    "Jan", "May", "März", "um", "am", "h", "Uhr", "pm", "vor", "ago", "hours", "2 hours",
    "today", "heute", "x", "a/b",
)  # fmt: skip


def test_dates_read_the_day_order_only_where_reads_day_order_says() -> None:
    """``find_dates`` gives the same matches with either day order (or none) on every
    text ``reads_day_order`` turns down; on some texts it does not."""
    rng = random.Random(41)
    reference = dt.datetime(2025, 5, 2, 12, tzinfo=dt.UTC)
    turned_down = differing = 0
    for _ in range(6_000):
        pieces = [rng.choice(_DATE_PIECES) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.3:  # a slashed date, often one either order reads
            slashed = f"{rng.randint(0, 14)}/{rng.randint(1, 14)}/{rng.choice(('2025', '25'))}"
            pieces.insert(rng.randint(0, len(pieces)), slashed)
        text = "".join(pieces)
        readings = {
            find_dates(text, reference_time=reference, prefer_dayfirst=order)
            for order in (True, False, None)
        }
        if not reads_day_order(text):
            assert len(readings) == 1, text
            turned_down += 1
        elif len(readings) > 1:
            differing += 1
    assert turned_down > 1_000
    assert differing > 50  # (the generated texts hold ambiguous slashed dates)


SLASHED_PAGE = """Home / News / City

Council backs tram extension

Published 06/01/2025

The council voted on 13/02/2025 to extend the tram line by four stops, after a
debate that lasted the whole evening and ended late.

Work starts next spring and should be done within two years, the council said.
"""


def test_page_day_first_is_worked_out_for_slashed_dates_only() -> None:
    page = _page(SLASHED_PAGE)
    assert page.day_first("Home / News / City") is None
    assert page.day_first("Published 2 May 2025") is None
    assert page.day_first("Published 13/02/2025, updated 03/03/2025") is None  # (decided)
    assert not page._day_order_read  # (nothing asked needed the page's habit)
    assert page.day_first("Published 06/01/2025") is True  # as 13/02/2025 shows
    assert page._day_order_read and page._day_order == st._day_first(page.tokens)


def _lines(rng: random.Random) -> list[str]:
    words = ("tram", "Council", "line", "stops", "extension", "debate", "évening", "Straße",
             "north", "cost", "votes", "東京都", "plan", "the", "a", "spring", "work")  # fmt: skip
    return [" ".join(rng.choice(words) for _ in range(rng.randint(0, 9))) for _ in range(6)]


def test_overlap_read_word_by_word_is_a_bound_then_exact() -> None:
    """``_read_overlap`` stopped early gives a bound no lower than the exact one; read to
    the end (nothing else in line) it gives ``_title_overlap``."""
    rng = random.Random(43)
    stopped = 0
    for _ in range(400):
        texts = _lines(rng)
        page = _page("\n\n".join(t or "x" for t in texts))
        page.start = rng.randint(0, 3)
        body = st._body_terms(page)
        for i in range(len(page.tokens)):
            form, distance, slug = st._line_evidence(page, i)
            own = list(st._terms(page.tokens[i].text))
            words = st._Words(own, len(own), len(own), st._recurs_over(page, i))
            most = (form, st._overlap(len(own), len(own)), distance, slug)
            exact = (form, st._title_overlap(page, i, body), distance, slug)
            other = st._title_bound(most) - rng.random() * 3
            partial = st._read_overlap(words, most, body, other)
            assert st._title_bound(partial) >= st._title_bound(exact)
            if words.unread:
                stopped += 1
                assert st._title_bound(partial) < other
            final = st._read_overlap(words, partial, body, -math.inf)
            assert final == exact
            assert final == st._title_evidence(page, i, body)
    assert stopped > 100


_BYLINE_PIECES = (
    "Jane", "Roe", "JOHN", "doe", "dpa", "AFP", "Reuters", "AP", "The", "the", "Associated",
    "Press", "Example", "Times", "News", "Media", "Zeitung", "Redaktion", "staff", "BBC",
    "XYZ", "von", "By", "Von", "und", "and", "Reporter", "/", ",", "|", "-", "(AP)", "example.org",
    "Maria", "de", "la", "Cruz", "Müller", "2024", "12.05.2024", "Agentur", "PRESS",
)  # fmt: skip


def test_parser_gives_a_text_as_its_own_organisation_only_after_the_pre_test() -> None:
    """``may_be_own_organization`` is True on every text the byline parser gives back as
    one of its organisations, on generated bylines and names."""
    rng = random.Random(47)
    own = refused = 0
    for _ in range(6_000):
        pieces = [rng.choice(_BYLINE_PIECES) for _ in range(rng.randint(1, 5))]
        text = rng.choice((" ", "", " ", "/")).join(pieces)
        if text in parse_byline(text).organizations:
            assert may_be_own_organization(text), text
            own += 1
        elif not may_be_own_organization(text):
            refused += 1
    assert own > 300
    assert refused > 1_000  # (the pre-test turns texts down)


def test_organisation_name_test_answers_as_the_parser_does() -> None:
    rng = random.Random(53)
    for _ in range(3_000):
        text = " ".join(rng.choice(_BYLINE_PIECES) for _ in range(rng.randint(1, 6)))
        byline = parse_byline(text)
        expected = (
            len(text.split()) <= st.MAX_ORGANIZATION_WORDS
            and not byline.persons
            and byline.organizations == (text,)
        )
        assert st._organization_name(text) is expected, text


_NAMED_PIECES = (
    "4", "12", "2025", "202", "20251", "١٢", "٢٠٢٥", " ", ", ", ".", "-", "/", "th", "de ",
    "February", "Feb.", "feb", "Mai", "mars", "Tuesday, ", "juin", "maggio", "X", "ago", "2 hours",
)  # fmt: skip


_MONTHS = ("February", "Feb.", "feb", "Mai", "mars", "juin", "maggio", "Fab", "diciembre")
_YEARS = ("2025", "25", "202", "20251", "٢٠٢٥", "1999")


def _plain_named(text: str) -> list[object]:
    """``_named_candidates`` without its year pre-test."""
    found: list[object] = []
    for regex in (dates.MONTH_DAY_YEAR_RE, dates.DAY_MONTH_YEAR_RE):
        for m in regex.finditer(text):
            month = dates._MONTH_BY_FOLD.get(m["mon"].casefold())
            day = None if month is None else dates._make_date(int(m["y"]), month, int(m["d"]))
            if day is not None:
                found.append(dates._with_time(text, m.start(), m.end(), day))
    return found


def test_named_and_day_first_dates_are_found_as_without_their_pre_tests() -> None:
    """The year pre-test of the named dates and the separator pre-test of the day-first
    numeric dates turn down only texts their patterns find nothing in."""
    rng = random.Random(59)
    named = dotted = 0
    for _ in range(6_000):
        pieces = [rng.choice(_NAMED_PIECES) for _ in range(rng.randint(1, 7))]
        if rng.random() < 0.5:  # a date, written out or with dots and dashes
            day, month, year = rng.randint(1, 31), rng.choice(_MONTHS), rng.choice(_YEARS)
            pieces.insert(rng.randint(0, len(pieces)), rng.choice((
                f"{day} {month} {year}", f"{month} {day}, {year}", f"{day}. {month} {year}",
                f"{day}.{rng.randint(1, 12)}.{year}", f"{day}-{rng.randint(1, 13)}-{year}",
            )))  # fmt: skip
        text = "".join(pieces)
        plain = _plain_named(text)
        assert list(dates._named_candidates(text)) == plain, text
        named += bool(plain)
        numeric = list(dates._numeric_candidates(text, prefer_dayfirst=True))
        for m in dates.NUMERIC_DMY_RE.finditer(text):
            day = dates._make_date(dates._year(m["y"]), int(m["mo"]), int(m["d"]))
            if day is not None:
                assert dates._with_time(text, m.start(), m.end(), day) in numeric, text
                dotted += 1
    assert named > 300
    assert dotted > 100


_NAME_PIECES = (
    "Jane", "Roe", "jane", "ROE", "A", "b", " ", "  ", "\n", "\u00a0", "\u2003", "\x1c", ".",
    "!", "?", "…", ":", "11:21", "3:", ":x", "»", '"', "’", ")", "]", "。", "」", "Ü", "ß", "İ",
    "ǅ", "ǆ", "Σ", "東京", "서울", "1", "x", "'s", "By ", "Von ", "Zoe", "Q",
)  # fmt: skip


def _plain_too_few_capitals(text: str) -> bool:
    if sum(1 for ch in text if ch.isupper()) >= st.MIN_NAME_WORDS:
        return False
    return all(ch.lower() != ch.upper() for ch in text if ch.isalpha())


def _plain_may_name(text: str) -> bool:
    labelled = st.BYLINE_LABEL.match(text) is not None
    if len(text.split()) > st.MAX_BYLINE_WORDS or (not labelled and st.SENTENCE_END.search(text)):
        return False
    return labelled or not (
        st.NON_TIME_COLON.search(text) or text.islower() or _plain_too_few_capitals(text)
    )


def test_name_gate_answers_as_its_plain_tests() -> None:
    """``_may_name`` (sentence end read at the last character, colon pattern only with a
    colon, ASCII capitals counted by bytes) answers as the plain tests on generated
    texts, in ASCII and beyond."""
    rng = random.Random(61)
    kinds: set[tuple[bool, bool, bool]] = set()
    for _ in range(20_000):
        text = "".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(0, 8)))
        ends = st.SENTENCE_END.search(text) is not None
        few = _plain_too_few_capitals(text)
        assert st._ends_sentence(text) is ends, text
        assert st._too_few_capitals(text) is few, text
        assert st._may_name(text) is _plain_may_name(text), text
        kinds.add((ends, few, text.isascii()))
    assert len(kinds) == 8  # every combination was generated


_CJK_PIECES = ("東京都", "都庁", "서울시", "カタカナ", "ひら", "中", " ", "Fähre", "ferry", "1")


def test_terms_pair_the_letters_of_scripts_without_spaces() -> None:
    rng = random.Random(67)
    paired = 0
    for _ in range(3_000):
        text = "".join(rng.choice(_CJK_PIECES) for _ in range(rng.randint(0, 6)))
        folded = text.casefold()
        letters = [ch for ch in folded if st.CJK_RE.match(ch)]
        expected = set(st.TERM_RE.findall(folded)) if not folded.isascii() else None
        if expected is None:
            expected = set(st.ASCII_TERM_RE.findall(folded))
        else:
            expected.update(a + b for a, b in itertools.pairwise(letters))
        assert st._terms(text) == expected, text
        paired += len(letters) > 1
    assert paired > 1_000


_SLUG_PIECES = ("tram", "Tram", "TRAM", "ab", "abc", "über", "ueber", "Straße", "x", "-", " ", "3",
                "_", "é", "e\u0301", "東京", "north", "nor", "'s")  # fmt: skip


def test_slug_share_counts_the_words_the_plain_way() -> None:
    rng = random.Random(71)
    slug = st._slug_words("https://example.org/news/tram-north-ueber-strasse-abc")
    shares = set()
    for _ in range(5_000):
        text = "".join(rng.choice(_SLUG_PIECES) for _ in range(rng.randint(0, 8)))
        words = [w for w in st.WORD_RE.findall(st._fold(text)) if len(w) >= 3]
        expected = sum(1 for w in words if w in slug) / len(words) if words else 0.0
        assert st._slug_share(text, slug) == expected, text
        shares.add(expected)
    assert len(shares) > 5  # (lines with none, some and all words in the slug)


_PART_PIECES = ("Jane", "Roe", " ", "  ", "\t", "\u00a0", ",", ";", "|", "/", "&", "•", "·", "+",
                " and ", " und ", " y ", " e ", "and", "en", " - ", " – ", "—", "-", "Redakteurin",
                " für ", "Politik", "ja")  # fmt: skip


def test_byline_parts_split_as_without_the_separator_pre_test() -> None:
    rng = random.Random(73)
    split = 0
    for _ in range(5_000):
        value = "".join(rng.choice(_PART_PIECES) for _ in range(rng.randint(0, 8)))
        found = persons.SPLIT_RE.search(value) is not None
        assert (persons.SEPARATOR_RE.search(value) is not None) is found, value
        spans: list[tuple[int, int]] = []  # the loop of _split_parts, without the pre-test
        last, joined = 0, False
        for m in persons.SPLIT_RE.finditer(value):
            persons._append_span(value, spans, (last, m.start()), joined_by_conj=joined)
            joined = m["conj"] is not None
            last = m.end()
        persons._append_span(value, spans, (last, len(value)), joined_by_conj=joined)
        assert persons._split_parts(value) == [value[a:b] for a, b in spans], value
        split += found
    assert 1_000 < split < 4_500  # (values with separators and without)


def test_text_residue_only_same_as_the_plain_test() -> None:
    """``_residue_only`` answers as the residue pattern alone does, with and without
    residue characters in the line."""
    rng = random.Random(11)
    pieces = ("(BUTTON)", "[img]", "[Home]", "___", "_", "(", "[", " ", ":", "|", "•", "-", "a")
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert st._residue_only(text) is (not st.RESIDUE.sub("", text).strip(" :|•·-"))
