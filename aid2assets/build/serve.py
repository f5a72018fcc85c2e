"""Serve the built site locally, the way a static web host would: gzip and caching.

    python -m aid2assets.build.serve [folder] [--port 8000] [--bind 127.0.0.1]

Python's own ``http.server`` sends every file uncompressed and without cache headers, so
a chapter page costs about 2 MB on each visit. This handler compresses text files (HTML, CSS,
JavaScript, JSON, CSV, SVG) when the browser accepts gzip, lets the browser keep the
site's static assets for an hour, and keeps connections open between requests (HTTP/1.1). Used by ``./dev.sh serve`` and by the benchmark.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".csv", ".svg", ".txt", ".map", ".xml"}


class BookHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip (when accepted) and a one-hour cache lifetime."""

    _gzip_cache: dict = {}
    quiet = False
    # Keep-alive, as every web host does: Python's default (HTTP/1.0) opens a new connection
    # for each file, which on a slow mobile link costs a round trip and a slow start apiece.
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        if not self.quiet:
            super().log_message(*args)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        body = self._gzip_cache.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            self._gzip_cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        import io

        return io.BytesIO(body)


def make_server(folder: str | os.PathLike, port: int = 0, bind: str = "127.0.0.1", quiet: bool = False):
    handler = functools.partial(type("Handler", (BookHandler,), {"quiet": quiet}), directory=str(folder))
    return http.server.ThreadingHTTPServer((bind, port), handler)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the built book with gzip and caching.")
    parser.add_argument("folder", nargs="?", default="_build/html")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    server = make_server(args.folder, args.port, args.bind)
    print(f"Serving {args.folder} at http://{args.bind}:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
