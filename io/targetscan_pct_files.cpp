#include "io/targetscan_pct_files.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/field_reader.hpp"
#include "io/line_reader.hpp"
#include "io/newick_reader.hpp"
#include "io/targetscan_orf_files.hpp"
#include "scoring/targetscan_pct.hpp"

namespace mirhit::io {

namespace {

namespace tp = targetscan_pct;

// Names listed in a message.
constexpr std::size_t listed_names = 3;
// Output rows per parallel work item of targetscan-bl-pct.
constexpr std::size_t batch_rows = 512;

bool perl_true(std::string_view s) { return !s.empty() && s != "0"; }

// "N things (A, B, C, ...)" for a count of things and the first few names.
std::string listing(std::uint64_t count, std::string_view things, const std::vector<std::string>& names) {
    const std::string noun = count == 1 && things == "genes" ? "gene" : std::string(things);
    std::string out = std::to_string(count) + " " + noun + " (" + join(names, ", ");
    return out + (count > names.size() ? ", ...)" : ")");
}

unsigned worker_count(const targetscan_pct_options& options) {
    return options.threads ? options.threads : static_cast<unsigned>(oneapi::tbb::this_task_arena::max_concurrency());
}

tp::species_tree load_tree(const targetscan_pct_options& options, const std::string& file) {
    const std::string path = (std::filesystem::path(options.params_dir) / file).string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw input_error(path + ": not found (TargetScan 7's PCT_parameters directory, read from the working "
                                 "directory as the original does; give another with --pct-params DIR)");
    return tp::species_tree(read_newick(path), options.fixed);
}

std::string bin_tree_file(int bin) { return std::string("Tree.bin_") + (bin < 10 ? "0" : "") + std::to_string(bin) + ".txt"; }

// Cuts an aligned UTR file into genes: adjacent rows with the same gene id. Unlike
// targetscan_70.pl, targetscan_70_BL_bins.pl keeps consensus rows (species "" or 0): they are
// species outside the tree.
class gene_reader {
public:
    explicit gene_reader(const std::string& path) : rows_(path) {}

    bool next(std::string& gene, std::vector<tp::aligned_utr>& rows) {
        if (!pending_ && !read_row()) return false;
        gene = std::move(gene_);
        first_line_ = row_line_;
        rows.clear();
        do rows.push_back(std::move(row_));
        while ((pending_ = read_row()) && gene_ == gene);
        return true;
    }
    const std::string& name() const { return rows_.name(); }
    // The line of the first row of the gene next() gave last.
    std::uint64_t first_line() const { return first_line_; }

private:
    bool read_row() {
        if (!rows_.next()) return false;
        row_line_ = rows_.line_number();
        rows_.expect_fields(3, 3, "gene, species id, aligned UTR");
        if (!perl_true(rows_[0]))
            rows_.fail("gene id '" + std::string(rows_[0]) + "' is empty or 0 (the original reads it as missing)");
        gene_.assign(rows_[0]);
        row_ = {std::string(rows_[1]), std::string(rows_[2])};
        return true;
    }

    field_reader rows_;
    bool pending_ = false;  // gene_ and row_ hold a row not yet handed out
    std::string gene_;
    tp::aligned_utr row_;
    std::uint64_t row_line_ = 0, first_line_ = 0;
};

struct gene_work {
    std::string gene;
    std::vector<tp::aligned_utr> rows;
    tp::utr_conservation result;
};

// Names of species missing from a tree, with how many genes or sites have them.
struct missing_species {
    std::set<std::string> names;
    std::uint64_t uses = 0;

