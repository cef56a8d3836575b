#include "core/orf_8mers.hpp"

namespace mirhit::targetscan70 {

namespace {

// 2-bit code of a letter (A C G U/T, either case), or -1.
int letter_code(char c) {
    switch (c) {
    case 'A': case 'a': return 0;
    case 'C': case 'c': return 1;
    case 'G': case 'g': return 2;
    case 'U': case 'u': case 'T': case 't': return 3;
    default: return -1;
    }
}

}  // namespace

orf_8mer_counter::orf_8mer_counter(const std::vector<std::string>& seeds, bool overlapping)
    : site_of_code_(1u << 16, -1), overlapping_(overlapping) {
    for (const auto& seed : seeds) {
        std::uint32_t code = 0;
        for (std::size_t i = seed.size(); i-- > 0;) code = (code << 2) | static_cast<std::uint32_t>(3 - letter_code(seed[i]));
        code <<= 2;  // the A after the seed match
        std::int32_t& site = site_of_code_[code & 0xffffu];
        if (site < 0) site = static_cast<std::int32_t>(sites_++);
        seed_site_.push_back(static_cast<std::uint32_t>(site));
    }
}

std::uint64_t orf_8mer_counter::count(std::string_view aligned, std::vector<std::uint32_t>& per_seed) const {
    std::vector<std::uint32_t> per_site(sites_, 0);
    std::vector<std::uint64_t> free_from(sites_, 0);  // where the next counted site may start
    std::uint64_t length = 0;
    std::uint32_t code = 0, run = 0;
    for (char c : aligned) {
        if (c == '-' || c == '.') continue;
        ++length;
        const int letter = letter_code(c);
        if (letter < 0) {
            run = 0;
            continue;
        }
        code = ((code << 2) | static_cast<std::uint32_t>(letter)) & 0xffffu;
        if (++run < 8) continue;
        const std::int32_t site = site_of_code_[code];
        if (site < 0) continue;
        const std::uint64_t start = length - 8;
        if (overlapping_ || start >= free_from[static_cast<std::size_t>(site)]) {
            ++per_site[static_cast<std::size_t>(site)];
            free_from[static_cast<std::size_t>(site)] = start + 8;
        }
    }
    per_seed.resize(seed_site_.size());
    for (std::size_t s = 0; s < seed_site_.size(); ++s) per_seed[s] = per_site[seed_site_[s]];
    return length;
}

}  // namespace mirhit::targetscan70
