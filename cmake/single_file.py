#!/usr/bin/env python3
"""single_file.py SHELL JS WASM OUT: the whole app as one HTML file.

The shell is web/index.html with the page's style and script inlined
(cmake/single_shell.cmake). Its {{{ SCRIPT }}} becomes the wasm, base64, handed
to the Emscripten runtime as Module.wasmBinary (so it never fetches, which a
page opened from file:// cannot), followed by the runtime itself. The runtime
and the wasm are the page build's own (eventlens.js, eventlens.wasm): one link
serves both, instead of a second link of the same program with -sSINGLE_FILE.
"""
import base64
import os
import sys

shell_path, js_path, wasm_path, out_path = sys.argv[1:5]
with open(shell_path, encoding="utf-8") as f:
    shell = f.read()
with open(js_path, encoding="utf-8") as f:
    runtime = f.read()
with open(wasm_path, "rb") as f:
    wasm = base64.b64encode(f.read()).decode("ascii")
if shell.count("{{{ SCRIPT }}}") != 1:
    sys.exit(f"{shell_path}: expected one {{{{{{ SCRIPT }}}}}} placeholder")
if "</script" in runtime:
    sys.exit(f"{js_path}: the runtime holds '</script', which would end the inline script early")
loader = (
    "<script>\n"
    "(function () {\n"
    f"  const text = atob('{wasm}');\n"
    "  const bytes = new Uint8Array(text.length);\n"
    "  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n"
    "  window.Module.wasmBinary = bytes;\n"
    "})();\n"
    "</script>\n"
    f"<script>\n{runtime}\n</script>"
)
with open(out_path + ".tmp", "w", encoding="utf-8") as f:
    f.write(shell.replace("{{{ SCRIPT }}}", loader))
os.replace(out_path + ".tmp", out_path)
