#include "app/merge_command.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "app/claim_marks.hpp"
#include "app/shard.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/line_reader.hpp"
#include "io/site_writer.hpp"

namespace mirhit::app {

namespace {

constexpr std::string_view command_prefix = "## command: ";
constexpr std::string_view shard_prefix = "## shard: ";
constexpr std::string_view format_prefix = "## format: ";
constexpr std::string_view json_start = "{\"##\":\"mirhit ";
constexpr std::string_view json_command = ",\"command\":\"";
constexpr std::string_view json_shard = ",\"shard\":\"";

// The '##' header of one shard file, parsed.
struct shard_file {
    std::string path;
    bool json = false;                 // jsonl: the header is the first line, one JSON object
    std::string format;                // tsv, bed or jsonl
    std::vector<std::string> header;   // without the shard line (jsonl: without the shard key)
    std::size_t header_lines = 0;      // lines to skip before the rows, shard line included
    std::size_t command = 0;           // which header line holds the command line
    std::size_t command_start = 0;     // where the command line starts in it
    std::size_t option_at = std::string::npos;  // where " OPTION" starts in that line, or npos
    shard_header shard;

    // The header with the output option replaced by `option` (empty: left out).
    std::string header_with(const std::string& option) const {
        std::string out;
        for (std::size_t i = 0; i < header.size(); ++i) {
            std::string line = header[i];
            if (i == command && option_at != std::string::npos)
                line.replace(option_at, 1 + shard.output_option.size(), option.empty() ? "" : " " + option);
            out += line + '\n';
        }
        return out;
    }
};

[[noreturn]] void not_a_shard(const std::string& path, const std::string& why) {
    throw input_error(path + ": not an output of 'mirhit scan --shard K/N' (" + why + ")");
}

// Where " OPTION" ends a command-line word in line, searching from `from`; npos when absent.
std::size_t find_option(const std::string& line, std::size_t from, const std::string& option, std::string_view ends) {
    const std::string needle = " " + option;
    for (auto at = line.find(needle, from); at != std::string::npos; at = line.find(needle, at + 1)) {
        const auto after = at + needle.size();
        if (after == line.size() || ends.find(line[after]) != std::string_view::npos) return at;
    }
    return std::string::npos;
}

shard_file read_header(const std::string& path) {
    shard_file f;
    f.path = path;
    io::line_reader lines(io::byte_source::open(path));
    std::string line;
    if (!lines.next(line)) not_a_shard(path, "it is empty");
    std::optional<shard_header> shard;
    if (line.starts_with(json_start)) {
        f.json = true;
        f.format = "jsonl";
        f.header_lines = 1;
        // The shard key is the last one, so the object ends right after its value.
        const auto key = line.rfind(json_shard);
        if (key == std::string::npos || !line.ends_with("\"}")) not_a_shard(path, "no \"shard\" key in its first line");
        shard = parse_shard_header(std::string_view(line).substr(key + json_shard.size(), line.size() - 2 - key - json_shard.size()));
        if (!shard) not_a_shard(path, "its \"shard\" value is not K/N; records [FIRST, END) of TOTAL");
        line.erase(key, line.size() - 1 - key);
        f.command_start = line.find(json_command);
        if (f.command_start == std::string::npos) not_a_shard(path, "no \"command\" key in its first line");
        f.command_start += json_command.size();
        f.header.push_back(line);
    } else if (line.starts_with("## mirhit ")) {
        do {
            ++f.header_lines;
            if (line.starts_with(shard_prefix)) {
                shard = parse_shard_header(std::string_view(line).substr(shard_prefix.size()));
                if (!shard) not_a_shard(path, "line " + std::to_string(lines.line_number()) + " is not '## shard: K/N; records [FIRST, END) of TOTAL ...'");
                continue;
            }
            if (line.starts_with(command_prefix)) {
                f.command = f.header.size();
                f.command_start = command_prefix.size();
            }
            if (line.starts_with(format_prefix)) f.format = line.substr(format_prefix.size());
            f.header.push_back(line);
        } while (lines.next(line) && line.starts_with("##"));
        if (!shard) not_a_shard(path, "no '## shard:' line");
        if (f.format != "tsv" && f.format != "bed") not_a_shard(path, "no '## format: tsv' or '## format: bed' line");
    } else {
        not_a_shard(path, "it does not start with a mirhit header");
    }
    f.shard = *shard;
    if (slice_of(f.shard.shard, f.shard.slice.total) != f.shard.slice)
        not_a_shard(path, "its records are not shard " + std::to_string(f.shard.shard.index) + "/" +
                              std::to_string(f.shard.shard.count) + "'s slice");
    if (!f.shard.output_option.empty()) {
        f.option_at = find_option(f.header[f.command], f.command_start, f.shard.output_option, f.json ? " \"" : " ");
        if (f.option_at == std::string::npos)
            not_a_shard(path, "its command line lacks the output option '" + f.shard.output_option + "'");
    }
    return f;
}

std::string spec_text(shard_spec s) { return std::to_string(s.index) + "/" + std::to_string(s.count); }

// What two shards' headers differ in, for a message: the first differing '##' line's name.
std::string first_difference(const std::string& a, const std::string& b, bool json) {
    if (json) return "their header objects differ";
    std::size_t start = 0;
    while (true) {
        const auto end_a = a.find('\n', start), end_b = b.find('\n', start);
        if (a.compare(start, end_a - start, b, start, end_b - start) != 0) {
            const auto line = a.substr(start, end_a - start);
            return "their '" + line.substr(0, line.find(':')) + "' lines differ";
        }
        start = end_a + 1;
    }
}

// Checks that the files are the shards 1..N of one run, each once; returns them in shard order.
std::vector<shard_file> check_shards(std::vector<shard_file> files) {
    const auto& first = files.front();
    const std::string identity = first.header_with("");
    for (const auto& f : files) {
        if (f.shard.shard.count != first.shard.shard.count)
            throw input_error(f.path + " is shard " + spec_text(f.shard.shard) + " but " + first.path + " is shard " +
                              spec_text(first.shard.shard) + ": they are not from the same run");
        if (f.shard.slice.total != first.shard.slice.total)
            throw input_error(f.path + " counted " + std::to_string(f.shard.slice.total) + " input records but " + first.path +
                              " counted " + std::to_string(first.shard.slice.total) + ": the input changed between shards");
        if (f.json != first.json || f.header_with("") != identity)
            throw input_error(f.path + " and " + first.path + " are not from the same run: " +
                              (f.json != first.json ? "one is jsonl" : first_difference(f.header_with(""), identity, f.json)));
    }
    std::map<std::uint64_t, const shard_file*> by_index;
    for (const auto& f : files) {
        auto [it, is_new] = by_index.try_emplace(f.shard.shard.index, &f);
        if (!is_new)
            throw input_error("shard " + spec_text(f.shard.shard) + " is given twice: " + it->second->path + " and " + f.path);
    }
    const auto count = first.shard.shard.count;
    if (by_index.size() != count) {
        std::vector<std::string> missing;
        for (std::uint64_t k = 1; k <= count && missing.size() < 10; ++k)
            if (!by_index.count(k)) missing.push_back(spec_text({k, count}));
        const auto n_missing = count - by_index.size();
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        if (n_missing > missing.size()) list += " and " + std::to_string(n_missing - missing.size()) + " more";
        throw input_error("missing shard" + std::string(n_missing == 1 ? " " : "s ") + list + " of the run of " + first.path +
                          " (" + std::to_string(by_index.size()) + " of " + std::to_string(count) + " given)");
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.shard.shard.index < b.shard.shard.index; });
    return files;
}

}  // namespace

