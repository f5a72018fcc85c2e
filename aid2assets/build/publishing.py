"""The published site's address: ``html_baseurl`` and the sitemap (sphinx-sitemap).

``html.baseurl`` in ``_config.yml`` (Sphinx's ``html_baseurl``) is the one setting: the
address the site is published at, ending in ``/``. When it is set, every page gets a
canonical link and the build writes ``sitemap.xml`` listing every page under it. While it is
empty (a local or classroom copy, or a repository not published yet) there is no address to
give, and a sitemap of relative addresses is not valid, so none is written; this extension
then silences sphinx-sitemap's warning about the missing address (which would fail the
``--warningiserror`` build) and says so in the build log instead. The Pages workflow
(.github/workflows/pages.yml) fills the setting from the address GitHub Pages reports when it
is left empty. Nothing here makes a request: the sitemap is written from the list of pages.
"""

from __future__ import annotations


def _check_baseurl(app, config) -> None:
    from sphinx.errors import ConfigError
    from sphinx.util import logging

    base = (config.html_baseurl or "").strip()
    if not base:
        config.suppress_warnings = [*(config.suppress_warnings or []), "sitemap.configuration"]
        logging.getLogger(__name__).info(
            "[aid2assets] html.baseurl is empty: no sitemap.xml and no canonical links "
            "(set it in _config.yml to the published address)")
        return
    if not base.startswith(("https://", "http://")) or not base.endswith("/"):
        raise ConfigError(f"html.baseurl must be an absolute address ending in '/', not {base!r}")


def setup(app):
    app.setup_extension("sphinx_sitemap")
    app.connect("config-inited", _check_baseurl)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
