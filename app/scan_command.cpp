#include "app/scan_command.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "app/claim_marks.hpp"
#include "app/curated_command.hpp"
#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "io/atomic_output.hpp"
#include "io/fasta_reader.hpp"
#include "io/gene_summary.hpp"
#include "io/mirna_reader.hpp"
#include "io/score_inputs.hpp"
#include "io/site_writer.hpp"
#include "io/ta_table.hpp"
#include "io/utr_header.hpp"
#include "reference/builtin_mirnas.hpp"
#include "scoring/context_score.hpp"
#include "scoring/gene_score.hpp"

#include <oneapi/tbb/info.h>

namespace mirhit::app {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

mirna_set load_mirnas(const scan_args& args, std::string& description) {
    mirna_set all;
    if (args.mirna_file.empty()) {
        all = io::read_mirnas(io::byte_source::from_memory("built-in miRNA set", reference::builtin_mirna_fasta()), args.species);
        description = std::string(reference::builtin_mirna_description());
    } else {
        all = io::read_mirnas(io::byte_source::open(args.mirna_file), args.species);
        description = args.mirna_file;
    }
    if (all.empty()) throw input_error(description + ": no miRNAs");
    if (args.mirna_names.empty()) return all;
    mirna_set chosen;
    for (const auto& name : args.mirna_names) {
        const auto* m = all.find(name);
        if (!m) throw input_error("--mirnas: no miRNA named '" + name + "' in " + description);
        if (chosen.find(name)) continue;
        chosen.add(m->name, m->accession, m->sequence);
    }
    return chosen;
}

site_type_set parse_sites(const std::vector<std::string>& names) {
    if (names.empty()) return site_type_set::all();
    site_type_set set;
    for (const auto& name : names) set.insert(parse_site_type(name).value());  // names checked by the parser
    return set;
}

std::string site_list(site_type_set types) {
    std::vector<std::string> names;
    for (std::size_t t = 0; t < site_type_count; ++t)
        if (types.contains(static_cast<site_type>(t))) names.emplace_back(site_type_names[t]);
    return join(names, ",");
}

// The UTR files read one after another, with record ids checked for duplicates across them.
class utr_input {
public:
    // whole: every record in one piece (for scoring).
    utr_input(const std::vector<std::string>& files, std::size_t chunk, bool whole)
        : files_(files), chunk_(chunk), whole_(whole) {}

    bool read(std::vector<io::sequence_piece>& pieces) {
        while (true) {
            if (!reader_) {
                if (next_file_ == files_.size()) return false;
                reader_ = std::make_unique<io::fasta_reader>(io::byte_source::open(files_[next_file_++]), site_context,
                                                             [this](io::record_header& r) { check_header(r); });
                if (whole_) reader_->keep_records_whole();
            }
            if (reader_->read_batch(pieces, chunk_)) return true;
            if (reader_->unavailable())
                std::cerr << "mirhit: warning: " << reader_->name() << ": skipped " << reader_->unavailable()
                          << " record(s) whose sequence is 'Sequence unavailable' (Ensembl BioMart), the first at line "
                          << reader_->first_unavailable_line() << "\n";
            reader_.reset();
        }
    }

private:
    void check_header(io::record_header& record) {
        io::parse_utr_header(record);
        auto [it, is_new] = first_seen_.try_emplace(record.id, record.file + ":" + std::to_string(record.line));
        if (!is_new)
            throw input_error_at(record.file, record.line, "duplicate record id '" + record.id + "' (first at " + it->second + ")");
    }

