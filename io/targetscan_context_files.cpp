#include "io/targetscan_context_files.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "io/atomic_output.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"
#include "io/site_writer.hpp"
#include "io/ta_table.hpp"
#include "scoring/seed_stability.hpp"
#include "scoring/target_abundance.hpp"
#include "scoring/targetscan_context.hpp"

namespace mirhit::io {

namespace {

namespace tc = targetscan_context;

// Read from the working directory when present, as the original does.
constexpr const char* parameters_file = "Agarwal_2015_parameters.txt";
constexpr const char* ta_sps_file = "TA_SPS_by_seed_region.txt";
// Target rows per parallel work item.
constexpr std::size_t batch_rows = 256;
// UTRs named in a message about missing inputs.
constexpr std::size_t listed_utrs = 3;

std::string field_count_message(std::size_t expected, std::string_view names, std::size_t found) {
    return "expected " + std::to_string(expected) + " tab-separated fields (" + std::string(names) + "), found " +
           std::to_string(found);
}

std::optional<std::uint64_t> whole_number(std::string_view s) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return n;
}

// Reads the non-blank lines of a tab-separated file, fields split as Perl's split does.
class table_reader {
public:
    explicit table_reader(const std::string& path) : lines_(byte_source::open(path)) {}

    bool next() {
        while (lines_.next(line_)) {
            if (is_blank(line_)) {
                last_blank_ = true;
                continue;
            }
            last_blank_ = false;
            split_fields(line_, fields_);
            drop_trailing_empty(fields_);
            return true;
        }
        return false;
    }

    const std::vector<std::string_view>& fields() const { return fields_; }
    std::string_view operator[](std::size_t i) const { return fields_[i]; }
    std::size_t size() const { return fields_.size(); }
    bool last_line_blank() const { return last_blank_; }
    std::uint64_t line_number() const { return lines_.line_number(); }
    const std::string& name() const { return lines_.name(); }

