#include "scoring/energy_params.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <span>
#include <string_view>

#include "core/error.hpp"
#include "scoring/turner2004_data.hpp"

namespace mirhit::scoring {
namespace {

enum class section {
    stack, mismatch_hairpin, mismatch_interior, mismatch_interior_1n, mismatch_interior_23, mismatch_multi,
    mismatch_exterior, dangle5, dangle3, int11, int21, int22, hairpin, bulge, interior, ml_params, ninio, misc,
    tetraloops, triloops, hexaloops, end, unknown
};

section section_of(std::string_view name) {
    struct entry {
        std::string_view name;
        section s;
    };
    // ViennaRNA has spelt the interior-loop sections both "interior" and "internal".
    static constexpr entry names[] = {
        {"stack", section::stack},
        {"mismatch_hairpin", section::mismatch_hairpin},
        {"mismatch_interior", section::mismatch_interior},
        {"mismatch_internal", section::mismatch_interior},
        {"mismatch_interior_1n", section::mismatch_interior_1n},
        {"mismatch_internal_1n", section::mismatch_interior_1n},
        {"mismatch_interior_23", section::mismatch_interior_23},
        {"mismatch_internal_23", section::mismatch_interior_23},
        {"mismatch_multi", section::mismatch_multi},
        {"mismatch_exterior", section::mismatch_exterior},
        {"dangle5", section::dangle5},
        {"dangle3", section::dangle3},
        {"int11", section::int11},
        {"int21", section::int21},
        {"int22", section::int22},
        {"hairpin", section::hairpin},
        {"bulge", section::bulge},
        {"interior", section::interior},
        {"internal", section::interior},
        {"ML_params", section::ml_params},
        {"NINIO", section::ninio},
        {"Misc", section::misc},
        {"Tetraloops", section::tetraloops},
        {"Triloops", section::triloops},
        {"Hexaloops", section::hexaloops},
        {"END", section::end},
    };
    for (const auto& e : names)
        if (e.name == name) return e.s;
    return section::unknown;
}

// Scalar sections are read into this block, then copied into the fields.
struct scalars {
    int ml[6] = {};
    int ninio[3] = {};
    int misc[4] = {};
};

// The runs of values one section fills, in file order. Each run is read as ViennaRNA's get_array1
// reads one slice: it starts on a new line and may continue over several lines. Dimensions of
// pair type start at 1 (no "no pair" row); int22 has no non-standard pair and no N nucleotide.
std::vector<std::span<int>> section_slices(energy_params& p, scalars& s, section sec) {
    std::vector<std::span<int>> out;
    auto mismatch = [&](int (&m)[8][5][5]) {
        for (int t = 1; t < 8; ++t) out.emplace_back(&m[t][0][0], 25);
    };
    switch (sec) {
        case section::stack:
            for (int t = 1; t < 8; ++t) out.emplace_back(&p.stack[t][1], 7);
            break;
        case section::mismatch_hairpin: mismatch(p.mismatch_hairpin); break;
        case section::mismatch_interior: mismatch(p.mismatch_interior); break;
        case section::mismatch_interior_1n: mismatch(p.mismatch_interior_1n); break;
        case section::mismatch_interior_23: mismatch(p.mismatch_interior_23); break;
        case section::mismatch_multi: mismatch(p.mismatch_multi); break;
        case section::mismatch_exterior: mismatch(p.mismatch_exterior); break;
        case section::dangle5:
            for (int t = 1; t < 8; ++t) out.emplace_back(&p.dangle5[t][0], 5);
            break;
        case section::dangle3:
            for (int t = 1; t < 8; ++t) out.emplace_back(&p.dangle3[t][0], 5);
            break;
        case section::int11:
            for (int t = 1; t < 8; ++t)
                for (int u = 1; u < 8; ++u) out.emplace_back(&p.int11[t][u][0][0], 25);
            break;
        case section::int21:
            for (int t = 1; t < 8; ++t)
                for (int u = 1; u < 8; ++u) out.emplace_back(&p.int21[t][u][0][0][0], 125);
            break;
        case section::int22:
            for (int t = 1; t < 7; ++t)
                for (int u = 1; u < 7; ++u)
                    for (int a = 1; a < 5; ++a)
                        for (int b = 1; b < 5; ++b)
                            for (int c = 1; c < 5; ++c) out.emplace_back(&p.int22[t][u][a][b][c][1], 4);
            break;
        case section::hairpin: out.emplace_back(p.hairpin, 31); break;
        case section::bulge: out.emplace_back(p.bulge, 31); break;
        case section::interior: out.emplace_back(p.interior, 31); break;
        case section::ml_params: out.emplace_back(s.ml, 6); break;
        case section::ninio: out.emplace_back(s.ninio, 3); break;
        case section::misc: out.emplace_back(s.misc, 4); break;
        default: break;
    }
    return out;
}

void apply_scalars(energy_params& p, const scalars& s, section sec) {
    if (sec == section::ml_params) {
        p.ml_base = s.ml[0];
        p.ml_closing = s.ml[2];
        p.ml_intern = s.ml[4];
    } else if (sec == section::ninio) {
        p.ninio = s.ninio[0];
        p.max_ninio = s.ninio[2];
    } else if (sec == section::misc) {
        p.duplex_init = s.misc[0];
        p.terminal_au = s.misc[2];
    }
}

scalars scalars_of(const energy_params& p) {
    scalars s;
    s.ml[0] = p.ml_base;
    s.ml[2] = p.ml_closing;
    s.ml[4] = p.ml_intern;
    s.ninio[0] = p.ninio;
    s.ninio[2] = p.max_ninio;
    s.misc[0] = p.duplex_init;
    s.misc[2] = p.terminal_au;
    return s;
}

// int22 entries with an N nucleotide or a non-standard pair get the largest (least stable) value
// over all their standard completions, as ViennaRNA's update_nst does after reading int22.
void fill_int22_nonstandard(energy_params& p) {
    auto& a = p.int22;
    auto completions = [](int x, int lo, int hi) { return x == 0 || x == 7 ? std::pair{lo, hi} : std::pair{x, x}; };
    for (int t = 1; t < 8; ++t)
        for (int u = 1; u < 8; ++u)
            for (int i = 0; i < 5; ++i)
                for (int j = 0; j < 5; ++j)
                    for (int k = 0; k < 5; ++k)
                        for (int l = 0; l < 5; ++l) {
                            if (t < 7 && u < 7 && i && j && k && l) continue;
                            auto [t0, t1] = t == 7 ? std::pair{1, 6} : std::pair{t, t};
                            auto [u0, u1] = u == 7 ? std::pair{1, 6} : std::pair{u, u};
                            auto [i0, i1] = completions(i, 1, 4);
                            auto [j0, j1] = completions(j, 1, 4);
                            auto [k0, k1] = completions(k, 1, 4);
                            auto [l0, l1] = completions(l, 1, 4);
                            int best = -inf_energy;
                            for (int tt = t0; tt <= t1; ++tt)
                                for (int uu = u0; uu <= u1; ++uu)
                                    for (int ii = i0; ii <= i1; ++ii)
                                        for (int jj = j0; jj <= j1; ++jj)
                                            for (int kk = k0; kk <= k1; ++kk)
                                                for (int ll = l0; ll <= l1; ++ll)
                                                    best = std::max(best, a[tt][uu][ii][jj][kk][ll]);
                            a[t][u][i][j][k][l] = best;
                        }
}

std::vector<std::pair<std::string, int>> loops_of(const detail::special_loop* loops, std::size_t n) {
    std::vector<std::pair<std::string, int>> out;
    for (std::size_t k = 0; k < n; ++k) out.emplace_back(loops[k].sequence, loops[k].energy);
    return out;
}

energy_params build_turner2004() {
    energy_params p{};
    scalars s;
    auto fill = [&](section sec, std::span<const int> values) {
        std::size_t next = 0;
        for (auto slice : section_slices(p, s, sec))
            for (int& v : slice) v = values[next++];
    };
    fill(section::stack, detail::turner2004_stack);
    fill(section::mismatch_hairpin, detail::turner2004_mismatch_hairpin);
    fill(section::mismatch_interior, detail::turner2004_mismatch_interior);
    fill(section::mismatch_interior_1n, detail::turner2004_mismatch_interior_1n);
    fill(section::mismatch_interior_23, detail::turner2004_mismatch_interior_23);
    fill(section::mismatch_multi, detail::turner2004_mismatch_multi);
    fill(section::mismatch_exterior, detail::turner2004_mismatch_exterior);
    fill(section::dangle5, detail::turner2004_dangle5);
    fill(section::dangle3, detail::turner2004_dangle3);
    fill(section::int11, detail::turner2004_int11);
    fill(section::int21, detail::turner2004_int21);
    fill(section::int22, detail::turner2004_int22);
    fill_int22_nonstandard(p);
    fill(section::hairpin, detail::turner2004_hairpin);
    fill(section::bulge, detail::turner2004_bulge);
    fill(section::interior, detail::turner2004_interior);
    p.ml_base = detail::turner2004_ml_params[0];
    p.ml_closing = detail::turner2004_ml_params[1];
    p.ml_intern = detail::turner2004_ml_params[2];
    p.ninio = detail::turner2004_ninio[0];
    p.max_ninio = detail::turner2004_ninio[1];
    p.duplex_init = detail::turner2004_misc[0];
    p.terminal_au = detail::turner2004_misc[1];
    p.lxc = 107.856;  // ViennaRNA's lxc37; parameter files do not set it
    p.tetraloops = loops_of(detail::turner2004_tetraloops, std::size(detail::turner2004_tetraloops));
    p.triloops = loops_of(detail::turner2004_triloops, std::size(detail::turner2004_triloops));
    p.hexaloops = loops_of(detail::turner2004_hexaloops, std::size(detail::turner2004_hexaloops));
    return p;
}

// Reads a parameter file line by line with ViennaRNA's rules: "# name" starts a section, "/* */"
// comments are removed, numbers may be INF, DEF (-50), NST (0), "*" (keep the current value) or
// "x" (extrapolate from the last number of the run with lxc). Unlike ViennaRNA, a token that is
// not wholly a number, an unknown section or a missing value is an error.
class par_reader {
public:
    par_reader(std::string path, std::vector<std::string> lines) : path_(std::move(path)), lines_(std::move(lines)) {}

