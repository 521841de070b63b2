"""Tests of articlekit.patterns.dates: dates in text and in metadata values."""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from articlekit.patterns import DateMatch, find_dates, parse_date_string
from articlekit.patterns import dates as dates_module
from articlekit.patterns.dates import may_hold_date

ONE_MB = 1_000_000
CET = timezone(timedelta(hours=1))
REF = datetime(2025, 2, 4, 12, 0, tzinfo=UTC)


def _values(text: str, **kwargs: object) -> list[date | datetime]:
    return [m.value for m in find_dates(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-30", date(2024, 1, 30)),
        ("published 30.01.2024 in print", date(2024, 1, 30)),
        ("30.01.24", date(2024, 1, 30)),
        ("30-01-2024", date(2024, 1, 30)),
        ("1/30/2024", date(2024, 1, 30)),
        ("30/1/2024", date(2024, 1, 30)),
        ("2024/01/30", date(2024, 1, 30)),
        ("February 4, 2025", date(2025, 2, 4)),
        ("Feb. 4, 2025", date(2025, 2, 4)),
        ("Feb 4th, 2025", date(2025, 2, 4)),
        ("4 February 2025", date(2025, 2, 4)),
        ("Tuesday, 4 February 2025", date(2025, 2, 4)),
        ("4. Februar 2025", date(2025, 2, 4)),
        ("30. Januar 2024", date(2024, 1, 30)),
        ("Dienstag, 4. März 2025", date(2025, 3, 4)),
        ("4 février 2025", date(2025, 2, 4)),
        ("le 4 févr. 2025", date(2025, 2, 4)),
        ("1er mars 2025", date(2025, 3, 1)),
        ("4 de febrero de 2025", date(2025, 2, 4)),
        ("4 febbraio 2025", date(2025, 2, 4)),
        ("4 juni 2025", date(2025, 6, 4)),
        ("4 de março de 2025", date(2025, 3, 4)),
        ("4 maj 2025", date(2025, 5, 4)),
        ("2025年2月4日", date(2025, 2, 4)),
    ],
)
def test_dates_finds_absolute_dates_without_inventing_time(text: str, expected: date) -> None:
    values = _values(text)
    assert values == [expected]
    assert type(values[0]) is date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-30T14:13:12Z", datetime(2024, 1, 30, 14, 13, 12, tzinfo=UTC)),
        ("2024-01-30T14:13:12+01:00", datetime(2024, 1, 30, 14, 13, 12, tzinfo=CET)),
        ("2024-01-30 14:13", datetime(2024, 1, 30, 14, 13)),
        ("30.01.2024, 14:13", datetime(2024, 1, 30, 14, 13)),
        ("30.01.2024, 14.13 Uhr", datetime(2024, 1, 30, 14, 13)),
        ("4. Februar 2025 um 14:13 Uhr", datetime(2025, 2, 4, 14, 13)),
        ("4. Februar 2025, 14 Uhr", datetime(2025, 2, 4, 14, 0)),
        ("February 4, 2025 at 2:13 PM", datetime(2025, 2, 4, 14, 13)),
        ("Feb 4, 2025 2:13 p.m.", datetime(2025, 2, 4, 14, 13)),
        ("Feb 4, 2025, 9:05am", datetime(2025, 2, 4, 9, 5)),
        ("Feb 4, 2025 12:30 a.m.", datetime(2025, 2, 4, 0, 30)),
        ("le 4 févr. 2025 à 14h13", datetime(2025, 2, 4, 14, 13)),
        ("4 de febrero de 2025 a las 14:13", datetime(2025, 2, 4, 14, 13)),
        ("4 febbraio 2025 alle 14:13", datetime(2025, 2, 4, 14, 13)),
    ],
)
def test_dates_attaches_following_time(text: str, expected: datetime) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "offset_hours"),
    [
        ("4 Feb 2025 14:13 GMT", 0),
        ("4 Feb 2025 14:13 UTC", 0),
        ("4 Feb 2025 14:13 CET", 1),
        ("4. Februar 2025, 14:13 Uhr MEZ", 1),
        ("4. Juli 2025, 14:13 Uhr MESZ", 2),
        ("4 July 2025 14:13 CEST", 2),
        ("July 4, 2025 2:13 PM EDT", -4),
        ("Feb 4, 2025 2:13 PM EST", -5),
        ("Feb 4, 2025 2:13 PM ET", -5),
        ("July 4, 2025 2:13 PM ET", -4),
        ("July 4, 2025 2:13 PM PT", -7),
        ("4 July 2025 14:13 BST", 1),
        ("Tue, 04 Feb 2025 10:00:00 +0100", 1),
        ("4 Feb 2025 14:13 GMT+2", 2),
    ],
)
def test_dates_zone_words_give_fixed_offsets(text: str, offset_hours: int) -> None:
    (value,) = _values(text)
    assert isinstance(value, datetime)
    assert value.utcoffset() == timedelta(hours=offset_hours)