    void check(const tp::species_tree& tree, const std::vector<std::string_view>& species) {
        bool any = false;
        for (std::string_view s : species)
            if (perl_true(s) && tree.node(s) == scoring::phylo_tree::none) {
                names.emplace(s);
                any = true;
            }
        uses += any;
    }
    std::string describe() const {
        std::vector<std::string> first(names.begin(), std::next(names.begin(), static_cast<std::ptrdiff_t>(std::min(names.size(), listed_names))));
        return listing(names.size(), "species", first);
    }
};


// ---- targetscan-bl-pct ----

struct family_seeds {
    std::unordered_map<std::string, std::string> seed_of;  // by family id; T written U
    std::unordered_set<std::string> bl_keys;               // family ids and seeds: sites that get a BL
};

family_seeds read_families(const std::string& path) {
    family_seeds out;
    for (auto& [family, seed] : read_family_seeds(path)) {
        for (char& c : seed) c = c == 't' || c == 'T' ? 'U' : c;
        out.bl_keys.insert(family);
        out.bl_keys.insert(seed);
        out.seed_of[family] = std::move(seed);
    }
    return out;
}

// Gene -> bin (1-10); a later line replaces an earlier one, as in the original.
std::unordered_map<std::string, int> read_bins(const std::string& path) {
    field_reader t(path);
    std::unordered_map<std::string, int> bins;
    while (t.next()) {
        t.expect_fields(3, 3, "gene, median BL, bin");
        int bin = 0;
        auto [end, ec] = std::from_chars(t[2].data(), t[2].data() + t[2].size(), bin);
        if (ec != std::errc() || end != t[2].data() + t[2].size() || bin < 1 || bin > 10 || t[2][0] == '0')
            t.fail("bin '" + std::string(t[2]) + "' is not a whole number from 1 to 10");
        bins[std::string(t[0])] = bin;
    }
    return bins;
}

tp::pct_table read_pct(const targetscan_pct_options& options) {
    tp::pct_table table;
    const std::pair<const char*, tp::site_type> files[] = {{"8mer_PCT_parameters.txt", tp::site_type::eight_mer_1a},
                                                           {"7mer_m8_PCT_parameters.txt", tp::site_type::seven_mer_m8},
                                                           {"7mer_1a_PCT_parameters.txt", tp::site_type::seven_mer_1a}};
    for (const auto& [file, type] : files) {
        const std::string path = (std::filesystem::path(options.params_dir) / file).string();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) throw input_error(path + ": not found (see --pct-params)");
        field_reader t(path);
        while (t.next()) {
            if (t.line_number() == 1) continue;
            t.expect_fields(5, 5, "seed, b0, b1, b2, b3");
            tp::pct_coefficients b{};
            for (std::size_t i = 0; i < 4; ++i) {
                const std::string_view text = t[i + 1];
                auto [end, ec2] = std::from_chars(text.data(), text.data() + text.size(), b[i]);
                if (ec2 != std::errc() || end != text.data() + text.size())
                    t.fail("coefficient '" + std::string(text) + "' is not a number");
            }
            table.add(t[0], type, b);
        }
    }
    return table;
}

// GNU sort's -k8,8n key in the C locale: the number at the start of the 8th blank-separated
// field (0 when there is none).
struct sort_key {
    bool negative = false;
    std::string_view whole, fraction;  // digits; leading zeros of whole and trailing of fraction cut

    explicit sort_key(std::string_view line) {
        std::size_t i = 0;
        auto blank = [&](std::size_t k) { return line[k] == ' ' || line[k] == '\t'; };
        for (int field = 1; field < 8; ++field) {
            while (i < line.size() && blank(i)) ++i;
            while (i < line.size() && !blank(i)) ++i;
        }
        while (i < line.size() && blank(i)) ++i;
        if (i < line.size() && line[i] == '-') negative = ++i;
        const std::size_t from = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
        whole = line.substr(from, i - from);
        while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
        if (i < line.size() && line[i] == '.') {
            const std::size_t f = ++i;
            while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
            fraction = line.substr(f, i - f);
            while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
        }
        if (whole.empty() && fraction.empty()) negative = false;
    }

