// The browser side of the shell: one Shell for the page, and the JS functions
// (wasm/library_eventlens.js) that carry out its requests.
#pragma once
#include "app/shell.h"

namespace el::web {

el::app::Shell& shell();

}  // namespace el::web
