#include "engine/shard_merge.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "engine/claim_marks.hpp"
#include "engine/shard.hpp"
#include "core/error.hpp"
#include "core/mirna.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/gene_summary.hpp"
#include "io/line_reader.hpp"
#include "io/site_writer.hpp"
#include "mirhit/version.hpp"

namespace mirhit::engine {

namespace {

constexpr std::string_view version_prefix = "## mirhit ";
constexpr std::string_view command_prefix = "## command: ";
constexpr std::string_view shard_key = "shard";

// One shard file's '##' header, parsed.
struct shard_file {
    std::string path;
    scan_output kind = scan_output::sites;
    std::string format;            // of the site output: tsv, bed, jsonl or counts
    std::size_t header_lines = 0;  // lines up to and including the shard line
    std::string version;
    io::run_metadata meta;         // without the shard parameter
    shard_header shard;
    std::vector<std::size_t> option_at;  // where " OPTION" starts in meta.command_line, per output option
};

const char* kind_name(scan_output kind) {
    switch (kind) {
    case scan_output::sites: return "site output";
    case scan_output::gene_summary: return "gene summary";
    case scan_output::claims: return "claims table";
    }
    return "";
}

[[noreturn]] void not_a_shard(const std::string& path, const std::string& why) {
    throw input_error(path + ": not an output of 'mirhit scan --shard K/N' (" + why + ")");
}

// A JSON string at text[pos] (after its opening quote) up to its closing quote, unescaped as
// io::json_escape escapes; pos ends after the quote. Nothing if it is not such a string.
std::optional<std::string> json_string(std::string_view text, std::size_t& pos) {
    std::string out;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (c == '"') return out;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (pos == text.size()) return std::nullopt;
        switch (const char e = text[pos++]) {
        case '"': case '\\': case '/': out += e; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'u': {
            unsigned code = 0;
            if (pos + 4 > text.size() || std::from_chars(text.data() + pos, text.data() + pos + 4, code, 16).ptr != text.data() + pos + 4 ||
                code >= 0x80)
                return std::nullopt;
            out += static_cast<char>(code);
            pos += 4;
            break;
        }
        default: return std::nullopt;
        }
    }
    return std::nullopt;
}

// The keys and values of a flat JSON object of strings, such as a jsonl output's first line.
std::optional<std::vector<std::pair<std::string, std::string>>> json_object(std::string_view line) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    if (!line.starts_with('{')) return std::nullopt;
    ++pos;
    while (true) {
        if (pos >= line.size() || line[pos++] != '"') return std::nullopt;
        auto key = json_string(line, pos);
        if (!key || pos + 1 >= line.size() || line[pos] != ':' || line[pos + 1] != '"') return std::nullopt;
        pos += 2;
        auto value = json_string(line, pos);
        if (!value || pos >= line.size()) return std::nullopt;
        out.emplace_back(std::move(*key), std::move(*value));
        const char next = line[pos++];
        if (next == '}') return pos == line.size() ? std::optional(out) : std::nullopt;
        if (next != ',') return std::nullopt;
    }
}

// Sets the parameters from (name, value) pairs, taking the shard line out.
void take_parameters(shard_file& f, std::vector<std::pair<std::string, std::string>> parameters) {
    std::optional<shard_header> shard;
    for (auto& [name, value] : parameters) {
        if (name == shard_key) {
            shard = parse_shard_header(value);
            if (!shard) not_a_shard(f.path, "its shard line is not 'K/N; records [FIRST, END) of TOTAL (0-based)...'");
            continue;
        }
        if (name == "format") f.format = value;
        f.meta.parameters.emplace_back(std::move(name), std::move(value));
    }
    if (!shard) not_a_shard(f.path, "no '## shard:' line");
    f.shard = std::move(*shard);
}

