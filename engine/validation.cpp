#include "engine/validation.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "core/text.hpp"
#include "engine/scan_request.hpp"
#include "engine/utr_input.hpp"
#include "io/claims_file.hpp"
#include "io/mirna_reader.hpp"
#include "io/utr_index_builder.hpp"
#include "reference/gene_aliases.hpp"
#include "reference/mirna_names.hpp"
#include "scoring/context_features.hpp"
#include "scoring/context_score.hpp"
#include "scoring/duplex.hpp"
#include "scoring/energy_params.hpp"
#include "scoring/gene_score.hpp"

namespace mirhit::engine {

using io::assessment;
using io::pair_view;
using io::site_view;
using io::support;
using io::target_gene;
using io::utr_view;

namespace {

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
        for (auto m : members_of(mirnas.families()[s.family].members, s))
            if (const auto& score = scores[pair++]) by_mirna[m].push_back({s.start, s.start + length_of(s.type), score->score});
    std::vector<std::pair<std::uint32_t, double>> out;
    for (const auto& [m, list] : by_mirna) out.emplace_back(m, scoring::round_like_printf(scoring::best_total(list), 3));
    return out;
}

// The three lines of a pairing diagram: UTR 5' to 3', pairs, miRNA 3' to 5'. TargetScan's for
// scored site types; for offset 6mers, the seed pairs (nt 3-8) drawn the same way.
// Non-canonical sites have none (their duplex diagram shows the pairing).
std::array<std::string, 3> pairing_diagram(std::string_view utr, const family_site& site, std::string_view mirna) {
    if (!is_canonical(site.type)) return {};
    if (site.type != site_type::offset_six_mer) {
        auto p = scoring::three_prime_pairing_of(utr, site.start, site.start + length_of(site.type), site.type, mirna);
        return {io::rna(p.utr), p.pairing, p.mirna};
    }
    // Columns as TargetScan's: the UTR from 15 nt 5' of the site to the nt opposite miRNA nt 1.
    // miRNA nt k faces UTR position start + 8 - k, in column 23 - k (shifted for long miRNAs).
    const std::size_t shift = mirna.size() > 23 ? mirna.size() - 23 : 0;
    std::array<std::string, 3> lines;
    lines[0].assign(shift, ' ');
    for (std::size_t c = 0; c < 23; ++c) {
        const auto pos = static_cast<std::int64_t>(site.start) - 15 + static_cast<std::int64_t>(c);
        lines[0] += pos >= 0 && pos < static_cast<std::int64_t>(utr.size()) ? io::rna(utr.substr(static_cast<std::size_t>(pos), 1))[0] : ' ';
    }
    lines[1].assign(shift + 15, ' ');
    lines[1] += "||||||";
    lines[2].assign(shift + 23 - std::min<std::size_t>(mirna.size(), 23), ' ');
    lines[2].append(mirna.rbegin(), mirna.rend());
    return lines;
}

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

std::string count_list(const std::array<std::size_t, any_site_type_count>& counts, std::size_t first_type) {
    std::vector<std::string> parts;
    for (std::size_t t = first_type; t < any_site_type_count; ++t)
        if (counts[t]) parts.push_back(std::to_string(counts[t]) + " " + std::string(any_site_type_names[t]));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

utr_view make_utr_view(const utr_scan& u, const mirna_set& mirnas, std::uint32_t m, const gene_ranking& ranking,
                       scoring::duplex_folder& folder) {
    utr_view v;
    v.record = u.record;
    v.length = u.length;
    std::vector<scoring::scored_site> scored;
    std::size_t pair = 0;
    for (const auto& s : u.sites)
        for (auto member : members_of(mirnas.families()[s.family].members, s)) {
            const auto& score = u.scores[pair++];
            if (member != m) continue;
            site_view sv{s.type, s.start, io::rna(std::string_view(u.seq).substr(s.start, length_of(s.type))), std::nullopt,
                         pairing_diagram(u.seq, s, mirnas.mirnas()[m].sequence), {}, {}, {}};
            add_duplex(sv, u.seq, mirnas.mirnas()[m].sequence, folder);
            if (score) {
                sv.score = score->score;
                scored.push_back({s.start, s.start + length_of(s.type), score->score});
            }
            ++v.counts[static_cast<std::size_t>(s.type)];
            v.sites.push_back(std::move(sv));
        }
    v.scored = !scored.empty();
    v.total = v.scored ? scoring::round_like_printf(scoring::best_total(scored), 3) : 0.0;
    v.rank = io::genes_ranked(ranking.genes()) ? ranking.rank(m, v.total, u.record->gene) : 0;
    return v;
}


// Scans every UTR once for the report's miRNAs, ranks the genes, and fills the pairs' UTRs.
// Every pair's UTRs with their sites, duplexes, ranks and verdicts, and the pair's best UTR.
void evaluate_pairs(io::validation_report& r, const std::vector<utr_scan>& kept, const gene_ranking& ranking,
                    const scoring::energy_params& params) {
    const auto& mirnas = r.mirnas;
    scoring::duplex_folder folder(params);
    for (auto& p : r.pairs) {
        for (const auto& u : kept)
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
        if (!p.utrs.empty() && io::genes_ranked(r.genes)) p.gene_totals = ranking.totals(p.mirna);
    }
}

// kept: the UTRs of the targets, input order. utr_index: the UTRs and their SA values from an
// index instead of args.utr_files (null: none). Returns the input's gene names, sorted, for the
// message when the one claimed gene has no UTR there (else none).
std::vector<std::string> scan_and_rank(io::validation_report& r, std::vector<utr_scan>& kept, const validate_request& args, site_type_set types,
                   const scoring::energy_params& params, const io::utr_index* utr_index) {
    const auto& mirnas = r.mirnas;
    const seed_index index(mirnas.families(), types, mirnas.mirnas());
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

    utr_input input = utr_index ? utr_input(*utr_index, std::size_t{1} << 18) : utr_input(args.utr_files, std::size_t{1} << 18, true);
    input.show_progress("mirhit validate", progress_mode_for_stderr(args.quiet));
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
                // SA: stored in the index, else folded, only the stretches around sites.
                if (utr_index) inputs.stored = {utr_index->record(piece.record->index).values};
                const scoring::unpaired_table unpaired =
                    utr_index ? scoring::unpaired_table{} : fold_around_sites(folds.local(), piece.seq, u.sites);
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
                ranking.add(u.record->gene, u.totals);
                if (!u.targets.empty()) kept.push_back(std::move(u));
            }
        });
    input.finish_progress();
    ranking.finish();
    r.genes = ranking.genes();

    evaluate_pairs(r, kept, ranking, params);
    const bool gene_missing = !args.curated_all && !r.pairs.empty() && r.pairs[0].utrs.empty();
    return gene_missing ? ranking.names() : std::vector<std::string>{};
}

