#!/usr/bin/env python3
"""Stages the web app in a site folder with content-hashed file names.

  stage_site.py BUILD_WEB_DIR WEB_SRC_DIR SITE_DIR [BUILD_WEB_MT_DIR]

eventlens.js, eventlens.wasm, eventlens-page.js and eventlens.css are copied as
eventlens.<hash>.js and so on (their content's SHA-256, shortened), index.html
is rewritten to name them, and sw.js (the service worker that keeps them for
offline use) lists them with the version they make up. eventlens.html (the
single-file build) is copied as it is. Older hashed files are removed.
With BUILD_WEB_MT_DIR (the pthreads build), its eventlens.js, eventlens.wasm
and eventlens.worker.js are staged as eventlens-mt.<hash>.js and so on, and the
page loads them when it is cross-origin isolated (web/js/main.js): index.html
names the engine's files in meta tags and the page script adds the one it picks.
"""
import hashlib
import json
import os
import re
import shutil
import sys

build, web, site = sys.argv[1:4]
build_mt = sys.argv[4] if len(sys.argv) > 4 else None
os.makedirs(site, exist_ok=True)
sources = {
    "eventlens.js": os.path.join(build, "eventlens.js"),
    "eventlens.wasm": os.path.join(build, "eventlens.wasm"),
    "eventlens-page.js": os.path.join(build, "eventlens-page.js"),  # web/js bundled by the build
    "eventlens.css": os.path.join(web, "eventlens.css"),
}
if build_mt:
    sources.update({
        "eventlens-mt.js": os.path.join(build_mt, "eventlens.js"),
        "eventlens-mt.wasm": os.path.join(build_mt, "eventlens.wasm"),
        "eventlens-mt.worker.js": os.path.join(build_mt, "eventlens.worker.js"),
    })
hashed = {}
for name, src in sources.items():
    data = open(src, "rb").read()
    stem, ext = (name[:-len(".worker.js")], ".worker.js") if name.endswith(".worker.js") else os.path.splitext(name)
    hashed[name] = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{ext}"
    with open(os.path.join(site, hashed[name]), "wb") as f:
        f.write(data)
for old in os.listdir(site):  # earlier builds' hashed files, and unhashed copies
    if re.fullmatch(r"eventlens(-page|-mt)?(\.[0-9a-f]{12})?(\.worker)?\.(js|wasm|css)", old) and old not in hashed.values():
        os.remove(os.path.join(site, old))

html = open(os.path.join(web, "index.html"), encoding="utf-8").read()
for old, new in [('href="eventlens.css"', f'href="{hashed["eventlens.css"]}"'),
                 ('src="eventlens-page.js"', f'src="{hashed["eventlens-page.js"]}"'),
                 ('<script async src="eventlens.js"></script>\n', '')]:  # the page script adds it
    if old not in html:
        sys.exit(f"stage_site: index.html lost {old}")
    html = html.replace(old, new)
metas = {"eventlens-js": "eventlens.js", "eventlens-wasm": "eventlens.wasm"}
if build_mt:
    metas.update({"eventlens-mt-js": "eventlens-mt.js", "eventlens-mt-wasm": "eventlens-mt.wasm",
                  "eventlens-mt-worker": "eventlens-mt.worker.js"})
html = html.replace("</head>", "".join(f'<meta name="{m}" content="{hashed[f]}">\n' for m, f in metas.items()) + "</head>")
with open(os.path.join(site, "index.html"), "w", encoding="utf-8") as f:
    f.write(html)

shutil.copyfile(os.path.join(build, "single", "eventlens.html"), os.path.join(site, "eventlens.html"))
assets = ["index.html"] + sorted(hashed.values())
version = hashlib.sha256("".join(assets).encode()).hexdigest()[:12]
sw = open(os.path.join(web, "sw.js"), encoding="utf-8").read()
sw = sw.replace("@VERSION@", version).replace("@ASSETS@", json.dumps(assets))
with open(os.path.join(site, "sw.js"), "w", encoding="utf-8") as f:
    f.write(sw)
print(f"site {site}: version {version}")