shard_file read_header(const std::string& path) {
    shard_file f;
    f.path = path;
    io::line_reader lines(io::byte_source::open(path));
    std::string line;
    if (!lines.next(line)) not_a_shard(path, "it is empty");
    if (line.starts_with('{')) {
        auto object = json_object(line);
        if (!object || object->size() < 2 || (*object)[0].first != "##" || !(*object)[0].second.starts_with("mirhit ") ||
            (*object)[1].first != "command")
            not_a_shard(path, "its first line is not a mirhit jsonl header");
        f.version = (*object)[0].second.substr(7);
        f.meta.command_line = (*object)[1].second;
        object->erase(object->begin(), object->begin() + 2);
        take_parameters(f, std::move(*object));
        f.header_lines = 1;
    } else {
        if (!line.starts_with(version_prefix)) not_a_shard(path, "it does not start with a mirhit header");
        f.version = line.substr(version_prefix.size());
        if (!lines.next(line) || !line.starts_with(command_prefix)) not_a_shard(path, "no '## command:' line after the first");
        f.meta.command_line = line.substr(command_prefix.size());
        std::vector<std::pair<std::string, std::string>> parameters;
        f.header_lines = 2;
        // The shard line is the header's last.
        while (parameters.empty() || parameters.back().first != shard_key) {
            if (!lines.next(line) || !line.starts_with("## ") || line.find(": ") == std::string::npos)
                not_a_shard(path, "no '## shard:' line at the end of its '##' lines");
            ++f.header_lines;
            const auto colon = line.find(": ");
            parameters.emplace_back(line.substr(3, colon - 3), line.substr(colon + 2));
        }
        take_parameters(f, std::move(parameters));
        if (lines.next(line) && io::gene_summary_log::is_log_start(line))
            f.kind = scan_output::gene_summary;
        else if (line + '\n' == claims_log_start)
            f.kind = scan_output::claims;
    }
    if (f.kind == scan_output::sites && f.format != "tsv" && f.format != "bed" && f.format != "jsonl" && f.format != "counts")
        not_a_shard(path, "no '## format:' of tsv, bed, jsonl or counts");
    if (f.version != version)
        throw input_error(path + " was written by mirhit " + f.version + "; this is mirhit " + version + ": merge with the same version");
    if (slice_of(f.shard.shard, f.shard.slice.total) != f.shard.slice)
        not_a_shard(path, "its records are not shard " + to_string(f.shard.shard) + "'s slice");
    // Each output option where it stands on the command line, as a whole word.
    std::size_t from = 0;
    for (const auto& option : f.shard.output_options) {
        const std::string needle = " " + option;
        auto at = f.meta.command_line.find(needle, from);
        while (at != std::string::npos && at + needle.size() < f.meta.command_line.size() &&
               f.meta.command_line[at + needle.size()] != ' ')
            at = f.meta.command_line.find(needle, at + 1);
        if (at == std::string::npos || !output_of_option(option))
            not_a_shard(path, "its command line lacks its output option '" + option + "'");
        f.option_at.push_back(at);
        from = at + needle.size();
    }
    return f;
}

// The command line with each output option replaced by replacement(option), " WORDS" or "".
template <class Replace>
std::string command_with(const shard_file& f, Replace&& replacement) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < f.option_at.size(); ++i) {
        out.append(f.meta.command_line, copied, f.option_at[i] - copied);
        out += replacement(f.shard.output_options[i]);
        copied = f.option_at[i] + 1 + f.shard.output_options[i].size();
    }
    return out + f.meta.command_line.substr(copied);
}

// Why two shard files are not from the same run, or nothing when they are.
std::optional<std::string> difference(const shard_file& a, const shard_file& b) {
    // The same options, output files aside.
    auto no_paths = [](const std::string& option) { return " " + std::to_string(static_cast<int>(*output_of_option(option))); };
    if (command_with(a, no_paths) != command_with(b, no_paths)) return "their '## command' lines differ";
    const auto& pa = a.meta.parameters;
    const auto& pb = b.meta.parameters;
    for (std::size_t i = 0; i < std::max(pa.size(), pb.size()); ++i)
        if (i >= pa.size() || i >= pb.size() || pa[i] != pb[i])
            return "their '## " + (i < pa.size() ? pa[i].first : pb[i].first) + "' lines differ";
    if (a.shard.shard.count != b.shard.shard.count)
        return "they are shards " + to_string(a.shard.shard) + " and " + to_string(b.shard.shard);
    if (a.shard.slice.total != b.shard.slice.total)
        return "they counted " + std::to_string(a.shard.slice.total) + " and " + std::to_string(b.shard.slice.total) +
               " input records (the input changed between shards)";
    return std::nullopt;
}