std::uint32_t add_mirna(mirna_set& chosen, const mirna& m) {
    if (const auto* known = chosen.find(m.name)) return static_cast<std::uint32_t>(known - chosen.mirnas().data());
    chosen.add(m.name, m.accession, m.sequence);
    return static_cast<std::uint32_t>(chosen.size() - 1);
}

bool claim_on(const reference::claim& c, const std::string& mirna, const target_gene& target) {
    return upper(c.mirna) == upper(mirna) && names_match(names_of_gene(c.gene), target);
}

std::string utr_list(const std::vector<utr_scan>& kept, std::uint32_t target) {
    std::vector<std::string> ids;
    for (const auto& u : kept)
        if (std::find(u.targets.begin(), u.targets.end(), target) != u.targets.end())
            ids.push_back(u.record->id + " (" + u.record->gene + ")");
    return join(ids, ", ");
}

// --curated-all: one pair per claimed miRNA and gene; rows are the claims in table order with
// their pair. Claims whose miRNA is not in the set go to unknown_mirna.
void plan_curated_all(io::validation_report& r, const mirna_set& all, const std::vector<reference::claim>& claims, io::claim_rows& rows,
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
        if (new_pair) r.pairs.push_back({mi, t->second, {}, {}, 0, {}, {}});
        r.pairs[p->second].claims.push_back(&c);
        rows.emplace_back(&c, p->second);
    }
}

// MIRNA GENE: one pair per candidate miRNA of the name. Returns how the name was resolved.
std::string plan_one_gene(io::validation_report& r, const validate_request& args, const mirna_set& all, const std::string& mirna_source,
                          const std::vector<reference::claim>& claims) {
    std::vector<std::string> names;
    for (const auto& m : all.mirnas()) names.push_back(m.name);
    std::string how;
    const auto resolutions = reference::resolve_mirna(args.mirna, names);
    for (const auto& res : resolutions) {
        how += (how.empty() ? "" : "; ") + (resolutions.size() > 1 ? res.written + ": " : "") + res.how;
        for (const auto& n : res.names) add_mirna(r.mirnas, *all.find(n));
    }
    if (r.mirnas.empty()) throw input_error(args.mirna + ": " + how + " (" + mirna_source + ")" + reference::mirna_suggestion(args.mirna, names));
    r.targets.push_back(resolve_target(args.gene));
    for (std::uint32_t m = 0; m < r.mirnas.size(); ++m) {
        pair_view p{m, 0, {}, {}, 0, {}, {}};
        for (const auto& c : claims)
            if (claim_on(c, r.mirnas.mirnas()[m].name, r.targets[0])) p.claims.push_back(&c);
        r.pairs.push_back(std::move(p));
    }
    const auto n = r.mirnas.size();
    return args.mirna + " (" + how + ")" + (n > 1 ? "; each of the " + std::to_string(n) + " is validated" : "");
}

}  // namespace

