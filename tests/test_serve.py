"""The book's local server sends the same bytes, gzipped when the browser accepts it."""

import gzip
import threading
import urllib.request
from pathlib import Path

from aid2assets.build.serve import make_server


def fetch(url, accept_gzip):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if accept_gzip else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_gzip_when_accepted(tmp_path: Path):
    page = "<html><body>" + "aid to assets " * 500 + "</body></html>"
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    server = make_server(tmp_path, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        headers, body = fetch(base + "index.html", accept_gzip=True)
        assert headers["Content-Encoding"] == "gzip" and len(body) < len(page) / 5
        assert gzip.decompress(body).decode("utf-8") == page
        headers, body = fetch(base + "index.html", accept_gzip=False)
        assert headers.get("Content-Encoding") is None and body.decode("utf-8") == page
        headers, body = fetch(base + "figure.png", accept_gzip=True)   # binary: sent as is
        assert headers.get("Content-Encoding") is None and body.startswith(b"\x89PNG")
        assert "max-age" in headers["Cache-Control"]
    finally:
        server.shutdown()


def test_connections_are_kept_alive(tmp_path: Path):
    """Several files over one connection (HTTP/1.1 keep-alive), as a web host serves them."""
    import http.client

    (tmp_path / "a.css").write_text("body{color:red}" * 50, encoding="utf-8")
    (tmp_path / "b.js").write_text("console.log(1);" * 50, encoding="utf-8")
    server = make_server(tmp_path, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        for name in ("a.css", "b.js", "a.css"):
            conn.request("GET", "/" + name, headers={"Accept-Encoding": "gzip"})
            response = conn.getresponse()
            body = response.read()
            assert response.version == 11 and not response.will_close, name
            assert response.status == 200, name
            assert gzip.decompress(body).startswith(b"body" if name.endswith("css") else b"console")
        conn.close()
    finally:
        server.shutdown()