// Checks that the files of one kind are shards 1..N, each once; returns them in shard order.
std::vector<const shard_file*> in_shard_order(const std::vector<const shard_file*>& files) {
    const auto& first = *files.front();
    std::map<std::uint64_t, const shard_file*> by_index;
    for (const auto* f : files) {
        auto [it, is_new] = by_index.try_emplace(f->shard.shard.index, f);
        if (!is_new)
            throw input_error("shard " + to_string(f->shard.shard) + " of the " + kind_name(f->kind) + " is given twice: " +
                              it->second->path + " and " + f->path);
    }
    const auto count = first.shard.shard.count;
    if (by_index.size() != count) {
        std::string list;
        std::size_t listed = 0;
        for (std::uint64_t k = 1; k <= count && listed < 10; ++k)
            if (!by_index.count(k)) list += (listed++ ? ", " : "") + to_string({k, count});
        const auto missing = count - by_index.size();
        if (missing > listed) list += " and " + std::to_string(missing - listed) + " more";
        throw input_error("missing shard" + std::string(missing == 1 ? " " : "s ") + list + " of the " + kind_name(first.kind) +
                          " of " + first.path + "'s run (" + std::to_string(by_index.size()) + " of " + std::to_string(count) +
                          " given)");
    }
    std::vector<const shard_file*> out;
    for (const auto& [k, f] : by_index) out.push_back(f);
    return out;
}

// The claim tallies of a run, summed over its shards in order: the first shard's tallies, to which
// every later shard adds its own, claim by claim.
class tally_sum {
public:
    explicit tally_sum(const shard_file& first) : first_(first) {}
    // Adds a tally line of shard file f (line_number: where it stands).
    void add(const shard_file& f, const claim_tally& t, std::uint64_t line_number) {
        if (&f == &first_) {
            tallies_.push_back(t);
        } else if (next_ < tallies_.size() && tallies_[next_].id == t.id) {
            tallies_[next_].add(t);
        } else {
            throw input_error_at(f.path, line_number, "claim tally of " + t.id + " does not match " + first_.path + "'s claims");
        }
        ++next_;
    }
    // Ends the tallies of shard file f: it must have had one per claim.
    void end_file(const shard_file& f) {
        if (next_ != tallies_.size())
            throw input_error(f.path + ": " + std::to_string(next_) + " claim tallies, but " + first_.path + " has " +
                              std::to_string(tallies_.size()));
        next_ = 0;
    }
    const std::vector<claim_tally>& tallies() const { return tallies_; }

private:
    const shard_file& first_;
    std::vector<claim_tally> tallies_;
    std::size_t next_ = 0;
};

// A shard file opened after its '##' header.
struct body {
    io::line_reader lines;
    explicit body(const shard_file& f) : lines(io::byte_source::open(f.path)) {
        std::string line;
        for (std::size_t i = 0; i < f.header_lines; ++i) lines.next(line);
    }
};

// counts files are laid out as tsv: column names, rows, claim tallies.
bool tsv_like(const std::string& format) { return format == "tsv" || format == "counts"; }

// The line a site format writes before its rows, when it writes one: tsv's column names, or a
// genome-coordinate BED's track line (BED keeps lines starting "track " for this).
bool is_column_header(const std::string& format, const std::string& line) {
    return tsv_like(format) || (format == "bed" && line.starts_with("track "));
}

void merge_sites(const std::vector<const shard_file*>& files, const std::string& preamble, const std::string& path) {
    const auto& first = *files.front();
    io::atomic_output out(path);
    out.write(preamble);
    const bool tsv = tsv_like(first.format);
    tally_sum tallies(first);
    std::optional<std::string> column_header;
    std::string line;
    for (const auto* f : files) {
        body in(*f);
        // Every shard, even an empty one, starts with the column header when the format has one.
        bool more = in.lines.next(line);
        if (f == &first && more && is_column_header(first.format, line)) {
            column_header = line;
            out.write(line + '\n');
            more = in.lines.next(line);
        } else if (column_header) {
            if (!more || line != *column_header)
                throw input_error_at(f->path, in.lines.line_number(), "no column header line as in " + first.path + " after the '##' lines");
            more = in.lines.next(line);
        } else if (tsv) {
            throw input_error(f->path + ": no column header line after the '##' lines");
        }
        claim_tally t;
        for (; more; more = in.lines.next(line)) {
            if (tsv && claim_tally::parse(line, t)) {
                tallies.add(*f, t, in.lines.line_number());
                continue;
            }
            line += '\n';
            out.write(line);
        }
        if (tsv) tallies.end_file(*f);
    }
    if (tsv) out.write(claims_footer(tallies.tallies()));
    out.commit();
}

