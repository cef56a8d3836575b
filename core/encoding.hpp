#pragma once

#include <array>
#include <string>
#include <string_view>
#include <cstdint>

namespace mirhit {

// 2-bit nucleotide codes; complement(c) == 3 - c.
inline constexpr std::uint8_t nt_a = 0, nt_c = 1, nt_g = 2, nt_u = 3;
// Any other byte (N, IUPAC codes, gaps) maps here and resets the rolling k-mer.
inline constexpr std::uint8_t nt_other = 4;

inline constexpr std::array<std::uint8_t, 256> nt_code = [] {
    std::array<std::uint8_t, 256> table{};
    table.fill(nt_other);
    table['A'] = table['a'] = nt_a;
    table['C'] = table['c'] = nt_c;
    table['G'] = table['g'] = nt_g;
    table['T'] = table['t'] = table['U'] = table['u'] = nt_u;
    return table;
}();

inline constexpr std::array<char, 4> rna_letter = {'A', 'C', 'G', 'U'};

constexpr std::uint8_t complement(std::uint8_t code) { return static_cast<std::uint8_t>(3 - code); }

constexpr std::uint8_t code_of(char c) { return nt_code[static_cast<unsigned char>(c)]; }

// The reverse complement of seq as RNA letters, N for anything but A, C, G, T/U; out is reused.
inline void reverse_complement(std::string_view seq, std::string& out) {
    out.resize(seq.size());
    for (std::size_t i = 0; i < seq.size(); ++i) {
        const auto c = code_of(seq[seq.size() - 1 - i]);
        out[i] = c > 3 ? 'N' : rna_letter[complement(c)];
    }
}

// Letters a UTR may contain: A, C, G, T, U and the IUPAC ambiguity codes, in either case.
inline constexpr std::array<bool, 256> is_nucleotide_letter = [] {
    std::array<bool, 256> table{};
    for (char c : {'A', 'C', 'G', 'T', 'U', 'R', 'Y', 'S', 'W', 'K', 'M', 'B', 'D', 'H', 'V', 'N'}) {
        table[static_cast<unsigned char>(c)] = true;
        table[static_cast<unsigned char>(c - 'A' + 'a')] = true;
    }
    return table;
}();

}  // namespace mirhit