    energy_params read() {
        energy_params p = turner2004();
        if (lines_.empty() || lines_[0].rfind("## RNAfold parameter file v2.0", 0) != 0)
            fail(1, "not a ViennaRNA parameter file (the first line must be \"## RNAfold parameter file v2.0\")");
        next_ = 1;
        while (next_ < lines_.size()) {
            const std::size_t line_no = next_ + 1;
            std::string_view line = lines_[next_++];
            if (line.empty() || line[0] != '#') continue;
            auto name = first_word(line.substr(1));
            if (name.empty()) continue;
            bool enthalpies = name.size() > 11 && name.substr(name.size() - 11) == "_enthalpies";
            section sec = section_of(enthalpies ? name.substr(0, name.size() - 11) : name);
            if (sec == section::unknown || (enthalpies && sec >= section::ml_params))
                fail(line_no, "unknown section \"" + std::string(name) + "\"");
            if (sec == section::end) continue;
            if (sec == section::tetraloops) p.tetraloops = read_loops(6);
            else if (sec == section::triloops) p.triloops = read_loops(5);
            else if (sec == section::hexaloops) p.hexaloops = read_loops(8);
            else if (enthalpies) {
                // Enthalpies only matter away from 37 °C: read them for their format, then drop them.
                energy_params scratch = p;
                scalars s;
                read_section(scratch, s, sec, name);
            } else {
                scalars s = scalars_of(p);
                read_section(p, s, sec, name);
                apply_scalars(p, s, sec);
                if (sec == section::int22) fill_int22_nonstandard(p);
            }
        }
        return p;
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& problem) const {
        throw input_error_at(path_, line, problem);
    }