void merge_gene_summaries(const std::vector<const shard_file*>& files, const std::string& preamble, const std::string& path) {
    std::string line;
    mirna_set mirnas;
    bool scored = false;
    {
        body in(*files.front());
        in.lines.next(line);
        io::gene_summary_log::read_head(in.lines, line, scored, mirnas);
    }
    io::gene_summary_writer writer(path, mirnas, preamble, scored);
    for (const auto* f : files) {
        body in(*f);
        in.lines.next(line);
        mirna_set listed;  // the same in every shard of a run
        if (io::gene_summary_log::read_head(in.lines, line, scored, listed)) io::gene_summary_log::replay(in.lines, line, writer);
    }
    writer.finish();
}

void merge_claims(const std::vector<const shard_file*>& files, const std::string& preamble, const std::string& path) {
    tally_sum tallies(*files.front());
    std::string line;
    for (const auto* f : files) {
        body in(*f);
        in.lines.next(line);  // the claims_log_start line
        claim_tally t;
        while (in.lines.next(line)) {
            if (!claim_tally::parse(line, t)) throw input_error_at(f->path, in.lines.line_number(), "not a claim tally line");
            tallies.add(*f, t, in.lines.line_number());
        }
        tallies.end_file(*f);
    }
    io::atomic_output out(path);
    out.write(preamble + claims_table(tallies.tallies()));
    out.commit();
}

}  // namespace

void run_merge(const merge_request& args) {
    std::vector<shard_file> files;
    for (const auto& path : args.shard_files) files.push_back(read_header(path));
    for (const auto& f : files)
        if (auto why = difference(f, files.front()))
            throw input_error(f.path + " and " + files.front().path + " are not from the same run: " + *why);

    std::map<scan_output, std::vector<const shard_file*>> by_kind;
    for (const auto& f : files) by_kind[f.kind].push_back(&f);
    const std::map<scan_output, std::pair<std::string, std::string>> targets = {
        {scan_output::sites, {args.output, "--output"}},
        {scan_output::gene_summary, {args.gene_summary, "--gene-summary"}},
        {scan_output::claims, {args.claims, "--claims"}}};
    int to_stdout = 0;
    for (const auto& [kind, target] : targets) {
        const auto& [path, option] = target;
        const bool given = by_kind.count(kind) != 0;
        if (given && path == "-" && ++to_stdout > 1)
            throw input_error(option + " -: only one merged output can go to standard output; name a file for the others");
        if (given && path.empty())
            throw input_error(by_kind[kind].front()->path + " is a shard's " + kind_name(kind) + ": give " + option +
                              " FILE for the merged one");
        if (!given && !path.empty() && !(kind == scan_output::sites && path == "-"))
            throw input_error(option + " " + path + ": none of the files is a shard's " + kind_name(kind));
    }

    // The single run's command line writes what this merge writes, where it writes it.
    const auto replacement = [&](const std::string& option) -> std::string {
        switch (*output_of_option(option)) {
        case scan_output::sites:
            return by_kind.count(scan_output::sites) && args.output != "-" ? " -o " + shell_quote(args.output) : "";
        case scan_output::gene_summary:
            return by_kind.count(scan_output::gene_summary) ? " --gene-summary " + shell_quote(args.gene_summary) : "";
        case scan_output::claims:
            return by_kind.count(scan_output::claims) ? " --claims " + shell_quote(args.claims) : "";
        }
        return "";
    };
    io::run_metadata meta = files.front().meta;
    meta.command_line = command_with(files.front(), replacement);
    const auto tsv_preamble = io::format_preamble(io::output_format::tsv, meta);

    std::map<scan_output, std::vector<const shard_file*>> ordered;
    for (const auto& [kind, list] : by_kind) ordered[kind] = in_shard_order(list);
    if (ordered.count(scan_output::gene_summary))
        merge_gene_summaries(ordered[scan_output::gene_summary], tsv_preamble, args.gene_summary);
    if (ordered.count(scan_output::claims)) merge_claims(ordered[scan_output::claims], tsv_preamble, args.claims);
    if (ordered.count(scan_output::sites)) {
        const auto& sites = ordered[scan_output::sites];
        const auto& format = sites.front()->format;
        merge_sites(sites, io::format_preamble(tsv_like(format) ? io::output_format::tsv : *io::parse_output_format(format), meta),
                    args.output);
    }
}

}  // namespace mirhit::engine
