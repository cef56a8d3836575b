#pragma once

#include <cctype>
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit {

// value in decimal, appended without locale: integers, and doubles in their shortest exact form.
template <class T>
void append_number(std::string& out, T value) {
    char digits[32];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

// parts joined with separator between them.
inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

// ASCII case conversions (gene symbols, miRNA names).
inline std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The argument as one shell word: as it is when it holds only safe characters, else in single quotes.
inline std::string shell_quote(const std::string& arg) {
    if (!arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,/:=+@%") ==
                            std::string::npos)
        return arg;
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Edits (insert, delete, substitute, swap two neighbours) that turn a into b.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// For "did you mean": the candidate nearest to word (ignoring case), when it is within about one
// edit in five characters; the first of equally near ones.
template <class Names>
std::optional<std::string> closest_match(std::string_view word, const Names& candidates) {
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 5);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    const auto key = lower(word);
    for (const auto& c : candidates)
        if (auto d = edit_distance(key, lower(c)); d < best_distance) {
            best = std::string(c);
            best_distance = d;
        }
    return best;
}

// "; did you mean 'NAME'?" when a candidate is near word, else nothing.
template <class Names>
std::string did_you_mean(std::string_view word, const Names& candidates) {
    const auto match = closest_match(word, candidates);
    return match ? "; did you mean '" + *match + "'?" : "";
}

}  // namespace mirhit
