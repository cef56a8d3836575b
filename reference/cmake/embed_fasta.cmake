# Build-time generator: embeds a FASTA file into a C++ source as an unsigned char array.
# Run as: cmake -DINPUT=<file.fa> -DOUTPUT=<file.cpp> -DSOURCE_LABEL=<text> -P embed_fasta.cmake
#
# The generated source defines, in namespace mirhit::reference::detail:
#   const unsigned char builtin_mirna_fasta_bytes[]   the file bytes, then one NUL not counted
#   const std::size_t   builtin_mirna_fasta_size      the file size in bytes
#   const char          builtin_mirna_description_text[]
#     "built-in: miRBase 22 human mature miRNAs (<records>), from <SOURCE_LABEL>"
# An array (not a string literal) is used because GCC/the standard limit literal lengths.
cmake_minimum_required(VERSION 3.25)

foreach(var INPUT OUTPUT SOURCE_LABEL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_fasta.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${INPUT}")
  message(FATAL_ERROR "embed_fasta.cmake: input ${INPUT} does not exist")
endif()

file(SIZE "${INPUT}" size)
if(size EQUAL 0)
  message(FATAL_ERROR "embed_fasta.cmake: input ${INPUT} is empty")
endif()

# Count the records (lines starting with '>') for the description line.
file(STRINGS "${INPUT}" headers REGEX "^>")
list(LENGTH headers records)
if(records EQUAL 0)
  message(FATAL_ERROR "embed_fasta.cmake: ${INPUT} holds no FASTA record")
endif()

file(READ "${INPUT}" hex HEX)
# 16 bytes (32 hex digits) per line, then every byte as 0xNN.
string(REPEAT "[0-9a-f]" 32 line_re)
string(REGEX REPLACE "${line_re}" "\\0\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")

set(description "built-in: miRBase 22 human mature miRNAs (${records}), from ${SOURCE_LABEL}")
string(REPLACE "\\" "\\\\" description_c "${description}")
string(REPLACE "\"" "\\\"" description_c "${description_c}")
get_filename_component(input_name "${INPUT}" NAME)

set(content "// Generated at build time by reference/cmake/embed_fasta.cmake from ${input_name}.
// Do not edit: edit the .fa (see reference/data/README.md) and rebuild.
#include <cstddef>

namespace mirhit::reference::detail {

extern const unsigned char builtin_mirna_fasta_bytes[];
extern const std::size_t builtin_mirna_fasta_size;
extern const char builtin_mirna_description_text[];

alignas(16) const unsigned char builtin_mirna_fasta_bytes[] = {
${body}
0x00};
const std::size_t builtin_mirna_fasta_size = ${size};
const char builtin_mirna_description_text[] = \"${description_c}\";

static_assert(sizeof(builtin_mirna_fasta_bytes) == ${size} + 1, \"embedded size mismatch\");

}  // namespace mirhit::reference::detail
")

# Write through a temporary so an interrupted run never leaves a half file behind.
file(WRITE "${OUTPUT}.tmp" "${content}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
