"""El País (elpais.com): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2024): the ``<article>`` has a ``header`` (kicker, ``h1.a_t``, the
  subtitle ``h2.a_st``, the lead picture or video in ``figure.a_m``), the byline block
  ``div.a_md`` (author photo, ``a.a_md_a_n``, dates, share buttons) and the text in
  ``div.a_c`` (``data-dtm-region="articulo_cuerpo"``), with ``figure.a_m`` pictures and
  photo galleries between the paragraphs. A ``figcaption`` holds the caption (a bare
  text node in the header, a ``span`` in the body) and the credit in ``span.a_m_m``
  ("Foto: … | Vídeo: …"). Title, author, dates and topics (``article:tag``) come
  right from the page's metadata.

Raw-text dumps: the headline and the subtitle are unindented lines; a picture or a
gallery is rendered on the lines right under the paragraph it follows (alt text,
caption and credit run together; gallery buttons), while paragraphs are separated by
blank lines. The text ends at the subscription notice or the "Sobre la firma" box.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_BODY = "//article//div[@data-dtm-region='articulo_cuerpo']"
_FIGURE = "figure[contains(concat(' ', normalize-space(@class), ' '), ' a_m ')]"


class ElPaisAdapter(SiteAdapter):
    """El País articles (``/<section>/<yyyy-mm-dd>/<slug>.html``), every edition."""

    name = "elpais"
    version = "1"
    site_name = "El País"
    site_timezone = "Europe/Madrid"
    domains = ("elpais.com",)
    url_patterns = (r"/\d{4}-\d{2}-\d{2}/[^/]+\.html",)
    fingerprints = (
        r"imagenes\.elpais\.com/resizer/",
        r"solo puedes acceder a EL PAÍS desde un dispositivo a la vez",
    )
    """El País's image resizer, and the dump's one-device subscription notice."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[starts-with(@id, 'gallery-slider-controls')"
            " or @id='summary-dots' or @id='fullscreen-icon']",
            figures="//article//header//" + _FIGURE + " | " + _BODY + "//" + _FIGURE,
            figure_caption="./figcaption[not(span[not(@class)])] | ./figcaption/span[not(@class)]",
            figure_credit="./figcaption/span[contains(@class, 'a_m_m')]",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^(?:\(BUTTON\)\s*)+$"),),
        end_of_body=re.compile(
            r"^(?:Tu suscripción se está usando en otro dispositivo|Sobre la firma)$"
        ),
        glued_lines=True,
        wrap_width=990,
        standfirst="below_headline",
    )