    // <0, 0, >0 as the numbers compare.
    int compare(const sort_key& o) const {
        if (negative != o.negative) return negative ? -1 : 1;
        int magnitude = whole.size() != o.whole.size() ? (whole.size() < o.whole.size() ? -1 : 1) : whole.compare(o.whole);
        if (magnitude == 0) magnitude = fraction.compare(o.fraction);
        return negative ? -magnitude : magnitude;
    }
};

std::optional<tp::site_type> parse_site_type(std::string_view name) {
    for (auto t : {tp::site_type::eight_mer_1a, tp::site_type::seven_mer_m8, tp::site_type::seven_mer_1a, tp::site_type::six_mer})
        if (targetscan70::site_type_name(t) == name) return t;
    return std::nullopt;
}

bool whole_from_1(std::string_view s) {
    return !s.empty() && s[0] != '0' && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// The targets file in memory: its lines (blank ones left out) with their line numbers.
struct target_lines {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // offset and length in text
    std::vector<std::uint64_t> numbers;
    std::string name;

    std::string_view operator[](std::size_t i) const { return std::string_view(text).substr(spans[i].first, spans[i].second); }
    [[noreturn]] void fail(std::size_t i, const std::string& m) const { throw input_error_at(name, numbers[i], m); }
};

target_lines read_target_lines(const std::string& path) {
    line_reader lines(byte_source::open(path));
    target_lines t;
    t.name = lines.name();
    std::string line;
    while (lines.next(line)) {
        if (is_blank(line)) continue;
        t.spans.emplace_back(t.text.size(), line.size());
        t.numbers.push_back(lines.line_number());
        t.text += line;
    }
    if (t.spans.empty()) throw input_error(t.name + ": no header line (targetscan_70.pl's output starts with one)");
    return t;
}

// A site that gets a BL, with what its last three columns depend on.
struct bl_site {
    tp::site_type type = tp::site_type::six_mer;
    const tp::species_tree* tree = nullptr;
    std::string_view species;            // its group's species with its site type
    const std::string* seed = nullptr;   // nullptr: the family column is a seed, not a family id
    bool masked = false;
};

// One output row, in output order: a line of the targets file and, for a BL site, its values.
struct out_row {
    std::size_t line = 0;
    std::optional<bl_site> site;
};

// The original's walk through the sorted rows. It passes the rows of other families through at
// once and holds a group's sites until the group number changes; each site then gets the species
// list of the group's last row with its site type.
class group_walk {
public:
    group_walk(const target_lines& lines, const family_seeds& families, const std::unordered_map<std::string, int>& bins,
               const targetscan_pct_options& options)
        : lines_(lines), families_(families), bins_(bins), options_(options) {}

    void add(std::size_t i) {
        split_fields(lines_[i], f_);
        drop_trailing_empty(f_);
        if (perl_true(previous_) && f_[7] != previous_) flush();
        previous_ = f_[7];
        if (!families_.bl_keys.contains(std::string(f_[1]))) {
            rows.push_back({i, std::nullopt});
            return;
        }
        bl_site site;
        site.type = *parse_site_type(f_[8]);
        const std::string_view list = f_.size() > 12 && perl_true(f_[12]) ? f_[12] : f_[11];
        lists_[targetscan70::site_type_index(site.type)] = list;
        if (auto seed = families_.seed_of.find(std::string(f_[1])); seed != families_.seed_of.end())
            site.seed = &seed->second;
        else
            ++unknown_seed;
        site.masked = f_.size() > 13 && perl_true(f_[13]);
        site.tree = &tree(bins_.at(std::string(f_[0])));
        pending_.push_back({i, site});
    }

    void flush() {
        for (auto& row : pending_) {
            row.site->species = lists_[targetscan70::site_type_index(row.site->type)];
            if (tp::several_species(row.site->species)) {
                split_list(row.site->species, ' ', words_);
                missing.check(*row.site->tree, words_);
            }
            rows.push_back(row);
        }
        pending_.clear();
    }

    std::vector<out_row> rows;
    std::uint64_t unknown_seed = 0;
    missing_species missing;

private:
    const tp::species_tree& tree(int bin) {
        auto& slot = trees_[static_cast<std::size_t>(bin - 1)];
        if (!slot) {
            slot = std::make_unique<tp::species_tree>(load_tree(options_, bin_tree_file(bin)));
        }
        return *slot;
    }

    const target_lines& lines_;
    const family_seeds& families_;
    const std::unordered_map<std::string, int>& bins_;
    const targetscan_pct_options& options_;
    std::array<std::unique_ptr<tp::species_tree>, 10> trees_;
    std::vector<std::string_view> f_, words_;
    std::string_view previous_;
    std::array<std::string_view, 4> lists_;
    std::vector<out_row> pending_;
};

// Checks every line before anything is computed: the header, field counts, group numbers, and for
// the sites that get a BL their site type, species list and bin.
void check_targets(const target_lines& t, const family_seeds& families, const std::unordered_map<std::string, int>& bins,
                   const std::string& bins_file) {
    std::vector<std::string_view> f;
    for (std::size_t i = 0; i < t.spans.size(); ++i) {
        split_fields(t[i], f);
        drop_trailing_empty(f);
        if (i == 0) {
            if (f.size() > 7 && whole_from_1(f[7]))
                t.fail(i, "expected targetscan_70.pl's header line first (the original skips the first line)");
            continue;
        }
        if (f.size() < 12 || f.size() > 14)
            t.fail(i, "expected 12 to 14 tab-separated fields (targetscan_70.pl's output: gene, miRNA family, ..., ORF "
                      "overlap), found " + std::to_string(f.size()));
        if (!whole_from_1(f[7])) t.fail(i, "group number '" + std::string(f[7]) + "' is not a whole number from 1");
        if (!families.bl_keys.contains(std::string(f[1]))) continue;
        if (!parse_site_type(f[8]))
            t.fail(i, "site type '" + std::string(f[8]) + "' is not 8mer-1a, 7mer-m8, 7mer-1a or 6mer");
        if (!perl_true(f[11]) && !(f.size() > 12 && perl_true(f[12]))) t.fail(i, "no species list (columns 12 and 13 are empty)");
        if (!bins.contains(std::string(f[0])))
            t.fail(i, "gene '" + std::string(f[0]) + "' is not in " + bins_file + " (the original assigns it bin 1)");
    }
}

void append_row(std::string& out, const target_lines& t, const out_row& row, bool fixed, const tp::pct_table& pct,
                std::vector<std::string_view>& f, std::uint64_t& missing_coefficients) {
    split_fields(t[row.line], f);
    drop_trailing_empty(f);
    if (!row.site) {
        if (f.size() < 13) f.resize(13);
        f[11] = f[12] = "NA";
        for (std::size_t i = 0; i < f.size(); ++i) out.append(i ? "\t" : "").append(f[i]);
        out += fixed ? "\n" : "\t\n";
        return;
    }
    const bl_site& s = *row.site;
    const auto c = tp::conserve_site(*s.tree, pct, s.seed ? std::optional<std::string_view>(*s.seed) : std::nullopt, s.type,
                                     s.species, s.masked);
    missing_coefficients += c.missing_coefficients;
    if (f.size() < 14) f.resize(14);
    f[10] = f[8];
    f[11] = c.branch_length;
    f[12] = c.pct;
    f[13] = c.conserved ? "x" : "";
    for (std::size_t i = 0; i < f.size(); ++i) out.append(i ? "\t" : "").append(f[i]);
    out += '\n';
}

}  // namespace

tp::pct_model load_pct_model(const targetscan_pct_options& options) {
    tp::pct_model model;
    model.trees.push_back(load_tree(options, "Tree.generic.txt"));
    for (int bin = 1; bin <= 10; ++bin) model.trees.push_back(load_tree(options, bin_tree_file(bin)));
    model.pct = read_pct(options);
    return model;
}

namespace {

// The row of `species` without gaps, as targetscan_70.pl numbers its positions; none without letters.
std::optional<std::string> reference_sequence(const targetscan70::gene_set& gene, std::string_view species) {
    for (const auto& utr : gene.utrs) {
        if (utr.species != species) continue;
        std::string letters;
        std::copy_if(utr.alignment.begin(), utr.alignment.end(), std::back_inserter(letters), [](char c) { return c != '-'; });
        if (!letters.empty()) return letters;
    }
    return std::nullopt;
}

// One gene of an aligned UTR file, its conservation computed on a worker.
struct aligned_gene {
    std::string name;
    std::uint64_t line = 0;
    std::vector<tp::aligned_utr> rows;
    std::optional<std::string> sequence;  // of the reference species
    std::unordered_map<std::uint64_t, site_conservation_text> sites;
};

void conserve_aligned_gene(aligned_gene& g, const targetscan70::family_table& families, const tp::pct_model& model,
                           std::string_view species) {
    targetscan70::gene_set gene;
    gene.gene = g.name;
    for (auto& row : g.rows)
        if (perl_true(row.species)) gene.set_utr(row.species, std::move(row.alignment));  // not consensus rows
    g.sequence = reference_sequence(gene, species);
    if (!g.sequence) return;
    const auto result = targetscan70::process_gene(families, gene);
    const auto conservation = tp::conserve_gene(model, families, gene, result);
    static constexpr site_type types[] = {site_type::seven_mer_a1, site_type::seven_mer_m8, site_type::eight_mer, site_type::six_mer};
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const auto& row = result.rows[i];
        if (row.species != species) continue;
        const auto& site = conservation.sites[i];
        g.sites[pct_key(row.utr_start - 1, types[targetscan70::site_type_index(row.type)])] = {site.branch_length, site.pct};
    }
}

// The file's next gene, or null at its end; a gene given again after other genes stops the run.
std::unique_ptr<aligned_gene> next_aligned_gene(gene_reader& reader, std::unordered_map<std::string, std::uint64_t>& first_line) {
    auto g = std::make_unique<aligned_gene>();
    if (!reader.next(g->name, g->rows)) return nullptr;
    g->line = reader.first_line();
    if (auto [seen, is_new] = first_line.try_emplace(g->name, g->line); !is_new)
        throw input_error_at(reader.name(), g->line,
                             "gene '" + g->name + "' again, after other genes (first at line " + std::to_string(seen->second) +
                                 "): mirhit scan needs each gene's rows together");
    return g;
}

}  // namespace

