"""Adapter XPaths are rewritten to a linear form with the same results."""

from __future__ import annotations

import lxml.html
import pytest

from articlekit.adapters.helpers import linear_xpath, xpath

PAGE = lxml.html.document_fromstring(
    "<html><body>"
    + "".join(
        f'<article class="story"><div class="body"><p>One {n}</p><div class="body">'
        f"<p>Two {n}</p><figure><figcaption>Cap {n}</figcaption></figure></div></div>"
        f'<a href="//cdn.example/{n}">link</a></article>'
        for n in range(5)
    )
    + "</body></html>"
)


@pytest.mark.parametrize(
    "expression",
    [
        "//article//div",
        "//article[@class='story']//div[@class='body']//p",
        "//article//p/text()",
        "//article//*",
        "//article//a[contains(@href, '//cdn')]",
        "//article//div[1]",
        "//article//p[last()]",
        "(//article//p)[2]",
        "//article//a/@href | //article//figcaption",
        "//div//figcaption//text()",
    ],
)
def test_rewrite_keeps_the_results(expression: str) -> None:
    assert PAGE.xpath(linear_xpath(expression)) == PAGE.xpath(expression)
    assert xpath(PAGE, expression) == PAGE.xpath(expression)


def test_rewrite_forms() -> None:
    assert linear_xpath("//article//div") == "//article/descendant::div"
    assert linear_xpath("//a//b | //c//d") == "//a/descendant::b | //c/descendant::d"
    assert linear_xpath("//a//b[1]") == "//a//b[1]"  # positional: left alone
    assert linear_xpath("//a[@x='p//q']//@href") == "//a[@x='p//q']//@href"
    assert linear_xpath(".//figcaption") == ".//figcaption"
