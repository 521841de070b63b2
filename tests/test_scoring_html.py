"""Generic HTML scoring: pictures in the article's own header and pictures with
interaction classes are the article's, not furniture."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit.scoring.html import (
    POSITIVE_EVIDENCE,
    POSITIVE_STRONG,
    POSITIVE_STRONG_WORDS,
    SLUG_TOKEN,
    TAXONOMY_CLASS,
    _evidence,
    _read_evidence,
)

PARAGRAPH = (
    "The harbour authority opened the new quay on Monday after three years of work, "
    "and the first ferries are expected to dock there before the end of the month."
)


def _page(header_picture: str, body_picture: str = "") -> str:
    paragraphs = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(6))
    return f"""<html lang="en"><head><title>New quay opens</title></head><body>
    <nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
    <article>
      <header class="article-header">
        <h1>New quay opens in the old harbour</h1>
        {header_picture}
      </header>
      <div class="article-text">{paragraphs}{body_picture}</div>
    </article>
    <footer class="site-footer">About us · Contact · Imprint</footer>
    </body></html>"""


def test_picture_in_the_article_header_is_the_lead_image() -> None:
    html = _page(
        '<figure><img src="https://img.example.org/quay.jpg" alt="">'
        "<figcaption>The new quay at dawn. Photo: Mara Lind</figcaption></figure>"
    )
    article = articlekit.parse(html, adapter="generic")
    captions = [(image.caption, image.credit) for image in article.images]
    assert ("The new quay at dawn.", "Mara Lind") in captions
    assert "dawn" not in article.text


def test_picture_with_an_interaction_class_stays_in_the_body() -> None:
    html = _page(
        "",
        '<figure class="picture-inline button"><img src="https://img.example.org/ferry.jpg">'
        "<figcaption>A ferry tests the new berth.</figcaption></figure>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert "A ferry tests the new berth." in [image.caption for image in article.images]


def test_picture_in_a_sidebar_is_not_adopted() -> None:
    html = _page(
        '<div class="sidebar-teaser"><figure><img src="https://img.example.org/ad.jpg">'
        "<figcaption>Win a cruise with our partner</figcaption></figure></div>"
    )
    article = articlekit.parse(html, adapter="generic")
    assert "Win a cruise with our partner" not in [image.caption for image in article.images]


def test_picture_whose_caption_is_the_description_is_kept() -> None:
    caption = "Ferries wait outside the old harbour for the new quay to open."
    html = _page(
        "",
        f'<figure><img src="https://img.example.org/wait.jpg"><figcaption>{caption}'
        "</figcaption></figure>",
    ).replace("<title>", f'<meta name="description" content="{caption}"><title>')
    article = articlekit.parse(html, adapter="generic")
    assert caption in [image.caption for image in article.images]


def test_caption_icon_before_the_figcaption_is_not_the_caption() -> None:
    html = _page(
        "",
        '<figure><img src="https://img.example.org/crane.jpg">'
        '<button class="toggle"><svg class="icon icon--caption"><title>Caption</title></svg>'
        "</button><figcaption><span>A crane lifts the last segment into place.</span>"
        '<span class="image-credit">Foto: Jonas Wehr</span></figcaption></figure>',
    )
    article = articlekit.parse(html, adapter="generic")
    found = [(image.caption, image.credit) for image in article.images]
    assert ("A crane lifts the last segment into place.", "Jonas Wehr") in found


def test_captioned_picture_in_a_modal_wrapper_stays() -> None:
    html = _page(
        "",
        '<div class="ui-modal"><figure><img src="https://img.example.org/buoy.jpg">'
        "<figcaption>A new buoy marks the channel to the quay.</figcaption></figure></div>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert "A new buoy marks the channel to the quay." in [i.caption for i in article.images]


def test_modal_with_text_is_still_furniture() -> None:
    html = _page(
        "",
        '<div class="ui-modal"><figure><img src="https://img.example.org/promo.jpg">'
        "<figcaption>Subscribe now</figcaption></figure><p>Get all our stories for one "
        "low price every month, cancel at any time.</p></div>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert "Subscribe now" not in [i.caption for i in article.images]


def test_media_description_element_captions_the_picture_before_it() -> None:
    html = _page(
        "",
        '<div class="media-block"><img src="https://img.example.org/lock.jpg">'
        '<div class="media-block__description">The lock gates were renewed last winter.'
        "</div></div>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert "The lock gates were renewed last winter." in [i.caption for i in article.images]
    assert "lock gates" not in article.text


def _template_page(body_class: str, article_class: str, furniture: str) -> str:
    paragraphs = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(6))
    return f"""<html lang="en"><head><title>New quay opens</title></head>
    <body class="{body_class}">
    <nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
    <article class="{article_class}"><h1>New quay opens in the old harbour</h1>
      <div class="article-text">{paragraphs}</div>
    </article>
    {furniture}
    </body></html>"""


def test_template_classes_on_body_and_article_are_not_furniture() -> None:
    # "with-subnavigation" and "has-advertising" describe the page template, and a
    # "video-player__sticky" hook on the <article> holding the text is a layout class
    html = _template_page(
        "with-subnavigation has-advertising",
        "story video-player__sticky",
        '<div class="related-stories"><p>Three other quays were opened this year on the '
        "coast, and a fourth one is planned for the northern bay next spring.</p></div>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert article.provenance.fields["body"].detail == "generic scoring, pass strict"
    assert f"{PARAGRAPH} Part 0." in article.text
    assert "fourth one" not in article.text


def test_small_article_element_with_a_comment_class_stays_furniture() -> None:
    comment = (
        '<section class="discussion"><article class="comment"><p>I walked past the quay '
        "this morning and the ferries were already queueing outside the harbour wall, "
        "which nobody expected so soon.</p></article></section>"
    )
    html = _template_page("", "story", comment)
    article = articlekit.parse(html, adapter="generic")
    assert f"{PARAGRAPH} Part 5." in article.text
    assert "walked past" not in article.text


def test_picture_inside_a_lightbox_button_is_read() -> None:
    html = _page(
        "",
        '<button class="slide-viewer-trigger"><div class="image-embed">'
        '<img src="https://img.example.org/berth.jpg" alt="">'
        '<figcaption class="image-caption"><span class="caption-title">The new berth at '
        "low tide</span></figcaption></div></button>"
        '<button class="share-button"><img src="https://img.example.org/share.svg">'
        "Share this story</button>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert "The new berth at low tide" in [image.caption for image in article.images]
    assert "Share this story" not in article.text


def test_site_specific_lazy_srcset_attributes_give_the_source() -> None:
    html = _page(
        "",
        '<figure><picture><source srcset="data:image/gif;base64,R0lGOD" '
        'data-lazyimage-srcset="https://img.example.org/q-420.webp 420w, '
        'https://img.example.org/q-1280.webp 1280w">'
        '<img src="data:image/gif;base64,R0lGOD"></picture>'
        "<figcaption>Cranes over the quay</figcaption></figure>"
        '<figure><img data-original-srcset="https://img.example.org/f-300.jpg 300w, '
        'https://img.example.org/f-900.jpg 900w"><figcaption>The ferry pier</figcaption>'
        "</figure>",
    )
    article = articlekit.parse(html, adapter="generic")
    sources = {image.caption: image.src for image in article.images}
    assert sources["Cranes over the quay"] == "https://img.example.org/q-1280.webp"
    assert sources["The ferry pier"] == "https://img.example.org/f-900.jpg"


def test_figcaption_beside_a_picture_outside_figure_is_its_caption() -> None:
    html = _page(
        "",
        '<div class="key-visual"><picture><img src="https://img.example.org/lock.jpg">'
        '</picture><figcaption class="image-info"><span>The lock gates open at dawn</span>'
        "</figcaption></div>",
    )
    article = articlekit.parse(html, adapter="generic")
    assert "The lock gates open at dawn" in [image.caption for image in article.images]
    assert "lock gates" not in article.text


def test_picture_box_without_figure_markup_gives_caption_and_credit() -> None:
    html = _page(
        "",
        '<div class="c1"><div class="c2"><picture><img src="https://img.example.org/m.jpg">'
        '</picture></div><div class="c3">The mayor cuts the ribbon</div>'
        '<div class="c4">HPA</div></div>',
    )
    article = articlekit.parse(html, adapter="generic")
    pictures = [(image.caption, image.credit) for image in article.images]
    assert ("The mayor cuts the ribbon", "HPA") in pictures
    assert "ribbon" not in article.text


def test_picture_beside_a_link_or_long_text_is_not_a_picture_box() -> None:
    long_text = f"{PARAGRAPH} The quay also has a new waiting room for foot passengers. {PARAGRAPH}"
    html = _page(
        "",
        '<div class="teaser"><div><img src="https://img.example.org/t.jpg"></div>'
        '<div><a href="/other">Another story about ferries</a></div></div>'
        f'<div class="row"><div><img src="https://img.example.org/r.jpg"></div>'
        f"<div>{long_text}</div></div>",
    )
    article = articlekit.parse(html, adapter="generic")
    captions = [image.caption for image in article.images]
    assert "Another story about ferries" not in captions
    assert not any("waiting room" in (caption or "") for caption in captions)


def test_wrappers_around_the_article_with_furniture_words_are_layout() -> None:
    # the whole page sits in an "ad-portal" wrapper, the article in "contentwithsidebar"
    paragraphs = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(6))
    html = f"""<html lang="en"><head><title>New quay opens</title></head><body>
    <div id="ad-portal"><div class="contentwithsidebar">
      <div class="post"><h1>New quay opens in the old harbour</h1>{paragraphs}</div>
      <div class="sidebar"><p>Sign up for the weekly harbour letter and win a tour of the
      new ferry terminal with our partners from the coastal tourism board.</p></div>
    </div></div></body></html>"""
    article = articlekit.parse(html, adapter="generic")
    assert article.provenance.fields["body"].detail == "generic scoring, pass strict"
    assert f"{PARAGRAPH} Part 0." in article.text
    assert "weekly harbour letter" not in article.text


def test_lead_paragraph_beside_the_text_box_joins_the_body() -> None:
    lead = (
        "After three years of building work, the new quay in the old harbour opened on "
        "Monday, and the mayor promised ferries within the month."
    )
    paragraphs = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(20))
    html = f"""<html lang="en"><head><title>New quay opens</title></head><body>
    <article><div class="story"><h1>New quay opens in the old harbour</h1>
      <p class="standfirst">Ferries are due within the month, the mayor says</p>
      <p class="p">{lead}</p><div class="article-body">{paragraphs}</div>
    </div></article>
    <div class="teaser-list"><p><a href="/a">Other news about the harbour today</a></p></div>
    </body></html>"""
    article = articlekit.parse(html, adapter="generic")
    assert lead in article.text
    assert "Part 19." in article.text
    assert "Other news about the harbour" not in article.text


def test_article_split_into_repeated_units_is_read_whole() -> None:
    intro = " ".join([PARAGRAPH] * 3)
    steps = "".join(
        f'<div class="mod step"><div class="stepcontent"><div class="content">'
        f"<p>Step {n}: fold the paper along the marked line, then press the edge flat with "
        f"a ruler so that the crease stays sharp.</p></div></div></div>"
        for n in range(2, 6)
    )
    supplies = "".join(f"<li>Sheet of paper number {n}</li>" for n in range(14))
    html = f"""<html lang="en"><head><title>How to fold a boat</title></head><body>
    <section class="page"><div class="col-main"><h1>How to fold a boat</h1>
      <div class="mod step"><div class="stepcontent"><div class="content lead">
        <p>{intro}</p></div></div></div>
      <div class="supplies"><p>What you need:</p><ul>{supplies}</ul></div>
      {steps}
      <div class="share-tools"><a href="/s">Share</a> <a href="/p">Pin</a></div>
    </div><div class="col-rail"><ul class="links"><li><a href="/x">More crafts</a></li></ul>
    </div></section></body></html>"""
    article = articlekit.parse(html, adapter="generic")
    assert intro in article.text
    assert "Step 5: fold the paper" in article.text
    assert "More crafts" not in article.text


PROSE_LISTS = {
    "en": (
        "The fix for the download panel landed this week and is in tonight's build for all.",
        '<a href="/u/1">Ana Ortiz</a> made <a href="/b/2">the tab strip</a> faster',
        '<a href="/b/3">Bug 4021 – the sidebar flickers on resize</a>',
        '<a href="/related/1">Ten tips for a faster browser</a>',
    ),
    "de": (
        "Die Korrektur für die Download-Leiste ist diese Woche eingeflossen und jetzt verfügbar.",
        '<a href="/u/1">Jana Roth</a> hat <a href="/b/2">die Tableiste</a> beschleunigt',
        '<a href="/b/3">Fehler 4021 – die Seitenleiste flackert</a>',
        '<a href="/related/1">Zehn Tipps für einen schnelleren Browser</a>',
    ),
}


def _list_page(items: tuple[str, str, str, str]) -> str:
    prose, linked, bug, related = items
    paragraphs = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(4))
    return f"""<html><head><title>Weekly notes</title></head><body>
    <article><h1>Weekly notes</h1><div class="entry-content">{paragraphs}
      <ul><li>{prose}</li><li>{linked}</li><li>{bug}</li></ul>
      {paragraphs}
      <ul><li>{related}</li><li><a href="/related/2">Another story to read</a></li></ul>
    </div></article></body></html>"""


def _plain(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_scoring_link_heavy_items_of_a_prose_list_are_kept() -> None:
    for items in PROSE_LISTS.values():
        article = articlekit.parse(_list_page(items), adapter="generic")
        text = article.text or ""
        assert items[0] in text
        assert _plain(items[1]) in text  # mostly link text, in a list with a sentence
        assert _plain(items[2]) in text  # all link text, likewise
        assert _plain(items[3]) not in text  # a list of nothing but links


def test_scoring_teaser_card_for_another_article_is_dropped_lead_teaser_kept() -> None:
    cards = {
        "en": ("Lighthouse keepers remember the great storm of the winter.", "more"),
        "de": ("Leuchtturmwärter erinnern sich an den großen Sturm im Winter.", "mehr"),
    }
    for card, more in cards.values():
        lead = "The harbour gets a second quay, and the ferries will move there in spring."
        paragraphs = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(6))
        page = f"""<html><head><title>New quay opens</title></head><body><article>
          <h1>New quay opens</h1><p class="article-teaser">{lead}</p>
          <div class="article-text">{paragraphs}
            <div class="teaser"><h3><a href="/other">Storm memories</a></h3>
            <div class="teaser-text"><p>{card} <a href="/other">{more}</a></p></div></div>
            <p>{PARAGRAPH} Last part.</p>
          </div></article></body></html>"""
        article = articlekit.parse(page, adapter="generic")
        text = article.text or ""
        assert card not in text
        assert lead in text
        assert "Last part." in text


STORIES = {
    "en": ("New quay opens", "Museum extends its hours", "The museum will open late on Fridays."),
    "no": ("Ny kai åpner", "Museet får lengre åpningstid", "Museet holder åpent på fredager."),
}


def _stories_page(first: str, second: str, sentence: str) -> str:
    story = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(5))
    other = "".join(f"<p>{sentence} {PARAGRAPH} Item {n}.</p>" for n in range(5))
    return f"""<html><head><title>{first}</title></head><body><main>
      <article class="main-story"><div class="header"><h1>{first}</h1></div>{story}</article>
      <div class="next-story"><article class="story"><h1>{second}</h1>{other}</article></div>
    </main></body></html>"""


def test_scoring_page_with_the_next_story_appended_keeps_the_first() -> None:
    for first, second, sentence in STORIES.values():
        article = articlekit.parse(_stories_page(first, second, sentence), adapter="generic")
        text = article.text or ""
        assert "Part 4." in text
        assert sentence not in text


def test_scoring_one_story_with_comment_articles_is_not_narrowed() -> None:
    story = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(5))
    page = f"""<html><head><title>New quay opens</title></head><body><main>
      <div class="header"><h1>New quay opens</h1></div><article>{story}</article>
      <article><h1>A second headline without text of its own</h1></article>
    </main></body></html>"""
    text = articlekit.parse(page, adapter="generic").text or ""
    assert "Part 0." in text and "Part 4." in text


WIDGET_TEXTS = {
    "en": ("The first half of the story sits in its own text widget.", "Related: other news"),
    "de": ("Die erste Hälfte des Textes steht in einem eigenen Text-Widget.", "Mehr zum Thema"),
}


def test_scoring_text_widgets_differing_by_a_generated_id_are_one_article() -> None:
    for opening, related in WIDGET_TEXTS.values():
        first = "".join(f"<p>{opening} {PARAGRAPH[:60]} {n}.</p>" for n in range(3))
        second = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(8))
        page = f"""<html><head><title>New quay opens</title></head><body><article>
          <h1>New quay opens</h1><div class="article-widgets">
          <div class="3f2a9c1e-77b0-4d2e-9a61-0c5e8d2b7f10 article-widget widget-text">
            <div class="wrap"><div class="text">{first}</div></div></div>
          <div class="9d41be07-1c2f-4a8e-b3d5-6e7f80a1b2c3 article-widget widget-related">
            <h3><a href="/other">{related}</a></h3></div>
          <div class="b7e2c4d9-5a61-4f03-8c27-1d9e0f3a6b45 article-widget widget-text">
            <div class="wrap"><div class="text">{second}</div></div></div>
          </div></article></body></html>"""
        text = articlekit.parse(page, adapter="generic").text or ""
        assert opening in text
        assert "Part 7." in text
        assert related not in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("sharing-with-a-single-developer", " "),  # a heading-slug id: no evidence
        ("main sharing-with-a-single-developer", "main "),
        ("w-full flex items-center justify-between px-4", None),  # hyphens, no slug
        ("story-body a-b-c", None),  # two hyphens in a token: no slug
        ("tag-politics article-body", None),
        ("layout-two-col-wide-x", " "),
        ("comments", None),
    ],
    ids=["slug", "slug-after-word", "utility", "short", "taxonomy", "four-parts", "plain"],
)
def test_scoring_evidence_drops_slugs_and_taxonomy_like_the_patterns(
    raw: str, expected: str | None
) -> None:
    unfiltered = SLUG_TOKEN.sub(" ", TAXONOMY_CLASS.sub(" ", raw))
    assert _evidence(raw) == unfiltered
    if expected is not None:
        assert unfiltered == expected


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("tag-politics article-body", ["article-body"]),
        ("article-body tag-politics", ["article-body"]),
        ("wrap category-news\ttopic_world main", ["wrap", "main"]),
        ("tag-a tag-b", []),
        ("hashtag-list post_type-x", ["hashtag-list"]),  # inside a class: not taxonomy
        ("tag-x.y status-", [".y", "status-"]),
    ],
    ids=["first", "last", "tab", "adjacent", "inside", "edges"],
)
def test_scoring_taxonomy_classes_go_whole_at_a_class_start(raw: str, kept: list[str]) -> None:
    assert TAXONOMY_CLASS.sub(" ", raw).split() == kept


@given(
    st.sampled_from(POSITIVE_STRONG_WORDS).flatmap(lambda word: st.from_regex(word, fullmatch=True))
)
def test_scoring_strong_evidence_is_positive_evidence_too(text: str) -> None:
    # (_read_evidence searches for a strong word only where a positive one is)
    assert POSITIVE_STRONG.search(f"x {text} y")
    assert POSITIVE_EVIDENCE.search(f"x {text} y")


def test_scoring_evidence_verdicts_are_shared_per_combination() -> None:
    stream = articlekit.tokenize(
        '<html><body><div class="comments sidebar"><p>a</p></div>'
        '<div class="sidebar comments"><p>b</p></div><div class="article-body"><p>c</p></div>'
        "</body></html>"
    )
    verdicts = _read_evidence(stream)
    by_tag = {stream.nodes[i].evidence: verdict for i, verdict in enumerate(verdicts)}
    assert by_tag["comments sidebar"] is by_tag["sidebar comments"]
    assert by_tag["comments sidebar"].negative and not by_tag["comments sidebar"].positive
    assert by_tag["article-body"].protected and by_tag["article-body"].positive