// Genes are read and collected in file order, computed in parallel.
aligned_conservation conservation_from_alignments(const std::string& utr_file, const targetscan70::family_table& families,
                                                  const tp::pct_model& model, std::string_view species) {
    gene_reader reader(utr_file);
    std::unordered_map<std::string, std::uint64_t> first_line;
    aligned_conservation out;
    using work = std::unique_ptr<aligned_gene>;
    run_ordered_pipeline<work>(
        4 * static_cast<std::size_t>(oneapi::tbb::this_task_arena::max_concurrency()),
        [&](work& g) { return (g = next_aligned_gene(reader, first_line)) != nullptr; },
        [&](work& g) { conserve_aligned_gene(*g, families, model, species); },
        [&](work& g) {
            ++out.genes;
            if (!g->sequence) {
                out.without_species.push_back(std::move(g->name));
                return;
            }
            if (!g->sites.empty()) out.sites[g->name] = std::move(g->sites);
            out.utrs.push_back({std::move(g->name), std::move(*g->sequence), g->line});
        });
    if (out.genes == 0) throw input_error(reader.name() + ": no aligned UTRs found");
    return out;
}

std::vector<std::string> alignment_species(const std::string& utr_file) {
    field_reader rows(utr_file);
    std::set<std::string, std::less<>> species;
    while (rows.next()) {
        rows.expect_fields(3, 3, "gene, species id, aligned UTR");
        if (perl_true(rows[1]) && !species.contains(rows[1])) species.emplace(rows[1]);
    }
    return {species.begin(), species.end()};
}

