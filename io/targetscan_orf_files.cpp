#include "io/targetscan_orf_files.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "core/orf_8mers.hpp"
#include "core/pipeline.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/field_reader.hpp"

namespace mirhit::io {

namespace {

// ORF lines per parallel work item.
constexpr std::size_t batch_lines = 64;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

struct orf_batch {
    std::vector<std::string> lines;
    std::string counts, lengths;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> read_family_seeds(const std::string& path) {
    field_reader t(path);
    std::vector<std::pair<std::string, std::string>> out;
    while (t.next()) {
        t.expect_fields(2, field_reader::any, "miRNA family, seed, ...");
        if (t[0].empty()) t.fail("empty miRNA family id");
        if (t[1].size() != 7 || upper(t[1]).find_first_not_of("ACGTU") != std::string::npos)
            t.fail("seed '" + std::string(t[1]) + "' must be 7 nt of A, C, G, U/T");
        out.emplace_back(t[0], t[1]);
    }
    if (out.empty()) throw input_error(t.name() + ": no miRNA families found");
    return out;
}

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

void run_targetscan_count_8mers(const targetscan_count_8mers_files& files, bool fixed, unsigned threads, progress_mode progress) {
    // The seeds, each once, in byte order (the original's sort keys).
    std::vector<std::string> seeds;
    for (auto& [family, seed] : read_family_seeds(files.families)) seeds.push_back(std::move(seed));
    std::sort(seeds.begin(), seeds.end());
    seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
    const targetscan70::orf_8mer_counter counter(seeds, fixed);
    field_reader orfs(files.orfs);
    const std::string lengths_path = files.lengths.empty() ? orf_lengths_path(files.orfs, fixed) : files.lengths;
    atomic_output counts(files.output);
    atomic_output lengths(lengths_path);
    progress_tally tally("mirhit targetscan-count-8mers", progress, "ORFs", false);

    const unsigned workers = threads ? threads : static_cast<unsigned>(oneapi::tbb::this_task_arena::max_concurrency());
    run_ordered_pipeline<orf_batch>(
        4 * static_cast<std::size_t>(workers),
        [&](orf_batch& work) {
            while (work.lines.size() < batch_lines && orfs.next()) {
                orfs.expect_fields(3, 3, "gene, species id, aligned ORF");
                work.lines.push_back(std::move(orfs.line()));
            }
            tally.add(work.lines.size());
            return !work.lines.empty();
        },
        [&](orf_batch& work) {
            std::vector<std::string_view> fields;
            std::vector<std::uint32_t> per_seed;
            for (const auto& l : work.lines) {
                split_fields(l, fields);
                const std::uint64_t length = counter.count(fields[2], per_seed);
                const std::string id = std::string(fields[0]) + "\t" + std::string(fields[1]) + "\t";
                work.lengths.append(id).append(std::to_string(length)).append(1, '\n');
                for (std::size_t s = 0; s < seeds.size(); ++s)
                    if (per_seed[s]) work.counts.append(id).append(seeds[s]).append(1, '\t').append(std::to_string(per_seed[s])).append(1, '\n');
            }
        },
        [&](orf_batch& work) {
            counts.write(work.counts);
            lengths.write(work.lengths);
        });
    tally.finish();
    counts.commit();
    lengths.commit();
}

}  // namespace mirhit::io
