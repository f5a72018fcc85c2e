"""The publishing kit: licences, citation, workflows, base URL and sitemap.

Protects what a reader, a citer and a maintainer of the public repository rely on: the full
licence texts and one story about which applies to what (LICENSE, pyproject.toml, the site's
footer, the README), a valid CITATION.cff that agrees with the landing page, GitHub Actions
workflows that actionlint accepts, and a sitemap that lists every page under html.baseurl,
built without a single request to the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def config() -> dict:
    return yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))


def footer() -> str:
    return config()["sphinx"]["config"]["html_theme_options"]["extra_footer"]


# --- Licences ---------------------------------------------------------------------------------

def test_cc_by_4_0_legal_code_is_complete():
    text = (REPO / "LICENSES" / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert text.startswith("Creative Commons Attribution 4.0 International")
    for heading in ["Using Creative Commons Public Licenses",
                    "Creative Commons Attribution 4.0 International Public License",
                    "Section 1 – Definitions.", "Section 2 – Scope.", "Section 3 – License Conditions.",
                    "Section 4 – Sui Generis Database Rights.",
                    "Section 5 – Disclaimer of Warranties and Limitation of Liability.",
                    "Section 6 – Term and Termination.", "Section 7 – Other Terms and Conditions.",
                    "Section 8 – Interpretation."]:
        assert heading in text, f"missing: {heading}"
    # Every definition, a. to k., and the closing notices after Section 8.
    definitions = text[text.index("Section 1 – Definitions."):text.index("Section 2 – Scope.")]
    assert re.findall(r"^\s+([a-k])\.\t", definitions, re.M) == list("abcdefghijk")
    assert "Nothing in this Public License constitutes or may be interpreted as a limitation upon, or waiver of, any privileges and immunities" in text
    assert "Creative Commons is not a party to its public licenses." in text
    assert "For the avoidance of doubt, this paragraph does not form part of the public licenses." in text
    assert text.rstrip().endswith("Creative Commons may be contacted at creativecommons.org.")
    assert len(text) > 16000


def test_mit_licence_is_complete_and_names_the_holder():
    text = (REPO / "LICENSES" / "MIT.txt").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The From Aid to Assets authors\n")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in text
    assert "The above copyright notice and this permission notice shall be included in all copies" in text
    assert text.rstrip().endswith("USE OR OTHER DEALINGS IN THE SOFTWARE.")
    assert "<year>" not in text and "<copyright holders>" not in text


def test_license_says_which_licence_applies_to_what():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    for needed in ["CC BY 4.0", "LICENSES/CC-BY-4.0.txt", "MIT", "LICENSES/MIT.txt", "public domain",
                   "17 U.S.C. 105", "aid2assets/", "data/datapackage.json"]:
        assert needed in text, f"LICENSE does not mention {needed!r}"


def test_pyproject_footer_and_readme_agree_on_the_licences():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"  # the code, and the copy of data/ in the wheel
    for pattern in project["license-files"]:
        assert list(REPO.glob(pattern)), f"license-files pattern {pattern!r} matches nothing"
    text = " ".join(footer().split())
    assert "Text and book-made tables: CC BY 4.0" in text and "Code: MIT" in text
    assert "US government figures are public domain" in text
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "Text and book-made tables: CC BY 4.0; code: MIT; US government figures: public domain" in readme
    package = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [lic["name"] for lic in package["licenses"]] == ["CC-BY-4.0"]


# --- Citation ---------------------------------------------------------------------------------

CFF_SCHEMA = json.loads((REPO / "tests" / "schemas" / "citation-file-format-1.2.0.json").read_text(encoding="utf-8"))


def cff_errors(data: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]


def citation() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_is_valid_cff_1_2_0():
    data = citation()
    for key in ["cff-version", "message", "title", "authors", "version", "date-released", "license",
                "repository-code"]:
        assert data.get(key), f"CITATION.cff has no {key}"
    assert data["cff-version"] == "1.2.0"
    assert cff_errors(data) == []


def test_the_validator_rejects_a_broken_citation():
    broken = {k: v for k, v in citation().items() if k != "authors"}
    broken["date-released"] = "1 December 2026"
    errors = " ".join(cff_errors(broken))
    assert "'authors' is a required property" in errors and "date" in errors


def test_citation_agrees_with_the_package_and_the_landing_page():
    data = citation()
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert data["version"] == version
    assert set(data["license"]) == {"CC-BY-4.0", "MIT"}
    data_ref = next(ref for ref in data["references"] if ref["type"] == "data")
    intro = " ".join((REPO / "intro.md").read_text(encoding="utf-8").split())
    assert "## How to cite" in (REPO / "intro.md").read_text(encoding="utf-8")
    year = data["date-released"][:4]
    assert f"The From Aid to Assets authors ({year}). *{data['title']}*, version {version}." in intro
    assert f"The From Aid to Assets authors ({year}). *{data_ref['title']}*, version {version} [data set]." in intro


# --- Workflows --------------------------------------------------------------------------------

def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists(), f"{ACTIONLINT} is missing: run ./dev.sh setup (requirements.txt pins it)"
    return subprocess.run([str(ACTIONLINT), "-color=false", *map(str, paths)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_actionlint_accepts_the_workflows():
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert {p.name for p in workflows} >= {"tests.yml", "pages.yml"}
    done = actionlint(*workflows)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(textwrap.dedent("""\
        name: broken
        on: pushh
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  no-such-input: true
              - run: echo "${{ github.nosuchcontext }}"
        """), encoding="utf-8")
    done = actionlint(broken)
    assert done.returncode != 0
    assert "pushh" in done.stdout and "no-such-input" in done.stdout


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_the_tests_workflow_runs_the_readme_command_with_debian_chromium():
    data = workflow("tests.yml")
    assert {"push", "pull_request"} <= set(data["on"])
    job = data["jobs"]["test"]
    assert job["runs-on"].startswith("ubuntu") and "bookworm" in job["container"]
    runs = [s.get("run", "") for s in steps(job)]
    assert any("apt-get install" in r and "chromium" in r for r in runs)
    assert runs[-1].strip() == "./dev.sh test"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "./dev.sh test" in readme
    assert job["timeout-minutes"] <= 90


def test_the_pages_workflow_deploys_as_jupyter_book_documents():
    data = workflow("pages.yml")
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    assert data["concurrency"]["group"] == "pages"
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    uses = [s.get("uses", "") for s in steps(build)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in (s.get("uses", "") for s in steps(deploy)))
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    cache = next(s for s in steps(build) if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "_build/.jupyter_cache"
    assert "chapters/*.ipynb" in cache["with"]["key"] and "requirements.txt" in cache["with"]["key"]
    assert next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))["with"]["path"] == "_build/html"
    assert any(s.get("run", "").strip() == "./dev.sh build" for s in steps(build))


def test_the_pages_workflow_fills_an_empty_base_url(tmp_path):
    """Run the workflow's own step on a copy of _config.yml."""
    step = next(s for s in steps(workflow("pages.yml")["jobs"]["build"]) if "baseurl" in s.get("name", ""))
    shutil.copy(REPO / "_config.yml", tmp_path / "_config.yml")
    env = {**os.environ, "PAGES_URL": "https://example.github.io/from-aid-to-assets"}
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    filled = yaml.safe_load((tmp_path / "_config.yml").read_text(encoding="utf-8"))
    if config()["html"]["baseurl"]:  # set by hand: the step leaves it alone
        assert filled["html"]["baseurl"] == config()["html"]["baseurl"]
    else:
        assert filled["html"]["baseurl"] == "https://example.github.io/from-aid-to-assets/"


