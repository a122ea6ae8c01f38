# cmake -DIN=<file> -DOUT=<file.cpp> -DSYM=<name> -P embed_file.cmake
# Writes a C++ file defining `extern const unsigned char SYM[]` and `SYM_size`.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed_file.cmake.\n#include <cstddef>\n"
  "extern const unsigned char ${SYM}[];\nextern const std::size_t ${SYM}_size;\n"
  "alignas(4) const unsigned char ${SYM}[] = {\n${body}};\nconst std::size_t ${SYM}_size = ${size};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
