#include "app/validate_command.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>

#include "app/curated_command.hpp"
#include "app/utr_input.hpp"
#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/fasta_reader.hpp"
#include "io/html_report.hpp"
#include "io/mirna_reader.hpp"
#include "io/site_writer.hpp"
#include "io/ta_table.hpp"
#include "io/utr_header.hpp"
#include "reference/builtin_mirnas.hpp"
#include "reference/gene_aliases.hpp"
#include "reference/mirna_names.hpp"
#include "scoring/context_features.hpp"
#include "scoring/context_score.hpp"
#include "scoring/duplex.hpp"
#include "scoring/energy_params.hpp"
#include "scoring/gene_score.hpp"

namespace mirhit::app {

namespace {

constexpr std::array<io::map_kind, site_type_count> site_kinds = {{{"8mer", "#b2182b"},
                                                                   {"7mer-m8", "#e66101"},
                                                                   {"7mer-A1", "#f2a340"},
                                                                   {"6mer", "#4393c3"},
                                                                   {"offset-6mer", "#8fb8d6"}}};

std::string fixed3(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", x == 0 ? 0.0 : x);
    return std::string(text) == "-0.000" ? "0.000" : text;
}

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// A percentage for prose: 20, 0.1, 0.0056.
std::string percent_text(double p) {
    char text[32];
    std::snprintf(text, sizeof text, p >= 0.1 ? "%.1f" : "%.2g", p);
    std::string s = text;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

// Site letters as RNA, upper case; other letters (N, IUPAC codes) kept.
std::string rna(std::string_view letters) {
    std::string out = upper(letters);
    std::replace(out.begin(), out.end(), 'T', 'U');
    return out;
}

// A gene the report is about: a UTR belongs to it when the gene of its header, or what that
// resolves to, is one of these symbols (upper case).
struct target_gene {
    std::string name;  // as written, or the claim's gene
    std::vector<std::string> symbols;
    std::string how;  // how the name was resolved
    bool known = false;  // a human gene symbol or alias
};

// The symbols for a known gene, else the name as written.
std::string display_name(const target_gene& t) {
    if (!t.known) return t.name;
    std::string out;
    for (const auto& s : t.symbols) out += (out.empty() ? "" : "/") + s;
    return out;
}

target_gene resolve_target(const std::string& name) {
    auto r = reference::resolve_gene(name);
    target_gene t{name, {}, r.how, !r.symbols.empty()};
    for (const auto& s : r.symbols) t.symbols.push_back(upper(s));
    if (t.symbols.empty()) t.symbols.push_back(upper(name));  // unknown names match headers as written
    return t;
}

// A gene name and the symbols it resolves to, upper case.
std::vector<std::string> names_of_gene(const std::string& gene) {
    std::vector<std::string> names = {upper(gene)};
    for (const auto& s : reference::resolve_gene(gene).symbols) names.push_back(upper(s));
    return names;
}

bool names_match(const std::vector<std::string>& names, const target_gene& target) {
    return std::any_of(names.begin(), names.end(), [&](const auto& n) {
        return std::find(target.symbols.begin(), target.symbols.end(), n) != target.symbols.end();
    });
}

// One UTR after scanning and scoring.
struct utr_scan {
    std::shared_ptr<const io::record_header> record;
    std::uint64_t length = 0;
    std::vector<std::pair<std::uint32_t, double>> totals;  // per miRNA with a scored site: total context++
    std::vector<std::uint32_t> targets;                    // the target genes it belongs to
    // Kept only for UTRs of a target gene:
    std::string seq;
    std::vector<family_site> sites;
    std::vector<std::optional<scoring::site_score>> scores;  // per (site, member miRNA) pair
};

struct utr_batch {
    std::vector<io::sequence_piece> pieces;
    std::vector<std::vector<std::uint32_t>> targets;  // per piece
};

// The UTR's total context++ for each miRNA with a scored site: the best set of non-overlapping
// sites, rounded to 3 decimals as the gene summary writes it.
std::vector<std::pair<std::uint32_t, double>> utr_totals(const mirna_set& mirnas, std::span<const family_site> sites,
                                                          std::span<const std::optional<scoring::site_score>> scores) {
    std::map<std::uint32_t, std::vector<scoring::scored_site>> by_mirna;
    std::size_t pair = 0;
    for (const auto& s : sites)
        for (auto m : mirnas.families()[s.family].members)
            if (const auto& score = scores[pair++]) by_mirna[m].push_back({s.start, s.start + length_of(s.type), score->score});
    std::vector<std::pair<std::uint32_t, double>> out;
    for (const auto& [m, list] : by_mirna) out.emplace_back(m, scoring::round_like_printf(scoring::best_total(list), 3));
    return out;
}

// The three lines of a pairing diagram: UTR 5' to 3', pairs, miRNA 3' to 5'. TargetScan's for
// scored site types; for offset 6mers, the seed pairs (nt 3-8) drawn the same way.
std::array<std::string, 3> pairing_diagram(std::string_view utr, const family_site& site, std::string_view mirna) {
    if (site.type != site_type::offset_six_mer) {
        auto p = scoring::three_prime_pairing_of(utr, site.start, site.start + length_of(site.type), site.type, mirna);
        return {rna(p.utr), p.pairing, p.mirna};
    }
    // Columns as TargetScan's: the UTR from 15 nt 5' of the site to the nt opposite miRNA nt 1.
    // miRNA nt k faces UTR position start + 8 - k, in column 23 - k (shifted for long miRNAs).
    const std::size_t shift = mirna.size() > 23 ? mirna.size() - 23 : 0;
    std::array<std::string, 3> lines;
    lines[0].assign(shift, ' ');
    for (std::size_t c = 0; c < 23; ++c) {
        const auto pos = static_cast<std::int64_t>(site.start) - 15 + static_cast<std::int64_t>(c);
        lines[0] += pos >= 0 && pos < static_cast<std::int64_t>(utr.size()) ? rna(utr.substr(static_cast<std::size_t>(pos), 1))[0] : ' ';
    }
    lines[1].assign(shift + 15, ' ');
    lines[1] += "||||||";
    lines[2].assign(shift + 23 - std::min<std::size_t>(mirna.size(), 23), ' ');
    lines[2].append(mirna.rbegin(), mirna.rend());
    return lines;
}

struct site_view {
    site_type type;
    std::uint64_t start;  // 0-based
    std::string seq;      // RNA
    std::optional<double> score;
    std::array<std::string, 3> diagram;
    scoring::duplex_result duplex;       // on the site's duplex window
    std::string duplex_text;             // "dG kcal/mol, structure ranges"
    std::vector<std::string> duplex_lines;  // the four-line diagram
};

// The site's duplex with the miRNA on its window of the UTR, as `scan --score duplex` folds it.
void add_duplex(site_view& sv, std::string_view utr, std::string_view mirna, scoring::duplex_folder& folder) {
    const auto w = scoring::site_duplex_window(utr.size(), sv.start, sv.type);
    const auto window = utr.substr(w.begin, w.end - w.begin);
    sv.duplex = folder.fold(mirna, window);
    char dg[32];
    std::snprintf(dg, sizeof dg, "%.2f", sv.duplex.dg());
    sv.duplex_text = std::string(dg) + " kcal/mol, " + scoring::duplex_structure_text(sv.duplex, w.begin);
    sv.duplex_lines = scoring::duplex_diagram(sv.duplex, mirna, window);
}

enum class support { strong, weak, none };
constexpr std::array<std::string_view, 3> support_names = {"strong", "weak", "none"};

struct assessment {
    support level = support::none;
    std::string text;
};

struct utr_view {
    const utr_scan* utr = nullptr;
    std::vector<site_view> sites;
    std::array<std::size_t, site_type_count> counts{};
    double total = 0;
    std::size_t rank = 0;
    assessment verdict;
};

// One miRNA and one target gene: the claims on the pair and every UTR of the gene.
struct pair_view {
    std::uint32_t mirna = 0;
    std::uint32_t target = 0;
    std::vector<const reference::claim*> claims;
    std::vector<utr_view> utrs;
    std::size_t best = 0;  // the best UTR: most negative total, then the stronger sites, then input order
    assessment gene_verdict;  // the best UTR's
};

// Gene totals of every miRNA, for ranks: a gene's total is that of its best UTR; genes without
// a scored site total 0.
class gene_ranking {
public:
    explicit gene_ranking(std::size_t mirnas) : best_(mirnas) {}

    void add(const utr_scan& u) {
        auto [it, is_new] = index_.try_emplace(u.record->gene, index_.size());
        if (is_new)
            for (auto& b : best_) b.push_back(0);
        for (const auto& [m, total] : u.totals) best_[m][it->second] = std::min(best_[m][it->second], total);
    }
    void finish() {
        sorted_ = best_;
        for (auto& s : sorted_) std::sort(s.begin(), s.end());
    }
    std::size_t genes() const { return index_.size(); }
    // 1 + the other genes whose total is more negative than `total` (of a UTR of `gene`); 0 (not
    // ranked) for a total of 0, which ties with every gene without a site.
    std::size_t rank(std::uint32_t mirna, double total, const std::string& gene) const {
        if (total >= 0) return 0;
        const auto& s = sorted_[mirna];
        auto below = static_cast<std::size_t>(std::lower_bound(s.begin(), s.end(), total) - s.begin());
        if (best_[mirna][index_.at(gene)] < total) --below;  // the gene itself, through a better UTR
        return below + 1;
    }

private:
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<std::vector<double>> best_;  // per miRNA, per gene
    std::vector<std::vector<double>> sorted_;
};

std::string rank_text(std::size_t rank, std::size_t genes) {
    if (rank == 0) return "not ranked";
    return "rank " + with_commas(rank) + " of " + with_commas(genes) + (genes == 1 ? " gene" : " genes") + " (top " +
           percent_text(100.0 * static_cast<double>(rank) / static_cast<double>(genes)) + "%)";
}

std::string count_list(const std::array<std::size_t, site_type_count>& counts, std::size_t first_type) {
    std::vector<std::string> parts;
    for (std::size_t t = first_type; t < site_type_count; ++t)
        if (counts[t]) parts.push_back(std::to_string(counts[t]) + " " + std::string(site_type_names[t]));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

// gene_utrs: with more than one, a UTR without sites is the gene's best and speaks for all.
assessment verdict_of(const utr_view& u, std::size_t genes, bool claimed, std::size_t gene_utrs) {
    std::size_t near_stop = 0;
    for (const auto& s : u.sites)
        if (s.start < near_stop_length && s.type != site_type::offset_six_mer) ++near_stop;
    if (u.sites.empty()) {
        std::string text = gene_utrs > 1 ? "no canonical site in any of the gene's " + std::to_string(gene_utrs) + " UTR isoforms"
                                         : "no canonical site in this UTR isoform";
        if (claimed) text += "; the claim rests on non-canonical pairing or another isoform";
        return {support::none, text};
    }
    const bool strong = u.counts[0] + u.counts[1] + u.counts[2] > 0;
    assessment v{strong ? support::strong : support::weak,
              strong ? count_list(u.counts, 0) + (u.sites.size() == 1 ? " site" : " sites")
                     : "only 6mer/offset-6mer sites (" + count_list(u.counts, 3) + "): weak canonical support"};
    if (near_stop) v.text += " (" + std::to_string(near_stop) + " within 15 nt of the stop codon: not scored)";
    v.text += ", context++ " + fixed3(u.total) + ", " + rank_text(u.rank, genes);
    return v;
}

utr_view make_utr_view(const utr_scan& u, const mirna_set& mirnas, std::uint32_t m, const gene_ranking& ranking,
                       scoring::duplex_folder& folder) {
    utr_view v;
    v.utr = &u;
    std::vector<scoring::scored_site> scored;
    std::size_t pair = 0;
    for (const auto& s : u.sites)
        for (auto member : mirnas.families()[s.family].members) {
            const auto& score = u.scores[pair++];
            if (member != m) continue;
            site_view sv{s.type, s.start, rna(std::string_view(u.seq).substr(s.start, length_of(s.type))), std::nullopt,
                         pairing_diagram(u.seq, s, mirnas.mirnas()[m].sequence), {}, {}, {}};
            add_duplex(sv, u.seq, mirnas.mirnas()[m].sequence, folder);
            if (score) {
                sv.score = score->score;
                scored.push_back({s.start, s.start + length_of(s.type), score->score});
            }
            ++v.counts[static_cast<std::size_t>(s.type)];
            v.sites.push_back(std::move(sv));
        }
    v.total = scored.empty() ? 0.0 : scoring::round_like_printf(scoring::best_total(scored), 3);
    v.rank = ranking.rank(m, v.total, u.record->gene);
    return v;
}

// The most negative scored site as "type:start:score", else the strongest site with score NA.
std::string best_site(const utr_view& u) {
    const site_view* best = nullptr;
    for (const auto& s : u.sites) {
        const bool better = s.score ? !best || !best->score || *s.score < *best->score : !best || (!best->score && s.type < best->type);
        if (better) best = &s;
    }
    if (!best) return "NA";
    return std::string(name_of(best->type)) + ":" + std::to_string(best->start + 1) + ":" + (best->score ? fixed3(*best->score) : "NA");
}

// The lowest duplex free energy among a UTR's sites (kcal/mol), "NA" without sites.
std::string min_duplex_dg(const utr_view& u) {
    const site_view* low = nullptr;
    for (const auto& s : u.sites)
        if (!low || s.duplex.dg() < low->duplex.dg()) low = &s;
    if (!low) return "NA";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", low->duplex.dg());
    return text;
}

// Everything the report shows.
struct report {
    mirna_set mirnas;  // the miRNAs validated
    std::vector<target_gene> targets;
    std::vector<pair_view> pairs;
    std::vector<utr_scan> kept;  // UTRs of the targets, input order
    std::size_t utrs = 0;
    std::size_t genes = 0;
    std::string score_description;
};

// Scans every UTR once for the report's miRNAs, ranks the genes, and fills the pairs' UTRs.
void scan_and_rank(report& r, const validate_args& args, const scoring::energy_params& params) {
    const auto& mirnas = r.mirnas;
    const seed_index index(mirnas.families(), site_type_set::all());
    const score_setup setup(args.score_inputs, mirnas, true);
    r.score_description = setup.description();
    const scoring::context_scorer scorer(mirnas, setup.ta());

    std::unordered_map<std::string, std::vector<std::uint32_t>> targets_of_gene;  // by header gene
    auto targets_of = [&](const std::string& gene) -> const std::vector<std::uint32_t>& {
        auto [it, is_new] = targets_of_gene.try_emplace(gene);
        if (is_new) {
            const auto names = names_of_gene(gene);
            for (std::uint32_t t = 0; t < r.targets.size(); ++t)
                if (names_match(names, r.targets[t])) it->second.push_back(t);
        }
        return it->second;
    };

    utr_input input(args.utr_files, std::size_t{1} << 18, true);
    oneapi::tbb::enumerable_thread_specific<scoring::plfold> folds([&] { return scoring::plfold(params, scoring::plfold_options{}); });
    gene_ranking ranking(mirnas.size());
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    run_ordered_pipeline<utr_batch>(
        live_batches,
        [&](utr_batch& batch) {
            if (!input.read(batch.pieces)) return false;
            for (const auto& piece : batch.pieces) batch.targets.push_back(targets_of(piece.record->gene));
            return true;
        },
        [&](utr_batch& batch) {
            std::vector<utr_scan> out;
            for (std::size_t i = 0; i < batch.pieces.size(); ++i) {
                auto& piece = batch.pieces[i];
                utr_scan u{piece.record, piece.seq.size(), {}, std::move(batch.targets[i]), {}, {}, {}};
                scan_piece(index, piece.seq, 0, owned_starts(0, 0, piece.seq.size(), true), u.sites);
                scoring::utr_inputs inputs;
                std::vector<std::uint32_t> orf_8mers;
                std::vector<family_site> orf_sites;
                setup.inputs_for(piece.record->id, inputs, orf_8mers, orf_sites);
                // SA: only the stretches around sites need folding.
                const scoring::unpaired_table unpaired =
                    u.sites.empty() ? scoring::unpaired_table{}
                                    : folds.local().unpaired(piece.seq, scoring::unpaired_rows(u.sites));
                inputs.unpaired = &unpaired;
                scorer.score(piece.seq, u.sites, inputs, orf_8mers, u.scores);
                u.totals = utr_totals(mirnas, u.sites, u.scores);
                if (u.targets.empty()) {
                    u.sites = {};
                    u.scores = {};
                } else {
                    u.seq = std::move(piece.seq);
                }
                out.push_back(std::move(u));
            }
            return out;
        },
        [&](std::vector<utr_scan>& scans) {
            for (auto& u : scans) {
                ++r.utrs;
                ranking.add(u);
                if (!u.targets.empty()) r.kept.push_back(std::move(u));
            }
        });
    ranking.finish();
    r.genes = ranking.genes();

    scoring::duplex_folder folder(params);
    for (auto& p : r.pairs) {
        for (const auto& u : r.kept)
            if (std::find(u.targets.begin(), u.targets.end(), p.target) != u.targets.end())
                p.utrs.push_back(make_utr_view(u, mirnas, p.mirna, ranking, folder));
        // More negative total first, then more sites of the stronger types.
        auto better = [](const utr_view& a, const utr_view& b) {
            if (a.total != b.total) return a.total < b.total;
            return std::lexicographical_compare(b.counts.begin(), b.counts.end(), a.counts.begin(), a.counts.end());
        };
        for (std::size_t i = 1; i < p.utrs.size(); ++i)
            if (better(p.utrs[i], p.utrs[p.best])) p.best = i;
        for (auto& u : p.utrs) u.verdict = verdict_of(u, r.genes, !p.claims.empty(), 1);
        if (!p.utrs.empty()) p.gene_verdict = verdict_of(p.utrs[p.best], r.genes, !p.claims.empty(), p.utrs.size());
    }
}

mirna_set load_mirnas(const validate_args& args, std::string& description) {
    if (args.mirna_file.empty()) {
        description = std::string(reference::builtin_mirna_description());
        return io::read_mirnas(io::byte_source::from_memory("built-in miRNA set", reference::builtin_mirna_fasta()));
    }
    description = args.mirna_file;
    return io::read_mirnas(io::byte_source::open(args.mirna_file));
}

std::uint32_t add_mirna(mirna_set& chosen, const mirna& m) {
    if (const auto* known = chosen.find(m.name)) return static_cast<std::uint32_t>(known - chosen.mirnas().data());
    chosen.add(m.name, m.accession, m.sequence);
    return static_cast<std::uint32_t>(chosen.size() - 1);
}

bool claim_on(const reference::claim& c, const std::string& mirna, const target_gene& target) {
    return upper(c.mirna) == upper(mirna) && names_match(names_of_gene(c.gene), target);
}

std::string utr_list(const report& r, std::uint32_t target) {
    std::vector<std::string> ids;
    for (const auto& u : r.kept)
        if (std::find(u.targets.begin(), u.targets.end(), target) != u.targets.end())
            ids.push_back(u.record->id + " (" + u.record->gene + ")");
    return join(ids, ", ");
}

const std::string rank_description =
    "genes of the input ranked by total context++ for the miRNA (the set of non-overlapping sites with the most negative "
    "sum, in the gene's best UTR); 1 = most negative; genes without a scored site total 0; a UTR's rank counts the other "
    "genes more negative than its own total; percentile = 100 x rank / genes; a total of 0 is not ranked (NA)";

// ---- text report (one miRNA and gene) ----

// The diagram with its ends labelled: UTR 5'-3' above, miRNA 3'-5' below.
std::array<std::string, 3> labelled_diagram(const std::array<std::string, 3>& d) {
    const std::size_t w = std::max(d[0].size(), d[2].size());
    auto padded = [&](const std::string& s) { return s + std::string(w - s.size(), ' '); };
    std::string pairs = d[1];
    while (!pairs.empty() && pairs.back() == ' ') pairs.pop_back();
    return {"5' " + padded(d[0]) + " 3'", "   " + pairs, "3' " + padded(d[2]) + " 5'"};
}

void append_diagram(std::string& out, const std::array<std::string, 3>& d) {
    const auto lines = labelled_diagram(d);
    out += "\tUTR    " + lines[0] + "\n\t       " + lines[1] + "\n\tmiRNA  " + lines[2] + "\n";
}

std::string text_report(const report& r) {
    std::string out;
    for (const auto& p : r.pairs) {
        const auto& m = r.mirnas.mirnas()[p.mirna];
        out += "\nmirna\t" + m.name + "\t" + (m.accession.empty() ? "NA" : m.accession) + "\t" + m.sequence + "\tseed " +
               r.mirnas.families()[m.family].seed + "\n";
        if (p.claims.empty()) out += "claim\tnone in the claims table for " + m.name + " and " + display_name(r.targets[p.target]) + "\n";
        for (const auto* c : p.claims)
            out += "claim\t" + c->id + "\t" + c->effect + "\t" + c->citation + "\t\"" + c->quote + "\"\n";
        for (const auto& u : p.utrs) {
            out += "utr\t" + u.utr->record->id + "\t" + u.utr->record->gene + "\t" + std::to_string(u.utr->length) + " nt\n";
            for (const auto& s : u.sites) {
                out += "site\t" + std::string(name_of(s.type)) + "\t" + std::to_string(s.start + 1) + "-" +
                       std::to_string(s.start + length_of(s.type)) + "\t" + s.seq + "\tcontext++ " +
                       (s.score ? fixed3(*s.score) : "NA") + "\n";
                append_diagram(out, s.diagram);
                out += "\tduplex " + s.duplex_text + "\n";
                for (const auto& line : s.duplex_lines) out += "\t       " + line + "\n";
            }
            out += "verdict\t" + u.utr->record->id + "\t" + u.verdict.text + "\n";
        }
        const auto& best = p.utrs[p.best];
        out += "gene\t" + display_name(r.targets[p.target]) + "\tbest UTR " + best.utr->record->id + "\tcontext++ " + fixed3(best.total) +
               "\t" + rank_text(best.rank, r.genes) + "\n";
    }
    return out;
}

// ---- table (--curated-all) ----

std::string table_row(const report& r, const reference::claim& c, const pair_view& p) {
    const auto& best = p.utrs[p.best];
    std::string row = c.id + "\t" + r.mirnas.mirnas()[p.mirna].name + "\t" + c.gene + "\t" + c.effect + "\t" + c.citation + "\t" +
                      std::to_string(p.utrs.size()) + "\t" + best.utr->record->id;
    for (auto n : best.counts) row += "\t" + std::to_string(n);
    row += "\t" + best_site(best) + "\t" + fixed3(best.total) + "\t" + min_duplex_dg(best) + "\t" + (best.rank ? std::to_string(best.rank) + "\t" +
                         fixed3(100.0 * static_cast<double>(best.rank) / static_cast<double>(r.genes))
                                   : "NA\tNA") +
           "\t" + p.gene_verdict.text + "\n";
    return row;
}

constexpr std::string_view table_header =
    "claim\tmirna\tgene\teffect\tcitation\tutrs\tbest_utr\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\tbest_site\tcontext++\t"
    "min_duplex_dG\trank\tpercentile\tverdict\n";

// ---- HTML ----

std::string html_pair(const report& r, const pair_view& p, std::size_t number) {
    const auto& m = r.mirnas.mirnas()[p.mirna];
    const auto& target = r.targets[p.target];
    std::string h = "<section id=\"pair-" + std::to_string(number) + "\">\n<h2>" + io::html_escape(m.name) + " &#8594; " +
                    io::html_escape(display_name(target)) + "</h2>\n";
    h += "<p class=\"note\">" + io::html_escape(m.name) + (m.accession.empty() ? "" : " (" + io::html_escape(m.accession) + ")") +
         ": <code>" + m.sequence + "</code>, seed (nt 2-8) <code>" + r.mirnas.families()[m.family].seed + "</code>. Gene " +
         io::html_escape(target.name) + ": " + io::html_escape(target.how) + ".</p>\n";
    h += "<h3>Curated claims</h3>\n";
    if (p.claims.empty()) h += "<p class=\"note\">No claim in the claims table for this miRNA and gene.</p>\n";
    for (const auto* c : p.claims)
        h += "<p><b>" + io::html_escape(c->id) + "</b> " + io::html_escape(c->effect) + " &#8212; " + io::html_escape(c->citation) +
             (c->cancer_type.empty() ? "" : " (" + io::html_escape(c->cancer_type) + ")") + "</p>\n<blockquote>&#8220;" +
             io::html_escape(c->quote) + "&#8221;</blockquote>\n";
    for (const auto& u : p.utrs) {
        const auto& rec = *u.utr->record;
        h += "<h3>UTR " + io::html_escape(rec.id) + " (" + io::html_escape(rec.gene) + ", " + with_commas(u.utr->length) + " nt)</h3>\n";
        h += "<div class=\"verdict " + std::string(support_names[static_cast<std::size_t>(u.verdict.level)]) + "\">" +
             io::html_escape(u.verdict.text) + "</div>\n";
        std::vector<io::map_mark> marks;
        for (const auto& s : u.sites)
            marks.push_back({s.start, length_of(s.type), static_cast<std::size_t>(s.type),
                             std::string(name_of(s.type)) + " " + std::to_string(s.start + 1),
                             std::string(name_of(s.type)) + " at " + std::to_string(s.start + 1) + "-" +
                                 std::to_string(s.start + length_of(s.type)) + ", " + s.seq + ", context++ " +
                                 (s.score ? fixed3(*s.score) : "NA")});
        h += io::svg_sequence_map(u.utr->length, marks, site_kinds);
        if (u.sites.empty()) continue;
        h += "<table>\n<tr><th>type</th><th>position</th><th>site</th><th>context++</th><th>pairing (UTR above, miRNA below)</th>"
             "<th>duplex (dG kcal/mol, structure miRNA&amp;UTR)</th></tr>\n";
        for (const auto& s : u.sites) {
            const auto lines = labelled_diagram(s.diagram);
            h += "<tr><td>" + std::string(name_of(s.type)) + "</td><td class=\"num\">" + std::to_string(s.start + 1) + "-" +
                 std::to_string(s.start + length_of(s.type)) + "</td><td><code>" + io::html_escape(s.seq) +
                 "</code></td><td class=\"num\">" + (s.score ? fixed3(*s.score) : "NA") + "</td><td><pre>" +
                 io::html_escape(join({lines[0], lines[1], lines[2]}, "\n")) + "</pre></td><td><code>" +
                 io::html_escape(s.duplex_text) + "</code><pre>" + io::html_escape(join(s.duplex_lines, "\n")) + "</pre></td></tr>\n";
        }
        h += "</table>\n";
    }
    return h + "</section>\n";
}

std::string html_inputs(const std::string& command_line, const std::vector<std::pair<std::string, std::string>>& params) {
    std::string h = "<p class=\"note\"><code>" + io::html_escape(command_line) + "</code><br>\n";
    for (const auto& [name, value] : params) h += "<b>" + io::html_escape(name) + "</b>: " + io::html_escape(value) + "<br>\n";
    return h + "</p>\n";
}

using claim_rows = std::vector<std::pair<const reference::claim*, std::size_t>>;  // claim, its pair

std::string verdict_cell(const assessment& v) {
    return "<td class=\"" + std::string(support_names[static_cast<std::size_t>(v.level)]) + "\">" + io::html_escape(v.text) + "</td>";
}

// The page: inputs, a summary table linking to one section per pair (miRNA and gene).
std::string html_report(const report& r, const validate_args& args, const std::string& command_line,
                        const std::vector<std::pair<std::string, std::string>>& params, const claim_rows& rows) {
    std::string body;
    auto link = [](std::size_t pair, const std::string& text) {
        return "<a href=\"#pair-" + std::to_string(pair) + "\">" + io::html_escape(text) + "</a>";
    };
    if (args.curated_all) {
        body = "<h1>mirhit validate --curated-all</h1>\n" + html_inputs(command_line, params);
        body += "<table>\n<tr><th>claim</th><th>miRNA</th><th>gene</th><th>effect</th><th>citation</th><th>best UTR</th>"
                "<th>context++</th><th>lowest duplex dG</th><th>rank</th><th>verdict</th></tr>\n";
        for (const auto& [c, p] : rows) {
            const auto& pair = r.pairs[p];
            if (pair.utrs.empty()) continue;
            const auto& best = pair.utrs[pair.best];
            body += "<tr><td>" + link(p, c->id) + "</td><td class=\"name\">" + io::html_escape(r.mirnas.mirnas()[pair.mirna].name) +
                    "</td><td>" + io::html_escape(c->gene) + "</td><td class=\"name\">" + io::html_escape(c->effect) + "</td><td>" +
                    io::html_escape(c->citation) +
                    "</td><td>" + io::html_escape(best.utr->record->id) + "</td><td class=\"num\">" + fixed3(best.total) +
                    "</td><td class=\"num\">" + min_duplex_dg(best) + "</td><td class=\"num\">" + (best.rank ? std::to_string(best.rank) : "NA") + "</td>" + verdict_cell(pair.gene_verdict) +
                    "</tr>\n";
        }
    } else {
        body = "<h1>mirhit validate: " + io::html_escape(args.mirna) + " &#8594; " + io::html_escape(args.gene) + "</h1>\n" +
               html_inputs(command_line, params);
        body += "<table>\n<tr><th>miRNA</th><th>UTR</th><th>claims</th><th>context++</th><th>rank</th><th>verdict</th></tr>\n";
        for (std::size_t p = 0; p < r.pairs.size(); ++p) {
            std::vector<std::string> ids;
            for (const auto* c : r.pairs[p].claims) ids.push_back(c->id);
            for (const auto& u : r.pairs[p].utrs)
                body += "<tr><td class=\"name\">" + link(p, r.mirnas.mirnas()[r.pairs[p].mirna].name) + "</td><td>" +
                        io::html_escape(u.utr->record->id) +
                        "</td><td>" + io::html_escape(ids.empty() ? "none" : join(ids, ", ")) + "</td><td class=\"num\">" +
                        fixed3(u.total) + "</td><td class=\"num\">" + (u.rank ? std::to_string(u.rank) : "NA") + "</td>" +
                        verdict_cell(u.verdict) + "</tr>\n";
        }
    }
    body += "</table>\n";
    for (std::size_t p = 0; p < r.pairs.size(); ++p)
        if (!r.pairs[p].utrs.empty()) body += html_pair(r, r.pairs[p], p);
    return io::html_page(args.curated_all ? "mirhit validate --curated-all" : "mirhit validate " + args.mirna + " " + args.gene, body);
}

// --curated-all: one pair per claimed miRNA and gene; rows are the claims in table order with
// their pair. Claims whose miRNA is not in the set go to unknown_mirna.
void plan_curated_all(report& r, const mirna_set& all, const std::vector<reference::claim>& claims, claim_rows& rows,
                      std::vector<std::string>& unknown_mirna) {
    std::map<std::string, std::uint32_t> target_of_gene;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> pair_index;
    for (const auto& c : claims) {
        const auto* m = all.find(c.mirna);
        if (!m) {
            unknown_mirna.push_back(c.id + " " + c.mirna);
            continue;
        }
        const auto mi = add_mirna(r.mirnas, *m);
        auto [t, new_target] = target_of_gene.try_emplace(upper(c.gene), static_cast<std::uint32_t>(r.targets.size()));
        if (new_target) r.targets.push_back(resolve_target(c.gene));
        auto [p, new_pair] = pair_index.try_emplace({mi, t->second}, r.pairs.size());
        if (new_pair) r.pairs.push_back({mi, t->second, {}, {}, 0, {}});
        r.pairs[p->second].claims.push_back(&c);
        rows.emplace_back(&c, p->second);
    }
}

// MIRNA GENE: one pair per candidate miRNA of the name. Returns how the name was resolved.
std::string plan_one_gene(report& r, const validate_args& args, const mirna_set& all, const std::string& mirna_source,
                          const std::vector<reference::claim>& claims) {
    std::vector<std::string> names;
    for (const auto& m : all.mirnas()) names.push_back(m.name);
    std::string how;
    const auto resolutions = reference::resolve_mirna(args.mirna, names);
    for (const auto& res : resolutions) {
        how += (how.empty() ? "" : "; ") + (resolutions.size() > 1 ? res.written + ": " : "") + res.how;
        for (const auto& n : res.names) add_mirna(r.mirnas, *all.find(n));
    }
    if (r.mirnas.empty()) throw input_error(args.mirna + ": " + how + " (" + mirna_source + ")");
    r.targets.push_back(resolve_target(args.gene));
    for (std::uint32_t m = 0; m < r.mirnas.size(); ++m) {
        pair_view p{m, 0, {}, {}, 0, {}};
        for (const auto& c : claims)
            if (claim_on(c, r.mirnas.mirnas()[m].name, r.targets[0])) p.claims.push_back(&c);
        r.pairs.push_back(std::move(p));
    }
    const auto n = r.mirnas.size();
    return args.mirna + " (" + how + ")" + (n > 1 ? "; each of the " + std::to_string(n) + " is validated" : "");
}

}  // namespace

void run_validate(const validate_args& args, const std::string& command_line) {
    std::string mirna_source, claims_source;
    const mirna_set all = load_mirnas(args, mirna_source);
    const auto claims = load_claims(args.extra_claims, args.no_builtin, claims_source);
    std::vector<std::pair<std::string, std::string>> params = {
        {"utrs", join(args.utr_files, " ")}, {"mirnas", mirna_source}, {"claims", claims_source}};
    report r;
    claim_rows rows;
    std::vector<std::string> unknown_mirna;
    if (args.curated_all) {
        if (claims.empty()) throw input_error("no claims: --no-builtin needs at least one --curated table with rows");
        plan_curated_all(r, all, claims, rows, unknown_mirna);
        if (rows.empty()) throw input_error("no claim's miRNA is in " + mirna_source);
    } else {
        params.emplace_back("mirna", plan_one_gene(r, args, all, mirna_source, claims));
    }

    const scoring::energy_choice energy(args.energy_params_file);
    scan_and_rank(r, args, energy.params());

    std::string text;
    if (args.curated_all) {
        std::vector<std::string> absent;
        std::size_t present = 0;
        for (const auto& [c, p] : rows) {
            if (r.pairs[p].utrs.empty()) {
                absent.push_back(c->id + " " + c->gene);
                continue;
            }
            ++present;
            text += table_row(r, *c, r.pairs[p]);
        }
        text = std::string(table_header) + text;
        params.emplace_back("rows", std::to_string(present) + " claims whose gene has a UTR in the input, in table order");
        params.emplace_back("not_in_input", std::to_string(absent.size()) + " claims whose gene has no UTR in the input" +
                                                (absent.empty() ? "" : ": " + join(absent, ", ")));
        if (!unknown_mirna.empty())
            params.emplace_back("not_in_mirnas", std::to_string(unknown_mirna.size()) + " claims whose miRNA is not in the miRNA set: " +
                                                     join(unknown_mirna, ", "));
    } else {
        const auto& target = r.targets[0];
        if (r.pairs[0].utrs.empty())
            throw input_error(target.name + " (" +
                              (target.known ? "resolved to " + join(target.symbols, ", ") : "not a known gene symbol or alias") +
                              ") has no UTR in " + join(args.utr_files, ", "));
        params.emplace_back("gene", target.name + " (" + target.how + "); UTRs in the input: " + utr_list(r, 0));
        text = text_report(r);
    }
    params.emplace_back("input", with_commas(r.utrs) + " UTRs of " + with_commas(r.genes) + " genes");
    params.emplace_back("score", r.score_description);
    params.emplace_back("duplex", "miRNA-UTR duplex of each site, " + scoring::duplex_description(energy.source()) +
                                      "; diagram: UTR 5'-3' above, miRNA 3'-5' below");
    params.emplace_back("rank", rank_description);

    std::unique_ptr<io::atomic_output> html;
    if (!args.html.empty()) {
        html = std::make_unique<io::atomic_output>(args.html);
        html->write(html_report(r, args, command_line, params, rows));
    }
    io::atomic_output out(args.output);
    out.write(io::format_preamble(io::output_format::tsv, {command_line, params}));
    out.write(text);
    if (html) html->commit();
    out.commit();
}

}  // namespace mirhit::app