    void expect_fields(std::size_t n, std::string_view names) const {
        if (fields_.size() != n) fail(field_count_message(n, names, fields_.size()));
    }
    std::uint64_t whole(std::size_t i, std::string_view what, std::uint64_t minimum = 0) const {
        auto n = whole_number(fields_[i]);
        if (!n || *n < minimum)
            fail(std::string(what) + " '" + printable(fields_[i]) + "' is not a whole number" +
                 (minimum ? " from " + std::to_string(minimum) : std::string()));
        return *n;
    }
    [[noreturn]] void fail(const std::string& message) const {
        throw input_error_at(lines_.name(), lines_.line_number(), message);
    }

private:
    line_reader lines_;
    std::string line_;
    std::vector<std::string_view> fields_;
    bool last_blank_ = false;
};

void read_mirnas(const std::string& path, tc::inputs& in) {
    table_reader t(path);
    std::unordered_map<std::string, std::uint64_t> family_line;
    bool any = false;
    while (t.next()) {
        t.expect_fields(4, "miRNA family, species id, miRNA id, mature sequence");
        if (t[0].empty()) t.fail("empty miRNA family id");
        std::string sequence(t[3]);
        for (char& c : sequence) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        if (sequence.size() < 8 ||
            sequence.find_first_not_of("ACGTU") != std::string::npos)
            t.fail("mature sequence '" + std::string(t[3]) + "' must be at least 8 nt of A, C, G, U/T");
        const std::string seed = sequence.substr(1, 7);
        auto [it, inserted] = in.family_seed.try_emplace(std::string(t[0]), seed);
        if (inserted) {
            family_line[it->first] = t.line_number();
        } else if (it->second != seed) {
            t.fail("miRNA family '" + it->first + "' has seed " + seed + " here but " + it->second + " on line " +
                   std::to_string(family_line[it->first]) + "; a family has one seed (nt 2-8)");
        }
        in.mirnas[tc::family_species_key(t[0], t[1])].push_back({std::string(t[2]), sequence});
        in.last_mirna_seed = seed;
        any = true;
    }
    if (!any) throw input_error(t.name() + ": no miRNAs found");
    // A blank last line leaves the original's seed variable undefined.
    if (t.last_line_blank()) in.last_mirna_seed.reset();
}

void read_utrs(const std::string& path, tc::inputs& in) {
    table_reader t(path);
    bool any = false;
    while (t.next()) {
        any = true;
        // Consensus rows: species id empty or 0.
        if (t.size() >= 2 && (t[1].empty() || t[1] == "0")) continue;
        t.expect_fields(3, "gene, species id, aligned UTR");
        if (t[0].empty()) t.fail("empty gene id");
        if (!tc::is_scored_species(t[1])) continue;
        std::string sequence;
        sequence.reserve(t[2].size());
        for (char c : t[2])
            if (c != '-') sequence += c == 'T' ? 'U' : c == 't' ? 'u' : c;
        // An all-gap row keeps an earlier row of the species, as in the original.
        if (!sequence.empty()) in.utrs[std::string(t[0])][std::string(t[1])].sequence = std::move(sequence);
    }
    if (!any) throw input_error(t.name() + ": no aligned UTRs found");
}

void read_airs(const std::string& path, tc::inputs& in) {
    table_reader t(path);
    while (t.next()) {
        t.expect_fields(4, "gene, start, end, AIR");
        const std::uint64_t start = t.whole(1, "start", 1);
        const std::uint64_t end = t.whole(2, "end", 1);
        if (end < start) t.fail("end " + std::to_string(end) + " is before start " + std::to_string(start));
        const tc::perl_value air = tc::perl_value::text(t[3]);
        if (!air.number || air.value < 0 || air.value > 100)
            t.fail("AIR '" + std::string(t[3]) + "' is not a number from 0 to 100");
        try {
            tc::add_air(in, t[0], start, end, t[3]);
        } catch (const tc::format_error& e) {
            t.fail(e.what());
        }
    }
}

void read_orf_lengths(const std::string& path, tc::inputs& in) {
    table_reader t(path);
    while (t.next()) {
        t.expect_fields(3, "gene, species id, ORF length");
        t.whole(2, "ORF length");
        if (tc::utr_data* utr = in.find_utr(t[0], t[1])) utr->orf_length = tc::perl_value::text(t[2]);
    }
}

void read_orf_8mers(const std::string& path, tc::inputs& in) {
    table_reader t(path);
    while (t.next()) {
        t.expect_fields(4, "gene, species id, seed, ORF 8mer count");
        t.whole(3, "ORF 8mer count");
        if (tc::utr_data* utr = in.find_utr(t[0], t[1]))
            utr->orf_8mers[std::string(t[2])] = tc::perl_value::text(t[3]);
    }
}

// Agarwal_2015_parameters.txt: a header line, the intercepts, then one line per feature.
tc::parameters read_parameters(const std::string& path) {
    tc::parameters params;
    line_reader lines(byte_source::open(path));
    std::string line;
    std::vector<std::string_view> fields;
    while (lines.next(line)) {
        if (lines.line_number() == 1 || (lines.line_number() > 2 && is_blank(line))) continue;
        split_fields(line, fields);
        drop_trailing_empty(fields);
        try {
            if (lines.line_number() == 2)
                params.set_intercepts(fields);
            else
                params.set_feature(fields);
        } catch (const tc::format_error& e) {
            throw input_error_at(lines.name(), lines.line_number(), e.what());
        }
    }
    if (const char* missing = params.missing_feature())
        throw input_error(lines.name() + ": no line for feature " + missing);
    return params;
}

void read_ta_sps(const std::string& path, tc::inputs& in) {
    table_reader t(path);
    while (t.next()) {
        if (t.line_number() == 1) continue;
        t.expect_fields(4, "seed, SPS of 8mer and 7mer-m8 sites, SPS of 7mer-A1 and 6mer sites, TA");
        in.seeds[std::string(t[0])] = {tc::perl_value::text(t[1]), tc::perl_value::text(t[2]),
                                       tc::perl_value::text(t[3])};
    }
}

// Without TargetScan's table: mirhit's built-in TA and computed SPS for every family's seed.
void compute_ta_sps(tc::inputs& in) {
    const scoring::ta_values& ta = builtin_ta_values();
    for (const auto& [family, seed] : in.family_seed) {
        if (in.seeds.contains(seed)) continue;
        in.seeds[seed] = {tc::perl_value::of(scoring::seed_pairing_stability(seed, true)),
                          tc::perl_value::of(scoring::seed_pairing_stability(seed, false)),
                          tc::perl_value::of(ta.by_seed[scoring::seed_code(seed)])};
    }
}

// Cuts the targets file into batches of the rows the original scores.
class target_reader {
public:
    target_reader(const std::string& path, const std::string& utr_file, tc::inputs& in)
        : table_(path), utr_file_(utr_file), in_(in) {}