def test_dates_unknown_or_ambiguous_zone_stays_naive() -> None:
    (value,) = _values("Feb 4, 2025, 17:07 IST")
    assert isinstance(value, datetime)
    assert value.tzinfo is None


def test_dates_glued_duplicate_dates_are_both_found() -> None:
    matches = find_dates("30.01.202430. Januar 2024")
    assert [m.value for m in matches] == [date(2024, 1, 30), date(2024, 1, 30)]
    assert (matches[0].start, matches[0].end) == (0, 10)
    assert (matches[1].start, matches[1].end) == (10, 25)


def test_dates_spans_point_into_the_text() -> None:
    text = "Stand: 4. Februar 2025, 14:13 Uhr – mehr"
    (match,) = find_dates(text)
    assert text[match.start : match.end] == "4. Februar 2025, 14:13 Uhr"
    assert match.relative is False


def test_dates_several_dates_in_order() -> None:
    text = "Published 3 March 2025, updated 2025-03-04T08:00:00Z"
    values = _values(text)
    assert values == [date(2025, 3, 3), datetime(2025, 3, 4, 8, 0, tzinfo=UTC)]


@pytest.mark.parametrize(
    "text",
    [
        "3/4/2025",  # ambiguous without a preference
        "version 1.2.3.4",
        "IP 10.0.0.1",
        "31.02.2024",
        "32.01.2024",
        "12.13.2024",
        "Page 12 of 30",
        "May I ask about 4 things in 2025",
        "Price 30.01 EUR",
        "February 2025",
    ],
)
def test_dates_rejects_non_dates_and_invalid_days(text: str) -> None:
    assert _values(text) == []


def test_dates_ambiguous_slash_dates_follow_preference() -> None:
    assert _values("3/4/2025", prefer_dayfirst=True) == [date(2025, 4, 3)]
    assert _values("3/4/2025", prefer_dayfirst=False) == [date(2025, 3, 4)]


RELATIVE_CASES = [
    ("2 hours ago", datetime(2025, 2, 4, 10, 0, tzinfo=UTC)),
    ("3 hrs ago", datetime(2025, 2, 4, 9, 0, tzinfo=UTC)),
    ("an hour ago", datetime(2025, 2, 4, 11, 0, tzinfo=UTC)),
    ("45 minutes ago", datetime(2025, 2, 4, 11, 15, tzinfo=UTC)),
    ("vor 3 Stunden", datetime(2025, 2, 4, 9, 0, tzinfo=UTC)),
    ("vor einer Stunde", datetime(2025, 2, 4, 11, 0, tzinfo=UTC)),
    ("vor 10 Minuten", datetime(2025, 2, 4, 11, 50, tzinfo=UTC)),
    ("il y a 2 heures", datetime(2025, 2, 4, 10, 0, tzinfo=UTC)),
    ("hace 3 horas", datetime(2025, 2, 4, 9, 0, tzinfo=UTC)),
    ("3 ore fa", datetime(2025, 2, 4, 9, 0, tzinfo=UTC)),
    ("2 uur geleden", datetime(2025, 2, 4, 10, 0, tzinfo=UTC)),
    ("há 2 horas", datetime(2025, 2, 4, 10, 0, tzinfo=UTC)),
    ("för 2 timmar sedan", datetime(2025, 2, 4, 10, 0, tzinfo=UTC)),
    ("for 2 timer siden", datetime(2025, 2, 4, 10, 0, tzinfo=UTC)),
    ("yesterday", date(2025, 2, 3)),
    ("gestern", date(2025, 2, 3)),
    ("hier", date(2025, 2, 3)),
    ("ayer", date(2025, 2, 3)),
    ("ieri", date(2025, 2, 3)),
    ("today", date(2025, 2, 4)),
    ("heute", date(2025, 2, 4)),
    ("vor 2 Tagen", date(2025, 2, 2)),
    ("3 days ago", date(2025, 2, 1)),
    ("1 week ago", date(2025, 1, 28)),
    ("gestern, 14:13 Uhr", datetime(2025, 2, 3, 14, 13, tzinfo=UTC)),
    ("hier à 14h13", datetime(2025, 2, 3, 14, 13, tzinfo=UTC)),
    ("yesterday at 9:30 am", datetime(2025, 2, 3, 9, 30, tzinfo=UTC)),
    ("a day ago", date(2025, 2, 3)),
    ("il y a une heure", datetime(2025, 2, 4, 11, 0, tzinfo=UTC)),
    ("hace una hora", datetime(2025, 2, 4, 11, 0, tzinfo=UTC)),
    ("anteayer", date(2025, 2, 2)),
    ("eergisteren", date(2025, 2, 2)),
    ("avant-hier", date(2025, 2, 2)),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CASES)
