"""Timestamp lines: blocks that only say when an article was published or updated."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.patterns.timestamps import is_timestamp_line


@pytest.mark.parametrize(
    "line",
    [
        "Published on 12/03/2025 - 09:40",
        "Updated 14 March 2025, 10:05 am",
        "Stand: 11.03.2025, 17:30 Uhr",
        "Veröffentlicht am 3. Mai 2024 um 10:15 Uhr",
        "Publié le 21/02/2025 à 18h30",
        "Actualizado el 3 de mayo de 2024 a las 10:15 h",
        "Aggiornato il 3 maggio 2024 alle 10:15",
        "Publisert 02.09.2024, kl. 08.15 Oppdatert 02.09.2024, kl. 09.40",
        "Giriş: 04.06.2024 - 07:12 Güncelleme: 04.06.2024 - 08:01",
        "Mittwoch, 19.02.2025, 16:45",
        "19.02.2025 - 16:45 Uhr",
        "Radio Nord | Regional Küste | 17.06.2025 | 15:00 Uhr",
        "Dieses Thema im Programm: Radio Nord - Das Magazin | Nachrichten | 3. Mai 2024 | 10:00",
        "Canal Sud | Journal | 12/03/2025 | 20h00",
        "3 hours ago",
        "Aktualisiert vor 2 Stunden",
        "il y a 5 heures",
        "1 HR ago 2 mins read",
    ],
)
def test_timestamp_lines(line: str) -> None:
    assert is_timestamp_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "On 5 May 2024 the council voted to close the old bridge.",
        "Am 5. Mai 2024 hat der Rat beschlossen, die alte Brücke zu schließen",
        "Le conseil a voté le 5 mai 2024 la fermeture du vieux pont",
        "Ana Ruiz (2013-2014): 295 días",
        "Stand: unklar",
        "Radio Nord | Regional Küste | Nachrichten am Abend",
        "Tor | Mai 2024 war für den Verein ein besonderer Monat, in dem vieles gelang | 3:1",
        "",
        "Updated 14 March 2025 " + "with more details from the harbour office " * 3,
        "More from Radio TODAY:",
        "Mehr von heute:",
        "Three hours ago the ferry left.",
    ],
)
def test_not_timestamp_lines(line: str) -> None:
    assert not is_timestamp_line(line)


def test_timestamp_paragraph_is_not_in_the_generic_body() -> None:
    paragraph = (
        "The harbour authority opened the new quay on Monday after three years of work, "
        "and the first ferries are expected to dock there before the end of the month."
    )
    paragraphs = "".join(f"<p>{paragraph} Part {n}.</p>" for n in range(5))
    html = f"""<html><head><title>New quay</title></head><body><article>
    <h1>New quay opens</h1><p>Stand: 11.03.2025, 17:30 Uhr</p>{paragraphs}
    </article></body></html>"""
    article = articlekit.parse(html, adapter="generic")
    assert "Part 4." in article.text
    assert "17:30" not in article.text
