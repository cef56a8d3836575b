# Build-time generator: embeds any file into a C++ source as an unsigned char array.
# Run as: cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DSYMBOL=<name> -P embed_file.cmake
#
# The generated source defines, in namespace mirhit::reference::detail:
#   const unsigned char <SYMBOL>_bytes[]   the file bytes, then one NUL not counted
#   const std::size_t   <SYMBOL>_size      the file size in bytes
cmake_minimum_required(VERSION 3.25)

foreach(var INPUT OUTPUT SYMBOL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_file.cmake: -D${var}=... is required")
  endif()
endforeach()
file(SIZE "${INPUT}" size)
if(size EQUAL 0)
  message(FATAL_ERROR "embed_file.cmake: input ${INPUT} is empty")
endif()

file(READ "${INPUT}" hex HEX)
string(REPEAT "[0-9a-f]" 32 line_re)
string(REGEX REPLACE "${line_re}" "\\0\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
get_filename_component(input_name "${INPUT}" NAME)

file(WRITE "${OUTPUT}.tmp" "// Generated at build time by reference/cmake/embed_file.cmake from ${input_name}. Do not edit.
#include <cstddef>

namespace mirhit::reference::detail {

extern const unsigned char ${SYMBOL}_bytes[];
extern const std::size_t ${SYMBOL}_size;

const unsigned char ${SYMBOL}_bytes[] = {
${body}
0x00};
const std::size_t ${SYMBOL}_size = ${size};

}  // namespace mirhit::reference::detail
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
