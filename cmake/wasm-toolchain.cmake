# CMake toolchain for Debian 12's Emscripten 3.1.6, used instead of `emcmake`.
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/wasm-toolchain.cmake -DWASM_PREFIX=<deps prefix> ...

# Test binaries run under node. emcmake would add --experimental-wasm-threads,
# which node 20 rejects; and node's fetch() breaks 3.1.6's wasm loader in node.
set(CMAKE_CROSSCOMPILING_EMULATOR "/usr/bin/node;--no-experimental-fetch"
    CACHE STRING "Runs wasm test binaries")

# Emscripten.cmake is re-read by every try_compile and probes `emcc -v` unless
# these are forwarded; forwarding them makes SDL2's ~160 checks much faster.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES
     EMSCRIPTEN_VERSION CMAKE_C_COMPILER_VERSION CMAKE_CXX_COMPILER_VERSION WASM_PREFIX)

include(/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake)

# Optimised links run node scripts that need Debian's node modules (acorn).
set(_el_link_env "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
set(CMAKE_C_LINKER_LAUNCHER "${_el_link_env}")
set(CMAKE_CXX_LINKER_LAUNCHER "${_el_link_env}")

# The wasm dependency prefix must be a find *root* and must come before the
# Emscripten sysroot, whose SDL2 config stub means "use the SDL2 port" (which
# cannot work with Debian's frozen cache).
if(NOT WASM_PREFIX AND DEFINED ENV{WASM_PREFIX})
  set(WASM_PREFIX "$ENV{WASM_PREFIX}")
endif()
if(WASM_PREFIX)
  list(PREPEND CMAKE_FIND_ROOT_PATH "${WASM_PREFIX}")
  list(APPEND CMAKE_PREFIX_PATH "${WASM_PREFIX}")
endif()