    // Fills up to batch_rows rows; false at the end of the file.
    bool next(std::vector<tc::target_row>& rows) {
        rows.clear();
        while (rows.size() < batch_rows && table_.next()) {
            const auto& f = table_.fields();
            // Like the original, rows of other species or of families without miRNAs in the
            // species (the header among them) are passed over.
            if (f.size() < 3 || !tc::is_scored_species(f[2])) continue;
            auto mirnas = in_.mirnas.find(tc::family_species_key(f[1], f[2]));
            if (mirnas == in_.mirnas.end()) continue;
            parse(rows.emplace_back(), mirnas->second);
        }
        return !rows.empty();
    }

    const std::string& name() const { return table_.name(); }

private:
    void parse(tc::target_row& row, const std::vector<tc::mirna>& mirnas) {
        const auto& f = table_.fields();
        if (f.size() < 9)
            table_.fail("expected at least 9 tab-separated fields (gene, miRNA family, species id, MSA start, "
                        "MSA end, UTR start, UTR end, group, site type, ...), found " +
                        std::to_string(f.size()));
        const auto type = tc::parse_reference_type(f[8]);
        if (!type) table_.fail("site type '" + std::string(f[8]) + "' is not 8mer-1a, 7mer-m8, 7mer-1a or 6mer");
        row.type = *type;
        row.start = table_.whole(5, "UTR start", 1);
        row.end = table_.whole(6, "UTR end", 1);
        const std::uint64_t expected_end = row.start + length_of(row.type) - 1;
        if (row.end != expected_end)
            table_.fail("UTR end " + std::to_string(row.end) + " does not fit a " + std::string(f[8]) +
                        " site starting at " + std::to_string(row.start) + " (expected " +
                        std::to_string(expected_end) + ")");
        row.gene = f[0];
        row.family = f[1];
        row.species = f[2];
        row.start_text = f[5];
        row.end_text = f[6];
        row.group = f[7];
        if (f.size() > 12) row.pct = std::string(f[12]);
        row.utr = in_.find_utr(row.gene, row.species);
        if (!row.utr)
            table_.fail("no UTR for gene '" + row.gene + "' in species " + row.species + " in " + utr_file_);
        if (row.end > row.utr->sequence.size())
            table_.fail("site " + row.start_text + "-" + row.end_text + " runs past the end of the " +
                        std::to_string(row.utr->sequence.size()) + "-nt UTR of gene '" + row.gene + "' in species " +
                        row.species);
        row.mirnas = &mirnas;
    }