void gene_ranking::add(const std::string& gene, const std::vector<std::pair<std::uint32_t, double>>& totals) {
    auto [it, is_new] = index_.try_emplace(gene, index_.size());
    if (is_new)
        for (auto& b : best_) b.push_back(0);
    for (const auto& [m, total] : totals) best_[m][it->second] = std::min(best_[m][it->second], total);
}

void gene_ranking::finish() {
    sorted_ = best_;
    for (auto& s : sorted_) std::sort(s.begin(), s.end());
}

std::vector<std::string> gene_ranking::names() const {
    std::vector<std::string> out;
    for (const auto& [gene, i] : index_) out.push_back(gene);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t gene_ranking::rank(std::uint32_t mirna, double total, const std::string& gene) const {
    if (total >= 0) return 0;
    const auto& s = sorted_[mirna];
    auto below = static_cast<std::size_t>(std::lower_bound(s.begin(), s.end(), total) - s.begin());
    if (best_[mirna][index_.at(gene)] < total) --below;  // the gene itself, through a better UTR
    return below + 1;
}

// gene_utrs: with more than one, a UTR without sites is the gene's best and speaks for all.
io::assessment verdict_of(const io::utr_view& u, std::size_t genes, bool claimed, std::size_t gene_utrs) {
    std::size_t near_stop = 0;
    for (const auto& s : u.sites)
        if (s.start < near_stop_length && is_canonical(s.type) && s.type != site_type::offset_six_mer) ++near_stop;
    if (u.sites.empty()) {
        std::string text = gene_utrs > 1 ? "none: no site in any of the gene's " + std::to_string(gene_utrs) + " UTR isoforms"
                                         : "none: no site in this UTR isoform";
        if (claimed) text += "; the claim rests on pairing outside the site classes looked for, or another isoform";
        return {support::none, text};
    }
    const bool seven = u.counts[0] + u.counts[1] + u.counts[2] > 0;
    // Where the input is too small to rank genes, the site types alone decide (the "where ranked").
    const bool ranked_input = io::genes_ranked(genes);
    const bool top = u.rank && static_cast<double>(u.rank) <= io::strong_top_fraction * static_cast<double>(genes);
    const auto level = seven ? (top || !ranked_input ? support::strong : support::moderate) : support::weak;
    const std::string sites = u.sites.size() == 1 ? " site" : " sites";
    assessment v{level, std::string(io::support_names[static_cast<std::size_t>(level)]) + ": " +
                            (seven ? count_list(u.counts, 0) + sites : "only " + count_list(u.counts, 3) + sites)};
    if (near_stop) v.text += " (" + std::to_string(near_stop) + " within 15 nt of the stop codon: not scored)";
    v.text += ", context++ " + io::total_text(u) + ", " + io::rank_text(u.rank, genes);
    return v;
}

evaluation evaluate(const validate_request& args) {
    evaluation e;
    auto& r = e.report;
    std::string mirna_source, claims_source;
    const mirna_set all = io::load_mirnas(args.mirna_file, "", mirna_source);
    // Claims live as long as the report, which points into them.
    e.claims = io::load_claims(args.extra_claims, args.no_builtin, claims_source);
    const auto& claims = e.claims;
    const auto utr_index = args.index_file.empty() ? nullptr : std::make_unique<io::utr_index>(args.index_file);
    e.params = {{"utrs", utr_index ? utr_index->description() : join(args.utr_files, " ")}, {"mirnas", mirna_source}, {"claims", claims_source}};
    if (args.curated_all) {
        if (claims.empty()) throw input_error("no claims: --no-builtin needs at least one --curated table with rows");
        plan_curated_all(r, all, claims, e.rows, e.unknown_mirna);
        if (e.rows.empty()) throw input_error("no claim's miRNA is in " + mirna_source);
    } else {
        e.params.emplace_back("mirna", plan_one_gene(r, args, all, mirna_source, claims));
    }
    const scoring::energy_choice energy(args.energy_params_file);
    e.energy_source = energy.source();
    if (utr_index) utr_index->require(io::index_model(scoring::plfold_options{}, energy));
    std::vector<utr_scan> kept;
    e.types = args.sites.empty() ? site_type_set::every() : parse_sites(args.sites);
    const auto input_genes = scan_and_rank(r, kept, args, e.types, energy.params(), utr_index.get());
    if (!args.curated_all) {
        const auto& target = r.targets[0];
        if (r.pairs[0].utrs.empty())
            throw input_error(target.name + " (" +
                              (target.known ? "resolved to " + join(target.symbols, ", ") : "not a known gene symbol or alias") +
                              ") has no UTR in " + (utr_index ? args.index_file : join(args.utr_files, ", ")) +
                              (target.known ? "" : did_you_mean(target.name, input_genes)));
        e.gene_utrs = utr_list(kept, 0);
    }
    return e;
}

}  // namespace mirhit::engine
