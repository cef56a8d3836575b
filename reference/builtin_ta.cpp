#include "reference/builtin_ta.hpp"

#include <cstddef>

// Defined in the build-time generated builtin_ta_data.cpp (see reference/cmake/embed_file.cmake).
namespace mirhit::reference::detail {
extern const unsigned char builtin_ta_table_bytes[];
extern const std::size_t builtin_ta_table_size;
}  // namespace mirhit::reference::detail

namespace mirhit::reference {

std::string_view builtin_ta_table() {
    return {reinterpret_cast<const char*>(detail::builtin_ta_table_bytes), detail::builtin_ta_table_size};
}

}  // namespace mirhit::reference
