#include "io/claims_file.hpp"

#include <iterator>

#include "io/byte_source.hpp"

namespace mirhit::io {

namespace {

std::string read_all(const std::string& path) {
    auto source = byte_source::open(path);
    std::string text;
    char buffer[1 << 16];
    while (const auto n = source->read(buffer, sizeof buffer, 0)) text.append(buffer, n);
    return text;
}

}  // namespace

std::vector<reference::claim> load_claims(const std::vector<std::string>& extra_files, bool no_builtin,
                                          std::string& description) {
    std::vector<reference::claim> claims;
    if (!no_builtin) {
        claims = reference::builtin_claims();
        description = std::string(reference::builtin_claims_description());
    }
    for (const auto& file : extra_files) {
        auto more = reference::parse_claims(read_all(file), file);
        description += (description.empty() ? "" : "; ") + file + " (" + std::to_string(more.size()) + " claims)";
        claims.insert(claims.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return claims;
}

}  // namespace mirhit::io