# --- Base URL and sitemap ---------------------------------------------------------------------

def test_html_baseurl_is_one_setting():
    text = (REPO / "_config.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^\s*(html_)?baseurl\s*:", text)) == 1
    base = config()["html"]["baseurl"]
    assert base == "" or (base.startswith("https://") and base.endswith("/"))
    assert "aid2assets.build.publishing" in config()["sphinx"]["extra_extensions"]


NO_NETWORK = """
import socket, sys
def guard(address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost"):
        raise RuntimeError(f"the build tried to reach {address!r}")
_connect = socket.socket.connect
def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        guard(address)
    return _connect(self, address)
socket.socket.connect = connect
_getaddrinfo = socket.getaddrinfo
def getaddrinfo(host, *args, **kwargs):
    guard((host,))
    return _getaddrinfo(host, *args, **kwargs)
socket.getaddrinfo = getaddrinfo
from jupyter_book.sphinx import build_sphinx
root, out, base = sys.argv[1:]
sys.exit(build_sphinx(root, out, noconfig=True, path_config=root + "/_config.yml",
    confoverrides={"external_toc_path": root + "/_toc.yml", "html_baseurl": base,
                   "latex_individualpages": False, "nitpicky": True,
                   "nb_execution_cache_path": root + "/_build/.jupyter_cache"},
    doctreedir=out + "/.doctrees", builder="html", warningiserror=True, keep_going=True))
"""
BASE = "https://example.org/from-aid-to-assets/"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The book built with html.baseurl set, with every connection off the machine refused."""
    out = tmp_path_factory.mktemp("published") / "html"
    done = subprocess.run([sys.executable, "-c", NO_NETWORK, str(REPO), str(out), BASE],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def toc_pages() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [entry["file"] for entry in part["chapters"]]
    return pages


@pytest.mark.site
def test_the_sitemap_lists_every_page_under_the_base_url(published):
    import xml.etree.ElementTree as ET

    tree = ET.parse(published / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = sorted(e.text for e in tree.getroot().findall("s:url/s:loc", ns))
    from aid2assets.figures import stored_figures

    # the chapters and back matter, and each book figure's own page (figures/<id>.html)
    figure_ids = {fid for nb in sorted((REPO / "chapters").glob("*.ipynb")) for fid in stored_figures(nb)
                  if not fid.startswith("sketch-")}
    expected = sorted([BASE + page + ".html" for page in toc_pages()]
                      + [f"{BASE}figures/{fid}.html" for fid in figure_ids])
    assert [loc for loc in locs if not loc.endswith("/index.html")] == expected
    assert tree.getroot().findall("s:url/s:lastmod", ns) == []  # no dates from git: deterministic
    page = (published / "chapters" / "aid_history.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}chapters/aid_history.html"' in page


@pytest.mark.site
def test_no_sitemap_without_a_base_url():
    site = REPO / "_build" / "html"
    if not (site / "index.html").exists():
        pytest.fail(f"{site} is missing: build the book first (see README)")
    if config()["html"]["baseurl"]:
        pytest.skip("html.baseurl is set: the site's own build has a sitemap")
    assert not (site / "sitemap.xml").exists()
    assert 'rel="canonical"' not in (site / "intro.html").read_text(encoding="utf-8")