    static std::string_view first_word(std::string_view s) {
        auto b = s.find_first_not_of(" \t\r");
        if (b == std::string_view::npos) return {};
        auto e = s.find_first_of(" \t\r", b);
        return s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    }

    // The line without its "/* ... */" comment.
    std::string uncommented(std::size_t index) const {
        std::string line = lines_[index];
        auto open = line.find("/*");
        if (open != std::string::npos) {
            auto close = line.find("*/", open + 2);
            if (close == std::string::npos) fail(index + 1, "unclosed comment");
            line.erase(open, close + 2 - open);
        }
        return line;
    }

    void read_section(energy_params& p, scalars& s, section sec, std::string_view name) {
        for (auto slice : section_slices(p, s, sec)) read_run(slice, name);
    }

    void read_run(std::span<int> run, std::string_view name) {
        std::size_t filled = 0, last = 0;  // last: index of the latest number, 0 = none yet
        while (filled < run.size()) {
            if (next_ >= lines_.size())
                fail(lines_.size(), "unexpected end of file in section \"" + std::string(name) + "\"");
            const std::size_t line_no = next_ + 1;
            const std::string line = uncommented(next_++);
            std::size_t pos = 0;
            while (filled < run.size()) {
                auto b = line.find_first_not_of(" \t\r", pos);
                if (b == std::string::npos) break;
                auto e = std::min(line.find_first_of(" \t\r", b), line.size());
                std::string_view token(line.data() + b, e - b);
                pos = e;
                if (token[0] == '*') {
                    ++filled;
                    continue;
                }
                int value = 0;
                if (token[0] == 'x') {
                    if (last == 0) fail(line_no, "\"x\" needs an earlier number in the row to extrapolate from");
                    value = run[last] + static_cast<int>(0.5 + 107.856 * std::log(static_cast<double>(filled) / last));
                } else if (token == "DEF") {
                    value = -50;
                } else if (token == "INF") {
                    value = inf_energy;
                } else if (token == "NST") {
                    value = 0;
                } else {
                    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
                    if (ec != std::errc() || end != token.data() + token.size())
                        fail(line_no, "\"" + std::string(token) + "\" is not a number (section \"" + std::string(name) + "\")");
                    last = filled;
                }
                run[filled++] = value;
            }
        }
    }