def test_dates_relative_expressions_resolve_against_reference(
    text: str, expected: date | datetime
) -> None:
    (match,) = find_dates(text, reference_time=REF)
    assert match.value == expected
    assert type(match.value) is type(expected)
    assert match.relative is True


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CASES)
def test_may_hold_date_lets_every_relative_expression_through(
    text: str, expected: date | datetime
) -> None:
    assert may_hold_date(text)
    assert may_hold_date(text.upper())


DATE_PIECES = ("an hour ago", "AN HOUR AGO", "a day ago", "vor einer Stunde", "VOR EINEM TAG",
               "il y a une heure", "hace una hora", "há um dia", "een uur geleden", "anteayer",
               "eergisteren", "avant-hier", "Hier à 10h", "hier", "hierarchy", "HIER", "today",
               "İ", "ı", "ſ", "K", "fast", "Chicago", "vorher", "il", "ago", "7", "٣", " ", ".",
               "\n", "\t", "x", "one", "hours", "Stunde", "une")  # fmt: skip


def test_may_hold_date_is_false_only_where_find_dates_finds_nothing() -> None:
    """The pre-test never hides a date ``find_dates`` would find (with a reference time or
    without), and it does turn most texts without one away."""
    rng = random.Random(21)
    held = rejected = 0
    for _ in range(20_000):
        text = "".join(rng.choice(DATE_PIECES) for _ in range(rng.randint(0, 5)))
        found = find_dates(text, reference_time=REF)
        if not may_hold_date(text):
            assert found == (), text
            assert find_dates(text) == (), text
            rejected += 1
        held += bool(found)
    assert held > 3_000
    assert rejected > 10_000


def test_may_hold_date_without_relative_reads_digits_only() -> None:
    """Without ``relative`` the pre-test guards ``find_dates`` without a reference time:
    it never hides a date that call finds, and it turns relative expressions away."""
    rng = random.Random(22)
    for _ in range(20_000):
        text = "".join(rng.choice(DATE_PIECES) for _ in range(rng.randint(0, 5)))
        if not may_hold_date(text, relative=False):
            assert find_dates(text) == (), text
    for text in ("an hour ago", "vor einer Stunde", "anteayer", "hace una hora"):
        assert may_hold_date(text)
        assert not may_hold_date(text, relative=False)
    assert may_hold_date("4 February 2025", relative=False)


def test_dates_relative_expressions_need_reference_time() -> None:
    assert find_dates("2 hours ago, yesterday, vor 3 Stunden") == ()


def test_dates_relative_result_uses_reference_zone() -> None:
    ref = datetime(2025, 2, 4, 0, 30, tzinfo=CET)
    (match,) = find_dates("2 hours ago", reference_time=ref)
    assert match.value == datetime(2025, 2, 3, 22, 30, tzinfo=CET)
    assert isinstance(match.value, datetime)
    assert match.value.utcoffset() == timedelta(hours=1)


