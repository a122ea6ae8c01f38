#!/usr/bin/env python3
"""A small static file server for EventLens: correct MIME types (application/wasm),
HTTP Range requests (206 Partial Content), loopback only.

  http_server.py --root DIR [--mount /url/prefix=DIR ...] [--port N] [--port-file F]
                 [--cors] [--no-range]

--port 0 picks a free port; the chosen port is printed and written to --port-file.
With mounts, /manifest.json lists their event files (walked on every request,
so files that appear or grow are seen): {"files": [{"path", "url", "size"}]},
and the files an embedding can be made of with "other": true (the rule of
embed::is_embedding_file in src/embed/paths.cpp).
The page reads it to open served log directories, and re-reads it to follow
them live. One mount: paths are relative to it (TensorBoard run names); several:
prefixed with each mount's directory name.

--cors lets pages of any origin read the files (Access-Control-Allow-Origin: *,
Range allowed), as GitHub Pages does. --no-range ignores Range headers (always
200 and the whole file), like some simple servers: for testing the page's
fallback.

Every response carries the headers that make the page cross-origin isolated
(COOP same-origin, COEP credentialless), so it runs its threaded build from
the first load. --no-isolation leaves them out, as GitHub Pages does: the
page's service worker then adds them (web/sw.js).
"""
import json
import argparse
import http.server
import os
import re
import sys
import urllib.parse

MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}


EMBEDDING_EXTENSIONS = {"pbtxt", "tsv", "index", "png", "jpg", "jpeg", "json", "h5", "bytes"}


def is_embedding_file(name):
    if name == "checkpoint" or ".data-" in name:
        return True
    return "." in name and name.rsplit(".", 1)[1].lower() in EMBEDDING_EXTENSIONS


def manifest(mounts):
    files = []
    for prefix, d in mounts:
        label = os.path.basename(d.rstrip("/")) + "/" if len(mounts) > 1 else ""
        if os.path.isfile(d):
            files.append({"path": label + os.path.basename(d), "url": prefix.lstrip("/"),
                          "size": os.path.getsize(d)})
            continue
        for dirpath, dirnames, names in os.walk(d):
            dirnames.sort()
            for n in sorted(names):
                event = "tfevents" in n and not n.endswith(".profile-empty")
                if not event and not is_embedding_file(n):
                    continue
                full = os.path.join(dirpath, n)
                rel = os.path.relpath(full, d).replace(os.sep, "/")
                entry = {"path": label + rel, "url": prefix.lstrip("/") + "/" + urllib.parse.quote(rel),
                         "size": os.path.getsize(full)}
                if not event:
                    entry["other"] = True
                files.append(entry)
    return json.dumps({"files": files}).encode()


def make_handler(root, mounts, cors=False, no_range=False, isolate=True):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # quiet: tests read the page, not the log
            if os.environ.get("EVENTLENS_HTTP_LOG"):
                sys.stderr.write("http: " + (fmt % args) + "\n")

        def resolve(self):
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            base, rel = root, path
            for prefix, d in mounts:
                if path == prefix or path.startswith(prefix + "/"):
                    base, rel = d, path[len(prefix):]
                    break
            full = os.path.realpath(os.path.join(base, rel.lstrip("/")))
            if not (full == os.path.realpath(base) or full.startswith(os.path.realpath(base) + os.sep)):
                return None  # outside the served tree
            if os.path.isdir(full):
                full = os.path.join(full, "index.html")
            return full if os.path.isfile(full) else None

        def end_headers(self):
            if isolate:  # cross-origin isolated: the page may run its threaded build
                self.send_header("Cross-Origin-Opener-Policy", "same-origin")
                self.send_header("Cross-Origin-Embedder-Policy", "credentialless")
            if cors:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Expose-Headers", "Content-Range, Content-Length, Accept-Ranges")
            super().end_headers()

        def do_OPTIONS(self):  # CORS preflight (a Range header needs one)
            self.send_response(204 if cors else 405)
            if cors:
                self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Range")
                self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_HEAD(self):
            self.serve(head=True)

        def do_GET(self):
            self.serve(head=False)

        def serve(self, head):
            if mounts and urllib.parse.urlsplit(self.path).path == "/manifest.json":
                body = manifest(mounts)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if not head:
                    self.wfile.write(body)
                return
            full = self.resolve()
            if not full:
                body = b"not found\n"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)
                return
            size = os.path.getsize(full)
            start, end = 0, size - 1
            status = 200
            rng = None if no_range else self.headers.get("Range")
            if rng:
                m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
                if not m or (not m.group(1) and not m.group(2)):
                    return self.range_error(size)
                if m.group(1):
                    start = int(m.group(1))
                    end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
                else:  # suffix range: the last N bytes
                    start = max(0, size - int(m.group(2)))
                if start >= size or start > end:
                    return self.range_error(size)
                status = 206
            self.send_response(status)
            ext = os.path.splitext(full)[1].lower()
            self.send_header("Content-Type", MIME.get(ext, "application/octet-stream"))
            if not no_range:
                self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Length", str(end - start + 1))
            self.send_header("Cache-Control", "no-cache")
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self.end_headers()
            if head:
                return
            with open(full, "rb") as f:
                f.seek(start)
                left = end - start + 1
                while left > 0:
                    chunk = f.read(min(left, 1 << 20))
                    if not chunk:
                        break
                    try:
                        self.wfile.write(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        return
                    left -= len(chunk)

        def range_error(self, size):
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--mount", action="append", default=[])
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--port-file")
    ap.add_argument("--cors", action="store_true")
    ap.add_argument("--no-range", action="store_true")
    ap.add_argument("--no-isolation", action="store_true")
    a = ap.parse_args()
    mounts = []
    for m in a.mount:
        prefix, d = m.split("=", 1)
        mounts.append(("/" + prefix.strip("/"), d))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), make_handler(a.root, mounts, a.cors, a.no_range,
                                                                               not a.no_isolation))
    port = httpd.server_address[1]
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write(str(port))
        os.replace(a.port_file + ".tmp", a.port_file)
    print(f"EventLens: http://127.0.0.1:{port}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
