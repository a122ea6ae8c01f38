# Fails the build when a file of an engine layer includes a layer above it, or
# ImGui, SDL, OpenGL or Emscripten. Run by CMakeLists.txt (el_layer) whenever a
# file of the layer changes:
#   cmake -DLAYER=store -DSRC=<repo>/src -DSTAMP=<file written on success> -P check_layers.cmake
cmake_minimum_required(VERSION 3.25)
# Every folder an include can name: src/'s folders and the generated proto/.
set(known_folders record events store aggregate graph embed profile export io ui app cli proto)
# The layers and what each may include (docs/architecture.md draws them):
set(allowed_record record)
set(allowed_events events record proto)
set(allowed_store store events record proto)
set(allowed_aggregate aggregate store events record proto)
set(allowed_graph graph store events record proto)
set(allowed_embed embed record proto)
set(allowed_profile profile record proto)
set(allowed_export export aggregate graph embed profile store events record proto)
set(allowed_io io embed store events record proto)
# Headers no engine file may include: the UI toolkit, the window, the GPU, the browser.
set(forbidden_system "imgui" "SDL" "GL/" "GLES" "emscripten")

if(NOT DEFINED allowed_${LAYER})
  message(FATAL_ERROR "check_layers: unknown layer '${LAYER}'")
endif()
file(GLOB files "${SRC}/${LAYER}/*.h" "${SRC}/${LAYER}/*.cpp")
set(problems "")
foreach(f ${files})
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line ${lines})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*$" "\\1" inc "${line}")
    file(RELATIVE_PATH rel "${SRC}/.." "${f}")
    if(inc MATCHES "^([a-z_]+)/")
      set(top "${CMAKE_MATCH_1}")
      # One of our folders (not a system header such as <sys/stat.h>) outside the allowed set.
      if(top IN_LIST known_folders AND NOT top IN_LIST allowed_${LAYER})
        string(APPEND problems "  ${rel}: #include \"${inc}\" (src/${LAYER} may include only: ${allowed_${LAYER}})\n")
      endif()
    endif()
    foreach(bad ${forbidden_system})
      if(inc MATCHES "^${bad}")
        string(APPEND problems "  ${rel}: #include <${inc}> (engine code never sees ImGui, SDL, GL or Emscripten)\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(problems)
  file(REMOVE "${STAMP}")
  message(FATAL_ERROR "layer check failed for src/${LAYER}:\n${problems}")
endif()
file(WRITE "${STAMP}" "ok\n")
