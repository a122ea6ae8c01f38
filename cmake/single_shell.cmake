# cmake -DWEB=<web dir> -DPAGE_JS=<bundled page script> -DOUT=<shell.html> -P single_shell.cmake
# Turns web/index.html into an Emscripten shell for the single-file build: the
# page's stylesheet and script (web/js bundled by cmake/bundle_page_js.py) are inlined, and the eventlens.js tag becomes
# {{{ SCRIPT }}} (where emcc puts the runtime with the wasm embedded).
file(READ "${WEB}/index.html" html)
file(READ "${WEB}/eventlens.css" css)
file(READ "${PAGE_JS}" js)
# A page from file:// with everything inline cannot carry the site's CSP.
string(REGEX REPLACE "<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n?" "" html "${html}")
string(REPLACE "<link rel=\"stylesheet\" href=\"eventlens.css\">" "<style>\n${css}</style>" html "${html}")
string(REPLACE "<script src=\"eventlens-page.js\"></script>" "<script>\n${js}</script>" html "${html}")
string(REPLACE "<script async src=\"eventlens.js\"></script>" "{{{ SCRIPT }}}" html "${html}")
string(FIND "${html}" "{{{ SCRIPT }}}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "index.html lost its eventlens.js script tag")
endif()
file(WRITE "${OUT}" "${html}")
