#include "reference/builtin_mirnas.hpp"

#include <cstddef>

// Defined in the build-time generated builtin_mirna_data.cpp (see reference/cmake/embed_fasta.cmake).
namespace mirhit::reference::detail {
extern const unsigned char builtin_mirna_fasta_bytes[];
extern const std::size_t builtin_mirna_fasta_size;
extern const char builtin_mirna_description_text[];
}  // namespace mirhit::reference::detail

namespace mirhit::reference {

std::string_view builtin_mirna_fasta() {
    return {reinterpret_cast<const char*>(detail::builtin_mirna_fasta_bytes),
            detail::builtin_mirna_fasta_size};
}

const std::vector<std::string>& builtin_mirna_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        const auto fasta = builtin_mirna_fasta();
        for (std::size_t pos = 0; (pos = fasta.find('>', pos)) != std::string_view::npos; ++pos)
            out.emplace_back(fasta.substr(pos + 1, fasta.find_first_of(" \n", pos) - pos - 1));
        return out;
    }();
    return names;
}

std::string_view builtin_mirna_description() {
    return detail::builtin_mirna_description_text;
}

}  // namespace mirhit::reference
