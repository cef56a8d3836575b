#include "app/shard.hpp"

#include <charconv>

namespace mirhit::app {

namespace {

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

std::optional<shard_spec> parse_shard_spec(std::string_view text) {
    shard_spec spec;
    if (!take_spec(text, spec) || !text.empty()) return std::nullopt;
    return spec;
}

record_slice slice_of(shard_spec shard, std::uint64_t total) {
    // 128-bit products: no overflow for any record count.
    auto bound = [&](std::uint64_t k) { return static_cast<std::uint64_t>(static_cast<unsigned __int128>(total) * k / shard.count); };
    return {bound(shard.index - 1), bound(shard.index), total};
}

std::string format_shard_header(const shard_header& h) {
    std::string out = std::to_string(h.shard.index) + "/" + std::to_string(h.shard.count) + "; records [" +
                      std::to_string(h.slice.first) + ", " + std::to_string(h.slice.end) + ") of " +
                      std::to_string(h.slice.total) + " (0-based)";
    if (!h.output_option.empty()) out += "; output option: " + h.output_option;
    return out;
}

std::optional<shard_header> parse_shard_header(std::string_view text) {
    shard_header h;
    if (!take_spec(text, h.shard) || !take(text, "; records [") || !take_number(text, h.slice.first) || !take(text, ", ") ||
        !take_number(text, h.slice.end) || !take(text, ") of ") || !take_number(text, h.slice.total) ||
        !take(text, " (0-based)"))
        return std::nullopt;
    if (take(text, "; output option: ")) {
        h.output_option = std::string(text);
        text = {};
    }
    if (!text.empty()) return std::nullopt;
    return h;
}

}  // namespace mirhit::app
