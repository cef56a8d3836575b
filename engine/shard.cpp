#include "engine/shard.hpp"

#include <charconv>
#include <utility>

namespace mirhit::engine {

namespace {

constexpr std::string_view option_prefix = "; output option: ";

// Reads a whole number at the front of text and drops it; false if there is none.
bool take_number(std::string_view& text, std::uint64_t& n) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end == text.data()) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return true;
}

bool take(std::string_view& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool take_spec(std::string_view& text, shard_spec& spec) {
    return take_number(text, spec.index) && take(text, "/") && take_number(text, spec.count) && spec.index >= 1 &&
           spec.index <= spec.count && spec.count <= max_shards;
}

}  // namespace

std::optional<scan_output> output_of_option(std::string_view word) {
    if (word.starts_with('\'')) word.remove_prefix(1);  // shell-quoted as a whole: '--claims=my file'
    for (const auto& [flag, output] : {std::pair{std::string_view("--output"), scan_output::sites},
                                       {"--gene-summary", scan_output::gene_summary},
                                       {"--claims", scan_output::claims}})
        if (word.starts_with(flag) && (word.size() == flag.size() || word[flag.size()] == ' ' || word[flag.size()] == '='))
            return output;
    if (word.starts_with("-o")) return scan_output::sites;
    return std::nullopt;
}

std::optional<shard_spec> parse_shard_spec(std::string_view text) {
    shard_spec spec;
    if (!take_spec(text, spec) || !text.empty()) return std::nullopt;
    return spec;
}

std::string to_string(shard_spec spec) { return std::to_string(spec.index) + "/" + std::to_string(spec.count); }

record_slice slice_of(shard_spec shard, std::uint64_t total) {
    // 128-bit products: no overflow for any record count.
    auto bound = [&](std::uint64_t k) { return static_cast<std::uint64_t>(static_cast<unsigned __int128>(total) * k / shard.count); };
    return {bound(shard.index - 1), bound(shard.index), total};
}

std::string format_shard_header(const shard_header& h) {
    std::string out = to_string(h.shard) + "; records [" +
                      std::to_string(h.slice.first) + ", " + std::to_string(h.slice.end) + ") of " +
                      std::to_string(h.slice.total) + " (0-based)";
    for (const auto& option : h.output_options) out += std::string(option_prefix) + option;
    return out;
}

std::optional<shard_header> parse_shard_header(std::string_view text) {
    shard_header h;
    if (!take_spec(text, h.shard) || !take(text, "; records [") || !take_number(text, h.slice.first) || !take(text, ", ") ||
        !take_number(text, h.slice.end) || !take(text, ") of ") || !take_number(text, h.slice.total) ||
        !take(text, " (0-based)"))
        return std::nullopt;
    while (take(text, option_prefix)) {
        const auto next = text.find(option_prefix);
        h.output_options.emplace_back(text.substr(0, next));
        text.remove_prefix(next == std::string_view::npos ? text.size() : next);
    }
    if (!text.empty()) return std::nullopt;
    return h;
}

}  // namespace mirhit::engine