def test_dates_german_hier_is_not_french_yesterday() -> None:
    assert find_dates("Ich bin hier, weil es regnet.", reference_time=REF) == ()


def test_dates_glued_name_and_relative_time() -> None:
    (match,) = find_dates("Jane Roe5 hours ago", reference_time=REF)
    assert match.value == datetime(2025, 2, 4, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02-04", date(2025, 2, 4)),
        ("20250204", date(2025, 2, 4)),
        ("2024-01-30T14:13:12Z", datetime(2024, 1, 30, 14, 13, 12, tzinfo=UTC)),
        ("2025-02-04T10:00:00+0100", datetime(2025, 2, 4, 10, 0, tzinfo=CET)),
        (
            "2025-02-04 14:13:12.269000+00:00",
            datetime(2025, 2, 4, 14, 13, 12, 269000, tzinfo=UTC),
        ),
        ("2025-02-04T14:13:12", datetime(2025, 2, 4, 14, 13, 12)),
        ("Tue, 04 Feb 2025 10:00:00 +0100", datetime(2025, 2, 4, 10, 0, tzinfo=CET)),
        ("Tue, 04 Feb 2025 09:00:00 GMT", datetime(2025, 2, 4, 9, 0, tzinfo=UTC)),
        ("4 February 2025", date(2025, 2, 4)),
        ("  2025-02-04  ", date(2025, 2, 4)),
        ("February 4 2025 10:00", datetime(2025, 2, 4, 10, 0)),
    ],
)
def test_dates_parse_date_string_reads_metadata_values(
    text: str, expected: date | datetime
) -> None:
    value = parse_date_string(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "1970-01-01",
        "1989-12-31",
        "2101-01-01",
        "February 2025",
        "2025-13-45",
        "0",
        "x" * 500,
        "2025-02-04" * 30,
    ],
)
def test_dates_parse_date_string_rejects_garbage_and_out_of_range(text: str) -> None:
    assert parse_date_string(text) is None


@pytest.mark.parametrize(
    "filler", [" ", "1", ".", "1.", "1.1.", "12:", "2024-", "ago ", "vor 1 ", "hier "]
)
def test_dates_huge_adversarial_input_returns(filler: str) -> None:
    text = filler * (ONE_MB // len(filler))
    result = find_dates(text, reference_time=REF)
    assert isinstance(result, tuple)
    assert all(isinstance(m, DateMatch) for m in result)
    assert parse_date_string(text) is None


def test_dates_glued_duplicate_relative_datelines_are_both_found() -> None:
    matches = find_dates("vor 3 Stundenvor 3 Stunden", reference_time=REF)
    assert [(m.start, m.end) for m in matches] == [(0, 13), (13, 26)]
    assert {m.value for m in matches} == {datetime(2025, 2, 4, 9, 0, tzinfo=UTC)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Опубликовано 9 марта 2021, 10:15", datetime(2021, 3, 9, 10, 15)),
        ("Оновлено 17 листопада 2020", date(2020, 11, 17)),
        ("dodano 3 lutego 2022 r.", date(2022, 2, 3)),
        ("Vydáno 21. září 2019", date(2019, 9, 21)),
        ("Yayınlanma: 8 Ağustos 2018", date(2018, 8, 8)),
        ("Julkaistu 14. toukokuuta 2017", date(2017, 5, 14)),
        ("Δημοσιεύθηκε 5 Μαΐου 2020", date(2020, 5, 5)),
        ("نشر في 11 سبتمبر 2016", date(2016, 9, 11)),
        ("السبت 2 آذار 2019", date(2019, 3, 2)),
        ("نشر الخميس 9 تموز / يوليو 2020", date(2020, 7, 9)),
    ],
)
def test_dates_month_names_beyond_western_europe(text: str, expected: date | datetime) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("veröffentlicht am ١٢.٠٣.٢٠٢٤", date(2024, 3, 12)),  # Arabic-Indic digits
        ("2025年1月27日 发布", date(2025, 1, 27)),
        ("Posted 2024/01/30 by the desk", date(2024, 1, 30)),
        ("Published 2024-01-30", date(2024, 1, 30)),
        ("le 4 février 2025", date(2025, 2, 4)),
        ("el 4 de febrero de 2025", date(2025, 2, 4)),
    ],
    ids=["arabic-indic", "cjk", "slashed-ymd", "iso", "fr", "es"],
)
def test_patterns_dates_separator_prefilters_keep_every_form(text: str, expected: date) -> None:
    found = find_dates(text)
    assert [m.value if isinstance(m.value, date) else None for m in found][:1] == [expected]