void run_targetscan_bl_bins(const std::string& utr_file, const std::string& output_file,
                            const targetscan_pct_options& options) {
    const tp::species_tree generic = load_tree(options, "Tree.generic.txt");
    gene_reader reader(utr_file);
    atomic_output output(output_file);
    std::uint64_t genes = 0, no_human = 0;
    std::vector<std::string> no_human_names;
    missing_species missing;
    std::vector<std::string_view> species;
    std::string text;
    progress_tally tally("mirhit targetscan-bl-bins", options.progress, "genes", false);
    run_ordered_pipeline<gene_work>(
        4 * static_cast<std::size_t>(worker_count(options)),
        [&](gene_work& work) {
            if (!reader.next(work.gene, work.rows)) return false;
            ++genes;
            species.clear();
            for (const auto& row : work.rows) species.push_back(row.species);
            missing.check(generic, species);
            tally.add(1);
            return true;
        },
        [&](gene_work& work) { work.result = tp::utr_branch_length(generic, work.rows); },
        [&](gene_work& work) {
            const auto& median = work.result.median;
            if (!median && ++no_human <= listed_names) no_human_names.push_back(work.gene);
            text.assign(work.gene).append(1, '\t');
            if (median) text += tp::perl_number(*median);
            text.append(1, '\t').append(std::to_string(work.result.bin)).append(1, '\n');
            output.write(text);
        });
    tally.finish();
    if (genes == 0) throw input_error(reader.name() + ": no aligned UTRs found");
    output.commit();
    if (no_human)
        std::cerr << "mirhit: warning: " << reader.name() << ": no human (" << tp::reference_species << ") letters in "
                  << listing(no_human, "genes", no_human_names)
                  << ": median BL left empty and bin 1, as targetscan_70_BL_bins.pl writes them\n";
    if (!missing.names.empty())
        std::cerr << "mirhit: warning: " << reader.name() << ": not in " << options.params_dir
                  << "/Tree.generic.txt: " << missing.describe() << ", in " << missing.uses
                  << " genes; left out of the branch lengths, as the original does\n";
}