void run_merge(const merge_args& args) {
    std::vector<shard_file> files;
    for (const auto& path : args.shard_files) files.push_back(read_header(path));
    files = check_shards(std::move(files));
    const auto& first = files.front();

    // The option the single run would have recorded for this output (none for standard output).
    std::string option;
    if (!first.shard.output_option.empty() && args.output != "-") {
        option = "-o " + shell_quote(args.output);
        if (first.json) option = io::json_escape(option);
    }
    io::atomic_output out(args.output);
    out.write(first.header_with(option));

    const bool tsv = first.format == "tsv";
    std::vector<claim_tally> tallies;
    std::string column_header, line;
    for (const auto& f : files) {
        io::line_reader lines(io::byte_source::open(f.path));
        for (std::size_t i = 0; i < f.header_lines; ++i) lines.next(line);
        if (tsv) {
            if (!lines.next(line)) throw input_error(f.path + ": no column header line after the '##' lines");
            if (&f == &first) {
                column_header = line;
                out.write(line + '\n');
            } else if (line != column_header) {
                throw input_error_at(f.path, lines.line_number(), "column header differs from " + first.path + "'s");
            }
        }
        std::size_t tally = 0;
        while (lines.next(line)) {
            claim_tally t;
            if (tsv && claim_tally::parse(line, t)) {
                if (&f == &first) {
                    tallies.push_back(std::move(t));
                } else if (tally >= tallies.size() || tallies[tally].id != t.id) {
                    throw input_error_at(f.path, lines.line_number(), "claim tally for " + t.id + " does not match " + first.path + "'s claims");
                } else {
                    tallies[tally].add(t);
                }
                ++tally;
                continue;
            }
            line += '\n';
            out.write(line);
        }
        if (tsv && tally != tallies.size())
            throw input_error(f.path + ": " + std::to_string(tally) + " claim tallies, but " + first.path + " has " +
                              std::to_string(tallies.size()));
    }
    if (tsv) out.write(claims_footer(tallies));
    out.commit();
}

}  // namespace mirhit::app