@pytest.mark.parametrize(
    "text",
    ["gestern", "yesterday", "hier", "ayer", "two hours ago"],
    ids=["de", "en", "fr", "es", "words"],
)
def test_patterns_dates_relative_words_without_digits_still_found(text: str) -> None:
    reference = datetime(2024, 5, 6, 12, 0)
    found = find_dates(text, reference_time=reference)
    assert found and found[0].relative
    assert find_dates(text) == ()


# --- the month and weekday names as tries; the named-date gates -------------------------

_FLAT_NAMES = (
    (dates_module._MONTH_ALT, dates_module._alternation(list(dates_module._MONTH_NAMES))),
    (dates_module._WEEKDAY_ALT, dates_module._alternation(dates_module._WEEKDAY_NAMES)),
)
"""Each name alternation as the patterns use it (a trie) and as a flat alternation."""
_ODD_CASES = {"i": ("ı", "İ"), "s": ("ſ",), "k": ("\u212a",), "μ": ("µ",), "σ": ("ς",)}
"""Letters the pattern engine folds beyond ``str.lower`` (its IGNORECASE equivalences)."""


def _variants(rng: random.Random, word: str) -> list[str]:
    """The word, its cases, one letter swapped for an odd equivalent, cut and extended."""
    mixed = "".join(ch.swapcase() if rng.random() < 0.5 else ch for ch in word)
    odd = "".join(rng.choice(_ODD_CASES[ch]) if ch in _ODD_CASES else ch for ch in word)
    return [word, word.upper(), word.title(), mixed, odd, word[:-1], word + "a", "x" + word]


def test_trie_alternations_match_what_the_flat_ones_match() -> None:
    rng = random.Random(5)
    for trie, flat in _FLAT_NAMES:
        assert trie != flat
        as_trie = re.compile(f"(?:{trie})", re.IGNORECASE)
        as_flat = re.compile(f"(?:{flat})", re.IGNORECASE)
        words = flat.replace("\\", "").split("|")
        for word in words:
            for text in _variants(rng, word):
                assert bool(as_trie.fullmatch(text)) == bool(as_flat.fullmatch(text)), text
        assert all(as_trie.fullmatch(word) for word in words)


