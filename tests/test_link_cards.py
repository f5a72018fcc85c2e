"""Link cards and descriptions: every page of the built site carries a meta description and
Open Graph title, description and image, and the image is a local file of the site.

Needs ``_build/html`` (the README's test command builds it first).
"""

from __future__ import annotations

import html
import re
import struct
import urllib.parse
from pathlib import Path

import pytest

from toc_support import toc, toc_files

pytestmark = pytest.mark.site

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
PAGES = [f + ".html" for f in [toc()["root"]] + toc_files()]


def meta(page_html: str) -> dict[str, str]:
    tags = {}
    for m in re.finditer(r'<meta (property|name)="([^"]+)" content="([^"]*)"', page_html):
        tags.setdefault(m.group(2), html.unescape(m.group(3)))
    return tags


@pytest.fixture(scope="module")
def site():
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is missing: build the book first (see README)")
    return SITE


def test_there_are_pages_to_check():
    assert len(PAGES) >= 10 and "intro.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_description_and_a_link_card(site, path):
    page = site / path
    tags = meta(page.read_text(encoding="utf-8"))
    title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S).group(1)
    for key in ("description", "og:title", "og:description", "og:image", "og:image:alt", "og:site_name"):
        assert tags.get(key, "").strip(), f"{path}: no {key}"
    assert tags["og:site_name"] == "From Aid to Assets"
    assert tags["og:title"] in html.unescape(title)
    desc = tags["description"]
    assert 60 <= len(desc) <= 210, f"{path}: description of {len(desc)} characters: {desc!r}"
    assert tags["og:description"] == desc
    assert not desc.endswith("..."), f"{path}: description cut mid-word: {desc!r}"
    assert not re.search(r"[<>]|\bimport\b|\{cite|\{term", desc), f"{path}: description is not prose: {desc!r}"


def site_address() -> str:
    """The book's public address (``ogp_site_url``, else ``html_baseurl``), or "" if unset."""
    import yaml

    config = yaml.safe_load((SITE.parent.parent / "_config.yml").read_text(encoding="utf-8"))
    sphinx = (config.get("sphinx") or {}).get("config") or {}
    url = sphinx.get("ogp_site_url") or sphinx.get("html_baseurl") or (config.get("html") or {}).get("baseurl") or ""
    return url.rstrip("/") + "/" if url else ""


@pytest.mark.parametrize("path", PAGES)
def test_the_card_image_is_a_local_png(site, path):
    """The image is a file of this site: relative to the page while the book has no public
    address, or that address followed by the file's path once it has one. Nothing is fetched
    from another host when the book is built or read."""
    image = meta((site / path).read_text(encoding="utf-8"))["og:image"]
    base = site_address()
    if base:
        assert image.startswith(base), f"{path}: og:image {image} is not under the site's address {base}"
        target = site / urllib.parse.urlparse(image[len(base):]).path
    else:
        assert not urllib.parse.urlparse(image).scheme, f"{path}: og:image {image} is not a file of this site"
        target = (site / path).parent / urllib.parse.urlparse(image).path
    assert target.is_file(), f"{path}: og:image {image} does not exist"
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 630), "link cards are 1200×630 (1.91:1)"
    assert len(data) < 300_000


def test_descriptions_differ_between_pages(site):
    descriptions = [meta((site / p).read_text(encoding="utf-8"))["description"] for p in PAGES]
    assert len(set(descriptions)) == len(descriptions)
