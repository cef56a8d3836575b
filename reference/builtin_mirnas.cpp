#include "reference/builtin_mirnas.hpp"

#include <cstddef>

// Defined in the build-time generated builtin_mirna_fasta_data.cpp (see reference/cmake/embed_file.cmake).
namespace mirhit::reference::detail {
extern const unsigned char builtin_mirna_fasta_bytes[];
extern const std::size_t builtin_mirna_fasta_size;
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
    static const std::string text = "built-in: miRBase 22 human mature miRNAs (" + std::to_string(builtin_mirna_names().size()) +
                                    "), from " MIRHIT_BUILTIN_MIRNA_SOURCE;
    return text;
}

}  // namespace mirhit::reference