def _flat(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with its name tries written as flat alternations (as before)."""
    source = pattern.pattern
    for trie, flat in _FLAT_NAMES:
        source = source.replace(trie, flat)
    assert source != pattern.pattern
    return re.compile(source, pattern.flags)


def _date_text(rng: random.Random) -> str:
    """A line with a date-like run: weekday, day, suffix, month (or another word), a
    second month, year, in random cases and spacing, some of it cut or glued."""
    months = list(dates_module._MONTH_NAMES)
    day = str(rng.randint(0, 39))
    suffix = rng.choice(["", "", ".", "er", "º", "st", "ND", "th", "rd"])
    spaces = ("", " ", " ", "  ", "\t", " \u00a0")
    month = rng.choice([*_variants(rng, rng.choice(months)), "Minute", "Uhr", "de"])
    second = f" / {rng.choice(months)}" if rng.random() < 0.1 else ""
    year = rng.choice(["2024", "2025", "1999", "24", "20245", "2025 10:30", "202410:30"])
    weekday = rng.choice([*dates_module._WEEKDAY_NAMES[:20], "Stand", ""]).title()
    parts = [weekday + rng.choice(["", ",", ", ", " "]), day + suffix, rng.choice(spaces)]
    if rng.random() < 0.1:
        parts.append("de ")
    parts += [month, second, rng.choice(["", ".", ",", " ,"]), rng.choice(spaces), year]
    if rng.random() < 0.5:  # month first
        parts = [weekday + " ", month, rng.choice(["", "."]), rng.choice(spaces), day, suffix]
        parts += [",", rng.choice(spaces), year]
    return rng.choice(["", "Updated ", "Foto: x "]) + "".join(parts)


def test_named_date_patterns_match_as_with_flat_names_and_their_gates_hold() -> None:
    rng = random.Random(8)
    patterns = (  # (pattern, its gate, whether it reads the window before a date)
        (dates_module.MONTH_DAY_YEAR_RE, dates_module.DAY_YEAR_GATE, False),
        (dates_module.DAY_MONTH_YEAR_RE, None, False),
        (dates_module.WEEKDAY_BEFORE_RE, None, True),
    )
    flat = [_flat(pattern) for pattern, _, _ in patterns]
    matched = [0, 0, 0]
    for _ in range(3000):
        text = _date_text(rng)
        for k, ((pattern, gate, window), before) in enumerate(zip(patterns, flat, strict=True)):
            # (the weekday pattern reads the window before a date: here its first digit)
            tail = text[: next((i for i, ch in enumerate(text) if ch.isdigit()), 0)]
            tail = tail[-dates_module.WEEKDAY_WINDOW_CHARS :] if window else text
            found = [(m.span(), m.groupdict()) for m in pattern.finditer(tail)]
            assert found == [(m.span(), m.groupdict()) for m in before.finditer(tail)], text
            if found:
                matched[k] += 1
                assert gate is None or gate.search(text) is not None, text
    assert min(matched) > 100, matched


# --- the numeric openings: a digit first, its lookbehind after it ------------------------

_LOOKBEHIND_FIRST = {
    "ISO_RE": (r"(?P<y>\d(?<![\d.]\d)\d{3})", r"(?<![\d.])(?P<y>\d{4})"),
    "NUMERIC_YMD_RE": (r"(?P<y>\d(?<![\d.]\d)\d{3})", r"(?<![\d.])(?P<y>\d{4})"),
    "NUMERIC_SLASH_RE": (r"(?P<a>\d(?<![\d/]\d)\d?)", r"(?<![\d/])(?P<a>\d{1,2})"),
    "NUMERIC_DMY_RE": (
        r"(?P<d>\d(?:(?<![\d.]\d)|(?<=(?<!\d)\d{5}))\d?)",
        r"(?:(?<![\d.])|(?<=(?<!\d)\d{4}))(?P<d>\d{1,2})",
    ),
    "DAY_MONTH_YEAR_RE": (
        r"(?P<d>\d(?:(?<![\d.]\d)|(?<=(?<!\d)\d{5}))\d?)",
        r"(?:(?<![\d.])|(?<=(?<!\d)\d{4}))(?P<d>\d{1,2})",
    ),
}
"""Each numeric date pattern's opening as written (a digit, then the test of the character
before it) and as it was written before (the test first)."""


def _lookbehind_first(name: str) -> re.Pattern[str]:
    pattern: re.Pattern[str] = getattr(dates_module, name)
    opening, before = _LOOKBEHIND_FIRST[name]
    assert pattern.pattern.startswith(opening), name
    return re.compile(before + pattern.pattern[len(opening) :], pattern.flags)


def _opens_with(pattern: re.Pattern[str]) -> object:
    """The first operation of ``pattern`` (inside its leading groups), as ``re`` parses it."""
    parsed = re._parser.parse(pattern.pattern, pattern.flags)  # type: ignore[attr-defined]
    first = parsed.data[0]
    while first[0] is re._constants.SUBPATTERN:  # type: ignore[attr-defined]
        first = first[1][3].data[0]
    return first[0]


def _numeric_text(rng: random.Random) -> str:
    """Numeric dates of every order and separator, with what may stand before and after
    them (a digit, a dot, a slash, a glued year, a letter, nothing), and noise between."""
    before = ["", " ", ".", "/", "-", "1", "2024", "x", "é", "٣", "\n", "12024"]
    after = ["", " ", ".", "/", "-", "5", ".5", "T10:30", " 10:30:15+02:00", "Z", " May"]
    parts = []
    for _ in range(rng.randint(1, 4)):
        day, month = str(rng.randint(0, 39)), str(rng.randint(0, 13)).zfill(rng.choice([1, 2]))
        year = rng.choice(["2024", "1999", "24", "20245", "2025"])
        sep = rng.choice([".", "-", "/", ". "])
        date = rng.choice(
            [f"{day}{sep}{month}{sep}{year}", f"{year}{sep}{month}{sep}{day}", f"{day} May {year}"]
        )
        parts += [rng.choice(before), date, rng.choice(after), rng.choice(["", " ", "ab "])]
    return "".join(parts)


def test_numeric_patterns_open_with_a_digit_and_match_as_written_lookbehind_first() -> None:
    rng = random.Random(11)
    names = list(_LOOKBEHIND_FIRST)
    before = {name: _lookbehind_first(name) for name in names}
    for name in names:  # the point of the form: re scans for the first character
        assert _opens_with(getattr(dates_module, name)) is re._constants.IN, name  # type: ignore[attr-defined]
        assert _opens_with(before[name]) is not re._constants.IN, name  # type: ignore[attr-defined]
    matched = dict.fromkeys(names, 0)
    for _ in range(4000):
        text = _numeric_text(rng)
        for name in names:
            found = [(m.span(), m.groupdict()) for m in getattr(dates_module, name).finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in before[name].finditer(text)], (
                name,
                text,
            )
            matched[name] += bool(found)
    for _ in range(300):  # whole dates, as the named-date tests write them
        text = _date_text(rng)
        for name in ("NUMERIC_DMY_RE", "DAY_MONTH_YEAR_RE"):
            found = [(m.span(), m.groupdict()) for m in getattr(dates_module, name).finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in before[name].finditer(text)], text
    assert min(matched.values()) > 50, matched


# --- month-first dates: the pattern tried only before each day and year ------------------


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_month_first_finds_what_a_search_of_the_whole_text_finds() -> None:
    rng = random.Random(13)
    longest = max(dates_module._MONTH_NAMES, key=len)
    fillers = ["", " ", ", ", " 12 ", " 2024 ", "\n", "x", " and 5 ", "9", "1 ", ". "]
    matched = [0, 0]  # in texts searched whole, and window by window
    for _ in range(1500):
        lines = [_date_text(rng) for _ in range(rng.randint(1, 14))]
        lines.append(f"{longest.upper()}.   {rng.randint(10, 31)}th,   2025")  # widest lead
        rng.shuffle(lines)
        text = "".join(line + rng.choice(fillers) for line in lines)
        found = _spans(dates_module._month_first(text))
        assert found == _spans(dates_module.MONTH_DAY_YEAR_RE.finditer(text)), text
        matched[len(text) >= dates_module.MONTH_WINDOWS_MIN_CHARS] += len(found)
    assert min(matched) > 300, matched


def test_month_first_window_is_as_wide_as_the_widest_lead() -> None:
    longest = max(dates_module._MONTH_NAMES, key=len)
    text = "x " * dates_module.MONTH_WINDOWS_MIN_CHARS + f"{longest}.   31, 2025"
    assert [m["d"] for m in dates_module._month_first(text)] == ["31"]
    lead = text.index("31") + 1 - text.index(longest)
    assert lead == dates_module.MONTH_LEAD_CHARS


def test_dateutil_zones_read_names_then_offsets_and_nothing_else() -> None:
    """``DateutilZones``: a name of its table is that offset, dateutil's own offset comes
    next (UTC is 0), and anything else gives no zone (never the machine's)."""
    from dateutil import tz  # noqa: PLC0415

    from articlekit.patterns.dates import DateutilZones  # noqa: PLC0415

    zones = DateutilZones({"CET": 3600})
    assert zones("CET", None) == tz.tzoffset("CET", 3600)
    assert zones("CET", 7200) == tz.tzoffset("CET", 3600)  # (the table wins)
    assert zones("UTC", 0) is tz.UTC
    assert zones(None, -18000) == tz.tzoffset(None, -18000)
    assert zones("XYZT", None) is None
    assert zones(None, None) is None
    assert DateutilZones()("CET", None) is None
