#include "io/targetscan_orf_files.hpp"

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "core/orf_8mers.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

namespace {

// ORF lines per parallel work item.
constexpr std::size_t batch_lines = 64;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The seeds of the family file, each once, in byte order (the original's sort keys).
std::vector<std::string> read_seeds(const std::string& path) {
    line_reader lines(byte_source::open(path));
    std::vector<std::string> seeds;
    std::string line;
    std::vector<std::string_view> f;
    while (lines.next(line)) {
        if (is_blank(line)) continue;
        split_fields(line, f);
        drop_trailing_empty(f);
        if (f.size() < 2)
            throw input_error_at(lines.name(), lines.line_number(),
                                 "expected at least 2 tab-separated fields (miRNA family, seed, ...), found " +
                                     std::to_string(f.size()));
        if (f[1].size() != 7 || upper(f[1]).find_first_not_of("ACGTU") != std::string::npos)
            throw input_error_at(lines.name(), lines.line_number(),
                                 "seed '" + std::string(f[1]) + "' must be 7 nt of A, C, G, U/T");
        seeds.emplace_back(f[1]);
    }
    if (seeds.empty()) throw input_error(lines.name() + ": no miRNA families found");
    std::sort(seeds.begin(), seeds.end());
    seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
    return seeds;
}

struct orf_batch {
    std::vector<std::string> lines;
    std::string counts, lengths;
};

}  // namespace

std::string orf_lengths_path(const std::string& orf_file, bool fixed) {
    constexpr std::string_view suffix = ".txt";
    if (orf_file.size() > suffix.size() && orf_file.ends_with(suffix)) {
        std::size_t from = orf_file.size() - suffix.size();
        if (fixed) return orf_file.substr(0, from) + ".lengths.txt";
        // /(\S+)\.txt$/: the non-blank run just before ".txt", at least one character.
        std::size_t start = from;
        while (start > 0 && !is_space(orf_file[start - 1])) --start;
        if (start < from) return orf_file.substr(start, from - start) + ".lengths.txt";
    }
    return orf_file + ".lengths.txt";
}

void run_targetscan_count_8mers(const targetscan_count_8mers_files& files, bool fixed, unsigned threads) {
    const std::vector<std::string> seeds = read_seeds(files.families);
    const targetscan70::orf_8mer_counter counter(seeds, fixed);
    line_reader lines(byte_source::open(files.orfs));
    const std::string lengths_path = files.lengths.empty() ? orf_lengths_path(files.orfs, fixed) : files.lengths;
    atomic_output counts(files.output);
    atomic_output lengths(lengths_path);

    const unsigned workers = threads ? threads : static_cast<unsigned>(oneapi::tbb::this_task_arena::max_concurrency());
    std::string line;
    std::vector<std::string_view> f;
    oneapi::tbb::parallel_pipeline(
        4 * static_cast<std::size_t>(workers),
        oneapi::tbb::make_filter<void, std::unique_ptr<orf_batch>>(
            oneapi::tbb::filter_mode::serial_in_order,
            [&](oneapi::tbb::flow_control& control) {
                auto work = std::make_unique<orf_batch>();
                while (work->lines.size() < batch_lines && lines.next(line)) {
                    if (is_blank(line)) continue;
                    split_fields(line, f);
                    drop_trailing_empty(f);
                    if (f.size() != 3)
                        throw input_error_at(lines.name(), lines.line_number(),
                                             "expected 3 tab-separated fields (gene, species id, aligned ORF), found " +
                                                 std::to_string(f.size()));
                    work->lines.push_back(std::move(line));
                }
                if (work->lines.empty()) control.stop();
                return work;
            }) &
            oneapi::tbb::make_filter<std::unique_ptr<orf_batch>, std::unique_ptr<orf_batch>>(
                oneapi::tbb::filter_mode::parallel,
                [&](std::unique_ptr<orf_batch> work) {
                    std::vector<std::string_view> fields;
                    std::vector<std::uint32_t> per_seed;
                    for (const auto& l : work->lines) {
                        split_fields(l, fields);
                        const std::uint64_t length = counter.count(fields[2], per_seed);
                        const std::string id = std::string(fields[0]) + "\t" + std::string(fields[1]) + "\t";
                        work->lengths.append(id).append(std::to_string(length)).append(1, '\n');
                        for (std::size_t s = 0; s < seeds.size(); ++s)
                            if (per_seed[s])
                                work->counts.append(id).append(seeds[s]).append(1, '\t').append(std::to_string(per_seed[s])).append(1, '\n');
                    }
                    return work;
                }) &
            oneapi::tbb::make_filter<std::unique_ptr<orf_batch>, void>(
                oneapi::tbb::filter_mode::serial_in_order, [&](std::unique_ptr<orf_batch> work) {
                    counts.write(work->counts);
                    lengths.write(work->lengths);
                }));
    counts.commit();
    lengths.commit();
}

}  // namespace mirhit::io