    table_reader table_;
    const std::string& utr_file_;
    tc::inputs& in_;
};

// UTRs (gene and species) that lack an input, in order of first use.
class missing_list {
public:
    void add(const tc::target_row& row) {
        if (seen_.insert(row.utr).second && names_.size() < listed_utrs) names_.push_back(row.gene + " " + row.species);
    }
    bool empty() const { return seen_.empty(); }
    std::string describe() const {
        std::string out = std::to_string(seen_.size()) + (seen_.size() == 1 ? " UTR (" : " UTRs (");
        for (std::size_t i = 0; i < names_.size(); ++i) out += (i ? ", " : "") + names_[i];
        return out + (seen_.size() > names_.size() ? ", ...)" : ")");
    }

private:
    std::unordered_set<const tc::utr_data*> seen_;
    std::vector<std::string> names_;
};

struct batch {
    std::vector<tc::target_row> rows;
    std::vector<tc::scored_line> lines;
};

// The inputs, from the command's files and the working directory's parameter files.
struct loaded_inputs {
    tc::inputs in;
    bool have_parameters = false, have_ta_sps = false;
};

void load_inputs(const targetscan_context_files& files, bool fixed, loaded_inputs& loaded) {
    auto& in = loaded.in;
    in.fixed = fixed;
    loaded.have_parameters = std::filesystem::exists(parameters_file);
    loaded.have_ta_sps = std::filesystem::exists(ta_sps_file);
    if (loaded.have_parameters) in.params = read_parameters(parameters_file);
    read_mirnas(files.mirnas, in);
    read_utrs(files.utrs, in);
    read_airs(files.airs, in);
    read_orf_lengths(files.orf_lengths, in);
    read_orf_8mers(files.orf_8mers, in);
    if (loaded.have_ta_sps)
        read_ta_sps(ta_sps_file, in);
    else
        compute_ta_sps(in);
}

// SA reads one position per row: a first pass gathers them, so that each UTR is folded only
// around its sites (a file only; standard input cannot be read twice).
void gather_sa_positions(const targetscan_context_files& files, tc::inputs& in) {
    if (files.targets == "-") return;
    target_reader pass(files.targets, files.utrs, in);
    std::vector<tc::target_row> rows;
    while (pass.next(rows))
        for (const auto& row : rows) row.utr->unpaired_14->rows.push_back(tc::sa_position(in, row));
}

// The scored lines in input order, written to a scratch file; their percentile keys and what
// the inputs lacked are kept for the second pass.
struct scored_pass {
    std::unique_ptr<atomic_output> scratch;
    tc::percentile_table percentiles;
    std::vector<tc::percentile_table::line_keys> keys;
    missing_list no_airs, no_orf;
    std::uint64_t whole_utr_sites = 0;
};

void score_rows(const targetscan_context_files& files, tc::inputs& in, unsigned threads, progress_mode progress,
                scored_pass& pass) {
    target_reader reader(files.targets, files.utrs, in);
    tc::sequencer sequencer(in);
    progress_tally tally("mirhit targetscan-context", progress, "sites", false);
    const unsigned workers = threads ? threads : static_cast<unsigned>(oneapi::tbb::this_task_arena::max_concurrency());
    run_ordered_pipeline<batch>(
        4 * static_cast<std::size_t>(workers),
        [&](batch& work) {
            if (!reader.next(work.rows)) return false;
            for (auto& row : work.rows) {
                sequencer.next(row);
                if (row.utr->isoforms.empty()) pass.no_airs.add(row);
                if (!row.utr->orf_length || row.utr->orf_length->value == 0) pass.no_orf.add(row);
                pass.whole_utr_sites += row.own_isoform;
            }
            tally.add(work.rows.size());
            return true;
        },
        [&](batch& work) {
            for (const auto& row : work.rows) tc::score_row(in, row, work.lines);
        },
        [&](batch& work) {
            std::string text;
            for (const auto& line : work.lines) {
                pass.keys.push_back(pass.percentiles.add(line));
                text.append(line.text).append(1, '\n');
            }
            pass.scratch->write(text);
        });
    tally.finish();
    pass.percentiles.compute();
    pass.scratch->flush();
}

// --fixed: the '##' lines saying what the run used and lacked.
std::string fixed_preamble(const std::string& command_line, const loaded_inputs& loaded, const scored_pass& pass) {
    run_metadata meta{command_line, {}};
    meta.parameters.emplace_back(
        "fixed", "Off6m counts the offset 6mers in each 3'UTR isoform (the original counts 1); missing inputs "
                 "are NA and left out of the score (the original scores them from 0)");
    meta.parameters.emplace_back("parameters", loaded.have_parameters ? std::string(parameters_file) + " (working directory)"
                                                                      : "built-in (Agarwal et al. 2015, eLife 4:e05005)");
    meta.parameters.emplace_back("TA and SPS", loaded.have_ta_sps ? std::string(ta_sps_file) + " (working directory)"
                                                                  : "TA " + builtin_ta_values().source +
                                                                        "; SPS computed (Xia et al. 1998 stacks)");
    meta.parameters.emplace_back("SA", "computed in-process as RNAplfold -W 80 -L 40 -u 20 (ViennaRNA < 2.4; base pairs "
                                       "j - i <= 40), Turner 2004, 37 C; 6mer stretch ends opposite miRNA nt 1");
    meta.parameters.emplace_back(
        "AIRs", pass.no_airs.empty() ? "given for every UTR scored"
                                     : "none for " + pass.no_airs.describe() + ": one isoform, the whole UTR, AIR 1");
    meta.parameters.emplace_back("isoforms", std::to_string(pass.whole_utr_sites) +
                                                 " sites reached by no isoform with AIR: scored on the whole UTR");
    meta.parameters.emplace_back("ORF lengths", pass.no_orf.empty() ? "given for every UTR scored"
                                                                    : "none for " + pass.no_orf.describe() +
                                                                          ": ORF length and ORF 8mer contributions NA");
    return format_preamble(output_format::tsv, meta);
}

// Without --fixed the output is the original's: what the inputs lacked goes to standard error.
void warn_as_the_original(const targetscan_context_files& files, const scored_pass& pass) {
    if (!pass.no_airs.empty())
        std::cerr << "mirhit: warning: " << files.airs << ": no AIRs for " << pass.no_airs.describe()
                  << "; scored as the original does (3'UTR length and Min_dist from 0; --fixed uses the UTR)\n";
    if (!pass.no_orf.empty())
        std::cerr << "mirhit: warning: " << files.orf_lengths << ": no ORF length for " << pass.no_orf.describe()
                  << "; scored as the original does (from 0; --fixed leaves the ORF terms out)\n";
}

// The second pass: each scored line with its percentiles, in input order.
void write_with_percentiles(scored_pass& pass, atomic_output& output) {
    line_reader lines(byte_source::open(pass.scratch->temp_path().string()));
    std::string line, text;
    for (const auto& k : pass.keys) {
        if (!lines.next(line)) throw input_error(pass.scratch->path() + ": ended early");
        text += pass.percentiles.finish(line, k);
        if (text.size() >= (1u << 20)) {
            output.write(text);
            text.clear();
        }
    }
    output.write(text);
}

}  // namespace

void run_targetscan_context(const targetscan_context_files& files, bool fixed, unsigned threads,
                            const std::string& command_line, progress_mode progress) {
    loaded_inputs loaded;
    load_inputs(files, fixed, loaded);
    atomic_output output(files.output);
    gather_sa_positions(files, loaded.in);
    scored_pass pass;
    pass.scratch = atomic_output::scratch(files.output + " (before percentiles)");
    score_rows(files, loaded.in, threads, progress, pass);
    if (fixed)
        output.write(fixed_preamble(command_line, loaded, pass));
    else
        warn_as_the_original(files, pass);
    if (!loaded.have_ta_sps)
        std::cerr << "mirhit: warning: no " << ta_sps_file << " in the working directory: TA from "
                  << builtin_ta_values().source << ", SPS computed; their contributions can differ from TargetScan's\n";
    output.write(tc::output_header);
    write_with_percentiles(pass, output);
    output.commit();
}

}  // namespace mirhit::io
