#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit::engine {

// --shard K/N: the K-th (1-based) of N slices of the input records; count 0 is no sharding.
struct shard_spec {
    std::uint64_t index = 0;
    std::uint64_t count = 0;
    friend bool operator==(const shard_spec&, const shard_spec&) = default;
};

inline constexpr std::uint64_t max_shards = 1'000'000;

// "K/N" with 1 <= K <= N <= max_shards, or nothing; and back.
std::optional<shard_spec> parse_shard_spec(std::string_view text);
std::string to_string(shard_spec spec);

// The records a shard reads: [first, end) of all the input's records in order (0-based).
struct record_slice {
    std::uint64_t first = 0;
    std::uint64_t end = 0;
    std::uint64_t total = 0;
    friend bool operator==(const record_slice&, const record_slice&) = default;
};

// Shard K of N of R records gets [(K-1)·R/N, K·R/N): contiguous, in input order, sizes differing
// by at most one, and computed from R alone, so the machines need no coordination.
record_slice slice_of(shard_spec shard, std::uint64_t total);

// The outputs of a scan, and which one an output option names as the command line records it
// ("-o FILE", "--output=FILE", "--gene-summary FILE", "--claims FILE"); nothing for other words.
enum class scan_output { sites, gene_summary, claims };
std::optional<scan_output> output_of_option(std::string_view recorded);

// What the '## shard:' line of a shard's outputs says, for mirhit merge:
//   "K/N; records [FIRST, END) of TOTAL (0-based)" and, for every output option on the command
//   line, in order, "; output option: TEXT" with TEXT as the '## command:' line records it.
struct shard_header {
    shard_spec shard;
    record_slice slice;
    std::vector<std::string> output_options;
};
std::string format_shard_header(const shard_header& header);
std::optional<shard_header> parse_shard_header(std::string_view text);

}  // namespace mirhit::engine