    // Lines "SEQUENCE dG dH" until the first line that is not one; a header line ends the list
    // and is read again as the next section.
    std::vector<std::pair<std::string, int>> read_loops(std::size_t length) {
        std::vector<std::pair<std::string, int>> out;
        while (next_ < lines_.size()) {
            const std::size_t line_no = next_ + 1;
            const std::string line = uncommented(next_);
            if (!line.empty() && line[0] == '#') break;
            ++next_;
            std::vector<std::string_view> words;
            for (std::size_t pos = 0;;) {
                auto b = line.find_first_not_of(" \t\r", pos);
                if (b == std::string::npos) break;
                auto e = std::min(line.find_first_of(" \t\r", b), line.size());
                words.emplace_back(line.data() + b, e - b);
                pos = e;
            }
            if (words.empty()) break;
            int energy = 0;
            auto [end, ec] = words.size() >= 2 ? std::from_chars(words[1].data(), words[1].data() + words[1].size(), energy)
                                               : std::from_chars_result{nullptr, std::errc::invalid_argument};
            if (ec != std::errc() || end != words[1].data() + words[1].size())
                fail(line_no, "expected a loop sequence and its free energy");
            if (words[0].size() != length)
                fail(line_no, "loop \"" + std::string(words[0]) + "\" must have " + std::to_string(length) +
                                  " nucleotides (closing pair included)");
            out.emplace_back(std::string(words[0]), energy);
        }
        return out;
    }

    std::string path_;
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
};

}  // namespace

const energy_params& turner2004() {
    static const energy_params params = build_turner2004();
    return params;
}

energy_params load_energy_params(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw input_error("cannot read energy parameter file " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));
    return par_reader(path, std::move(lines)).read();
}

int nucleotide_code(char c) {
    switch (c) {
        case 'A': case 'a': return 1;
        case 'C': case 'c': return 2;
        case 'G': case 'g': return 3;
        case 'U': case 'u': case 'T': case 't': return 4;
        default: return 0;
    }
}

int pair_type(int a, int b) {
    // Rows: 5' nucleotide, columns: 3' nucleotide (N A C G U).
    static constexpr int table[5][5] = {
        {0, 0, 0, 0, 0},
        {0, 0, 0, 0, 5},  // A-U
        {0, 0, 0, 1, 0},  // C-G
        {0, 0, 2, 0, 3},  // G-C, G-U
        {0, 6, 0, 4, 0},  // U-A, U-G
    };
    if (a < 0 || a > 4 || b < 0 || b > 4) return 0;
    return table[a][b];
}

}  // namespace mirhit::scoring