void run_targetscan_bl_pct(const targetscan_bl_pct_files& files, const targetscan_pct_options& options) {
    const family_seeds families = read_families(files.families);
    const auto bins = read_bins(files.bins);
    const tp::pct_table pct = read_pct(options);
    const target_lines t = read_target_lines(files.targets);
    check_targets(t, families, bins, files.bins);

    std::vector<std::size_t> order(t.spans.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (options.fixed || files.targets.find("sort") == std::string::npos) {
        std::vector<sort_key> keys;
        keys.reserve(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) keys.emplace_back(t[i]);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const int c = keys[a].compare(keys[b]);
            return c ? c < 0 : t[a] < t[b];
        });
        if (order[0] != 0)
            t.fail(order[0], "this row sorts before the header line (sort -k8,8n), which the original then reads as data");
    }
    group_walk walk(t, families, bins, options);
    for (std::size_t k = 1; k < order.size(); ++k) walk.add(order[k]);
    walk.flush();

    atomic_output output(files.output);
    output.write("Gene_ID\tmiRNA_family_ID\tspecies_ID\tMSA_start\tMSA_end\tUTR_start\tUTR_end\tGroup_num\tSite_type\t"
                 "miRNA in this species\tGroup_type\tBranch length score\tPct\tConserved\n");
    std::size_t next = 0;
    std::uint64_t missing_coefficients = 0;
    progress_tally tally("mirhit targetscan-bl-pct", options.progress, "sites", false);
    tally.set_total(walk.rows.size());
    struct batch {
        std::size_t first = 0;  // the first row
        std::string text;       // the rows'
        std::uint64_t missing = 0;
    };
    run_ordered_pipeline<batch>(
        4 * static_cast<std::size_t>(worker_count(options)),
        [&](batch& b) {
            if (next >= walk.rows.size()) return false;
            b.first = next;
            const std::uint64_t rows = std::min(batch_rows, walk.rows.size() - next);
            tally.add(rows, 0, rows);
            next += batch_rows;
            return true;
        },
        [&](batch& b) {
            std::vector<std::string_view> f;
            const std::size_t end = std::min(b.first + batch_rows, walk.rows.size());
            for (std::size_t r = b.first; r < end; ++r) append_row(b.text, t, walk.rows[r], options.fixed, pct, f, b.missing);
        },
        [&](batch& b) {
            output.write(b.text);
            missing_coefficients += b.missing;
        });
    tally.finish();
    output.commit();
    if (walk.unknown_seed)
        std::cerr << "mirhit: warning: " << t.name << ": " << walk.unknown_seed << " sites name a seed of "
                  << files.families << " instead of a family: PCT NA, as the original writes them ('No seed for')\n";
    if (missing_coefficients)
        std::cerr << "mirhit: warning: " << missing_coefficients
                  << " sites of seeds with PCT coefficients for other site types only: PCT from coefficients 0, as "
                     "the original computes it\n";
    if (!walk.missing.names.empty())
        std::cerr << "mirhit: warning: " << t.name << ": not in the bin trees of " << options.params_dir << ": "
                  << walk.missing.describe() << ", at " << walk.missing.uses
                  << " sites; left out of the branch lengths, as the original does\n";
}

}  // namespace mirhit::io