    const std::vector<std::string>& files_;
    std::size_t chunk_;
    bool whole_;
    std::size_t next_file_ = 0;
    std::unique_ptr<io::fasta_reader> reader_;
    std::unordered_map<std::string, std::string> first_seen_;
};

struct scan_batch {
    std::vector<io::sequence_piece> pieces;
};

// What context++ scoring needs beyond the UTRs.
struct score_setup {
    std::optional<scoring::ta_values> ta_from_file;
    const scoring::ta_values& ta() const { return ta_from_file ? *ta_from_file : io::builtin_ta_values(); }
    io::orf_table orfs;
    std::unique_ptr<seed_index> orf_index;  // 8mers only
    io::isoform_table isoforms;
    io::pct_table pct;
    std::string description;
};

score_setup load_score_inputs(const scan_args& args, const mirna_set& mirnas) {
    score_setup s;
    if (!args.ta_file.empty()) s.ta_from_file = io::read_ta_table(io::byte_source::open(args.ta_file));
    std::vector<std::string> used = {"intercept", "3P_score", "Local_AU", "Min_dist", "Len_3UTR", "Off6m", "TA_3UTR",
                                     "SPS", "sRNA1", "sRNA8", "Site8"};
    std::vector<std::string> left_out = {"SA (site accessibility is not computed yet)"};
    if (!args.pct_file.empty()) {
        s.pct = io::read_pct(io::byte_source::open(args.pct_file), args.pct_species);
        used.emplace_back("PCT (sites in " + args.pct_file + ", species " + args.pct_species + ")");
    } else {
        left_out.emplace_back("PCT (no --pct)");
    }
    if (!args.orf_file.empty()) {
        s.orfs = io::read_orfs(io::byte_source::open(args.orf_file));
        site_type_set eight;
        eight.insert(site_type::eight_mer);
        s.orf_index = std::make_unique<seed_index>(mirnas.families(), eight);
        used.insert(used.end(), {"Len_ORF", "ORF8m"});
    } else {
        left_out.emplace_back("Len_ORF and ORF8m (no --orf)");
    }
    if (!args.isoforms_file.empty()) s.isoforms = io::read_isoforms(io::byte_source::open(args.isoforms_file));
    s.description = "context++ (Agarwal et al. 2015, eLife 4:e05005); terms: " + join(used, ",") +
                    "; left out (contribution 0, NA): " + join(left_out, "; ") + "; TA: " + s.ta().source +
                    "; isoforms: " + (args.isoforms_file.empty() ? "none (one isoform per UTR)" : args.isoforms_file);
    return s;
}

struct summary_part {
    std::shared_ptr<const io::record_header> record;
    std::vector<std::uint32_t> events;  // the sites it counts
    std::vector<io::utr_score> scores;  // per miRNA, with --score
};

struct scan_result {
    std::string text;
    std::vector<summary_part> summary;  // per piece, when a gene summary is wanted
    std::vector<std::shared_ptr<const io::record_header>> records;  // records that start in this batch
    std::vector<std::pair<std::uint32_t, site_type>> claim_sites;   // (claim, type) of sites on claimed pairs
};

// Per miRNA of one UTR: the best non-overlapping total, CWCS with isoform ratios, the best site.
std::vector<io::utr_score> summarise_scores(const mirna_set& mirnas, std::span<const family_site> sites,
                                            std::span<const std::optional<scoring::site_score>> scores,
                                            std::span<const scoring::air_region> isoforms) {
    std::map<std::uint32_t, std::vector<scoring::scored_site>> by_mirna;
    std::map<std::uint32_t, std::pair<const family_site*, double>> best;
    std::size_t pair = 0;
    for (const auto& s : sites)
        for (auto m : mirnas.families()[s.family].members) {
            const auto& score = scores[pair++];
            if (!score) continue;
            const std::uint64_t end = s.start + length_of(s.type);
            by_mirna[m].push_back({s.start, end, score->score, scoring::air_of_site(isoforms, end)});
            auto [it, is_new] = best.try_emplace(m, &s, score->score);
            if (!is_new && score->score < it->second.second) it->second = {&s, score->score};
        }
    std::vector<io::utr_score> out;
    std::vector<std::size_t> chosen;
    for (const auto& [m, list] : by_mirna) {
        io::utr_score u{m, scoring::best_total(list, &chosen), std::numeric_limits<double>::quiet_NaN(), {}};
        if (!isoforms.empty()) u.cwcs = scoring::cumulative_weighted_score(list, chosen);
        const auto& [site, score] = best.at(m);
        char number[32];
        std::snprintf(number, sizeof number, "%.3f", score);
        u.best_site = std::string(name_of(site->type)) + ":" + std::to_string(site->start + 1) + ":" + number;
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace

void run_scan(const scan_args& args, const std::string& command_line) {
    std::string mirna_source;
    const mirna_set mirnas = load_mirnas(args, mirna_source);
    const site_type_set types = parse_sites(args.sites);
    const auto format = io::parse_output_format(args.format).value();  // checked by the parser
    const bool scored = !args.score.empty();
    // Scoring counts offset 6mers whatever --sites says.
    const seed_index index(mirnas.families(), scored ? site_type_set::all() : types);
    const io::site_formatter formatter(format, mirnas, scored);
    std::optional<score_setup> setup;
    std::optional<scoring::context_scorer> scorer;
    if (scored) {
        setup.emplace(load_score_inputs(args, mirnas));
        scorer.emplace(mirnas, setup->ta());
    }

    std::string claims_source;
    claim_marks marks(load_claims(args.curated_files, args.no_builtin_claims, claims_source), mirnas);

    io::run_metadata meta{command_line,
                          {{"utrs", join(args.utr_files, " ")},
                           {"mirnas", mirna_source + (args.species.empty() ? "" : ", species " + args.species) + "; scanned: " +
                                          std::to_string(mirnas.size()) + " miRNAs in " +
                                          std::to_string(mirnas.families().size()) + " seed families (nt 2-8)"},
                           {"sites", site_list(types)},
                           {"near_stop", "sites starting in the first " + std::to_string(near_stop_length) +
                                             " nt of a UTR are flagged"},
                           {"format", args.format},
                           {"claims", claims_source + "; matched on the UTR's gene symbol"}}};
    if (setup) meta.parameters.emplace_back("score", setup->description);
    io::atomic_output out(args.output);
    // Written with the first results, so that input rejected at once leaves standard output empty.
    bool started = false;
    auto start_output = [&] {
        if (started) return;
        started = true;
        out.write(io::format_preamble(format, meta));
        out.write(formatter.column_header());
    };
    std::unique_ptr<io::gene_summary_writer> summary;
    if (!args.gene_summary.empty())
        summary = std::make_unique<io::gene_summary_writer>(args.gene_summary, mirnas,
                                                            io::format_preamble(io::output_format::tsv, meta), scored);

    utr_input input(args.utr_files, args.chunk_size, scored);
    const auto& members = mirnas.families();
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    run_ordered_pipeline<scan_batch>(
        live_batches, [&](scan_batch& batch) { return input.read(batch.pieces); },
        [&](scan_batch& batch) {
            scan_result result;
            // Kept per thread: fresh buffers for every batch cost page faults.
            thread_local std::vector<family_site> sites;
            thread_local std::vector<std::optional<scoring::site_score>> scores;
            thread_local std::vector<family_site> orf_sites;
            thread_local std::vector<std::uint32_t> orf_8mers;
            for (const auto& piece : batch.pieces) {
                if (piece.offset == 0) result.records.push_back(piece.record);
                sites.clear();
                const auto owned = owned_starts(piece.offset, piece.overlap, piece.seq.size(), piece.last);
                scan_piece(index, piece.seq, piece.offset, owned, sites);
                std::span<const scoring::air_region> iso_regions;
                if (scorer) {
                    scoring::utr_inputs inputs;
                    orf_8mers.clear();
                    if (auto orf = setup->orfs.find(piece.record->id); orf != setup->orfs.end()) {
                        inputs.orf_length = orf->second.size();
                        orf_sites.clear();
                        scan_piece(*setup->orf_index, orf->second, 0, owned_starts(0, 0, orf->second.size(), true), orf_sites);
                        orf_8mers.assign(mirnas.families().size(), 0);
                        for (const auto& o : orf_sites) ++orf_8mers[o.family];
                    }
                    if (auto iso = setup->isoforms.find(piece.record->id); iso != setup->isoforms.end()) inputs.isoforms = iso->second;
                    iso_regions = inputs.isoforms;
                    if (auto pct = setup->pct.find(piece.record->id); pct != setup->pct.end()) inputs.pct = &pct->second;
                    scorer->score(piece.seq, sites, inputs, orf_8mers, scores);
                }
                std::vector<std::uint32_t> events;
                std::size_t pairs = 0;
                for (const auto& s : sites) pairs += members[s.family].members.size();
                // Rows are about 70 bytes, 330 with scores; grow geometrically, ahead of the rows.
                const std::size_t needed = result.text.size() + pairs * (scorer ? 330 : 70);
                if (needed > result.text.capacity()) result.text.reserve(std::max(needed, 2 * result.text.capacity()));
                std::size_t pair = 0;
                for (const auto& s : sites) {
                    const std::string_view letters(piece.seq.data() + (s.start - piece.offset), length_of(s.type));
                    const bool near_stop = s.start < near_stop_length;
                    const bool wanted = types.contains(s.type);
                    for (auto m : members[s.family].members) {
                        const auto* score = scorer && scores[pair] ? &*scores[pair] : nullptr;
                        ++pair;
                        if (!wanted) continue;
                        const auto* mark = marks.find(m, piece.record->gene);
                        if (mark)
                            for (auto c : marks.claims_of(m, piece.record->gene)) result.claim_sites.emplace_back(c, s.type);
                        formatter.append(result.text, *piece.record, letters, s.start, s.type, m, mark, score);
                        if (summary) events.push_back(io::summary_event(m, s.type, near_stop));
                    }
                }
                if (summary) {
                    std::vector<io::utr_score> utr_scores;
                    if (scorer) utr_scores = summarise_scores(mirnas, sites, scores, iso_regions);
                    result.summary.push_back({piece.record, std::move(events), std::move(utr_scores)});
                }
            }
            return result;
        },
        [&](scan_result& result) {
            start_output();
            out.write(result.text);
            for (const auto& record : result.records) marks.add_utr(record->id, record->gene);
            for (const auto& [claim, type] : result.claim_sites) marks.add_site(claim, type);
            if (summary)
                for (const auto& part : result.summary) summary->add(part.record->gene, part.events, part.scores, part.record->id);
        });
    start_output();
    if (format == io::output_format::tsv) out.write(marks.footer());
    if (summary) summary->finish();
    if (!args.claims_file.empty()) {
        io::atomic_output claims_out(args.claims_file);
        claims_out.write(io::format_preamble(io::output_format::tsv, meta));
        claims_out.write(marks.table());
        claims_out.commit();
    }
    out.commit();
}

}  // namespace mirhit::app
