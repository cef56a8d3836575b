#include "app/scan_command.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "core/encoding.hpp"
#include "core/text.hpp"
#include "app/claim_marks.hpp"
#include "app/curated_command.hpp"
#include "app/utr_input.hpp"
#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "io/atomic_output.hpp"
#include "io/fasta_reader.hpp"
#include "io/gene_summary.hpp"
#include "io/mirna_reader.hpp"
#include "io/site_counts.hpp"
#include "io/site_writer.hpp"
#include "reference/builtin_mirnas.hpp"
#include "scoring/context_score.hpp"
#include "scoring/duplex.hpp"
#include "scoring/energy_params.hpp"
#include "scoring/gene_score.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>

namespace mirhit::app {

namespace {

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

struct scan_batch {
    std::vector<io::sequence_piece> pieces;
};

struct summary_part {
    std::shared_ptr<const io::record_header> record;
    std::vector<std::uint32_t> events;  // the sites it counts
    std::vector<io::utr_score> scores;  // per miRNA, with --score
};

struct claim_sites {
    std::uint32_t claim;
    site_type type;
    std::uint64_t count;
};

// --format counts: the counts of a piece of a record that spans pieces, added up in input order
// and written with the record's last piece.
struct count_part {
    std::size_t text_end;  // in its batch's text, where the record's rows belong
    std::shared_ptr<const io::record_header> record;
    std::vector<site_count> counts;
    bool last;
};

struct scan_result {
    std::string text;
    std::vector<summary_part> summary;  // per piece, when a gene summary is wanted
    std::vector<std::shared_ptr<const io::record_header>> records;  // records that start in this batch
    std::vector<claim_sites> claims;     // sites on claimed pairs
    std::vector<count_part> count_parts;  // in input order
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

// nt opened for --score access: those opposite miRNA nt 1-8.
constexpr int access_length = 8;

void run_scan(const scan_args& args, const std::string& command_line) {
    std::string mirna_source;
    const mirna_set mirnas = load_mirnas(args, mirna_source);
    const site_type_set types = parse_sites(args.sites);
    // counts: one row per UTR, miRNA and strand; '##' lines, column header and claims footer as tsv.
    const bool counting = args.format == "counts";
    const auto format = counting ? io::output_format::tsv : io::parse_output_format(args.format).value();  // checked by the parser
    const bool scored = scores(args, "context++");
    const bool duplex = scores(args, "duplex");
    const bool access = scores(args, "access");
    // Scoring counts offset 6mers whatever --sites says.
    const seed_index index(mirnas.families(), scored ? site_type_set::all() : types);
    // 8mer and 7mer sites only (the genome-scale case): both strands in one pass, one lookup a base.
    std::optional<seed7_index> index7;
    if (!scored && seed7_index::covers(types) && mirnas.families().size() <= seed7_index::max_families)
        index7.emplace(mirnas.families(), types, args.both_strands);
    io::site_formatter formatter(format, mirnas, scored, args.both_strands, duplex, access);
    const io::count_formatter count_format(mirnas, types, args.both_strands);
    if (args.genome_coords) formatter.write_genome_coords();
    const scoring::energy_choice energy(args.energy_params_file);
    const scoring::energy_params& params = energy.params();
    oneapi::tbb::enumerable_thread_specific<scoring::duplex_folder> folders{scoring::duplex_folder(params)};
    const bool folds_utrs = scored || access;  // accessibility: folded around the sites, once per UTR
    oneapi::tbb::enumerable_thread_specific<scoring::plfold> plfolds([&] { return scoring::plfold(params, args.access); });
    std::optional<score_setup> setup;
    std::optional<scoring::context_scorer> scorer;
    if (scored) {
        setup.emplace(args.score_inputs, mirnas, true);
        scorer.emplace(mirnas, setup->ta());
    }

    std::string claims_source;
    claim_marks marks(load_claims(args.curated_files, args.no_builtin_claims, claims_source), mirnas);

    utr_input input(args.utr_files, args.chunk_size, scored || duplex || access, args.shard);
    if (args.genome_coords) input.require_genome_coords();
    io::run_metadata meta{command_line,
                          {{"utrs", join(args.utr_files, " ")},
                           {"mirnas", mirna_source + (args.species.empty() ? "" : ", species " + args.species) + "; scanned: " +
                                          std::to_string(mirnas.size()) + " miRNAs in " +
                                          std::to_string(mirnas.families().size()) + " seed families (nt 2-8)"},
                           {"sites", site_list(types)},
                           {"near_stop", "sites starting in the first " + std::to_string(near_stop_length) +
                                             " nt of a UTR are flagged"},
                           {"format", args.format},
                           {"strands", args.both_strands ? "both (reverse-strand sites in forward coordinates, strand -)" : "given (+)"},
                           {"claims", claims_source + "; matched on the UTR's gene symbol or its unique alias"}}};
    if (counting) meta.parameters.emplace_back("counts", "sites per UTR, miRNA and strand, by type; rows with sites only");
    if (setup) meta.parameters.emplace_back("score", setup->description());
    if (folds_utrs)
        meta.parameters.emplace_back(
            "accessibility",
            "RNAplfold's model in-process (Bernhart et al. 2006; " + energy.source() +
                ", 37 C, dangles d2): windows of " + std::to_string(args.access.window) + " nt, base pairs j - i <= " +
                std::to_string(args.access.max_span) + ", stretches up to " + std::to_string(args.access.max_unpaired) +
                " nt" + (scored ? "; SA: the 14 nt ending opposite miRNA nt 1" : "") +
                (access ? "; dG_open = -RT ln P(the 8 nt opposite miRNA nt 1-8 unpaired), kcal/mol" : "") +
                (access && duplex ? "; ddG = duplex_dG + dG_open (PITA's ddG = dG_duplex - dG_open, Kertesz et al. 2007, whose dG_open is the negative of this cost)" : ""));
    if (args.genome_coords)
        meta.parameters.emplace_back("coordinates", "genome, from the UTR headers' chrom=, strand= and exons=; BED12, one block per "
                                                    "exon a site touches");
    if (duplex)
        meta.parameters.emplace_back("duplex", "minimum free energy of the miRNA-UTR duplex, " +
                                                   scoring::duplex_description(energy.source()));
    const bool sharded = args.shard.count != 0;
    if (sharded) meta.parameters.emplace_back("shard", format_shard_header({args.shard, input.slice(), args.output_options}));
    io::atomic_output out(args.output);
    const bool gzip_members = out.format() == io::compression::gzip && !counting;
    // Written with the first results, so that input rejected at once leaves standard output empty.
    bool started = false;
    auto start_output = [&] {
        if (started) return;
        started = true;
        out.write(io::format_preamble(format, meta));
        out.write(counting ? count_format.column_header() : formatter.column_header());
    };
    // A shard writes the summary's input, which mirhit merge replays for all shards into one summary.
    std::unique_ptr<io::gene_summary_writer> summary;
    std::unique_ptr<io::gene_summary_log> summary_log;
    const bool summarised = !args.gene_summary.empty();
    if (summarised && sharded)
        summary_log = std::make_unique<io::gene_summary_log>(args.gene_summary, mirnas,
                                                             io::format_preamble(io::output_format::tsv, meta), scored);
    else if (summarised)
        summary = std::make_unique<io::gene_summary_writer>(args.gene_summary, mirnas,
                                                            io::format_preamble(io::output_format::tsv, meta), scored);

    // Family members flattened: read for every site, where the families' own vectors, scattered
    // in memory, cost a cache miss each.
    std::vector<std::uint32_t> member_begin{0}, member_list;
    for (const auto& f : mirnas.families()) {
        member_list.insert(member_list.end(), f.members.begin(), f.members.end());
        member_begin.push_back(static_cast<std::uint32_t>(member_list.size()));
    }
    const auto members_of = [&](std::uint32_t family) {
        return std::span<const std::uint32_t>(member_list.data() + member_begin[family],
                                              member_begin[family + 1] - member_begin[family]);
    };
    // Scored --both-strands: the reverse strand is scored as a UTR of its own, the record's
    // reverse complement (records are whole when scoring).
    const bool mirrored = args.both_strands && (scored || duplex || access);
    // The sites of a piece in output order, but for the mirrored strand's.
    const auto find_sites = [&](const io::sequence_piece& piece, owned_range owned, std::vector<family_site>& sites,
                                std::string& scratch) {
        if (index7) {
            scan_piece_seven(*index7, piece.seq, piece.offset, owned, sites);
            return;
        }
        scan_piece(index, piece.seq, piece.offset, owned, sites);
        if (args.both_strands && !mirrored) {
            scan_piece_reverse(index, piece.seq, piece.offset, owned, sites, scratch);
            std::sort(sites.begin(), sites.end());
        }
    };
    const auto add_events = [&](const family_site& s, std::uint32_t mirna, std::vector<std::uint32_t>& events) {
        events.push_back(io::summary_event(mirna, s.type, !s.reverse && s.start < near_stop_length));
    };
    // --format counts: a record's rows from its counts (in any order).
    const auto write_counts = [&](std::string& text, const io::record_header& record, std::span<const site_count> counts,
                                  std::vector<claim_sites>& claims) {
        struct mirna_count {
            std::uint64_t key;  // miRNA index, then strand
            site_type type;
            std::uint64_t count;
        };
        std::vector<mirna_count> by_mirna;
        for (const auto& c : counts)
            for (auto m : members_of(c.family)) by_mirna.push_back({std::uint64_t{m} << 1 | c.reverse, c.type, c.count});
        std::sort(by_mirna.begin(), by_mirna.end(), [](const mirna_count& x, const mirna_count& y) { return x.key < y.key; });
        const auto gene = marks.claim_gene(record.gene);
        for (std::size_t i = 0, j = 0; i < by_mirna.size(); i = j) {
            std::array<std::uint64_t, site_type_count> per_type{};
            for (j = i; j < by_mirna.size() && by_mirna[j].key == by_mirna[i].key; ++j)
                per_type[static_cast<std::size_t>(by_mirna[j].type)] += by_mirna[j].count;
            const auto m = static_cast<std::uint32_t>(by_mirna[i].key >> 1);
            const auto* mark = marks.find(m, gene);
            if (mark)
                for (auto claim : marks.claims_of(m, gene))
                    for (std::size_t t = 0; t < site_type_count; ++t)
                        if (per_type[t]) claims.push_back({claim, static_cast<site_type>(t), per_type[t]});
            count_format.append(text, record, m, (by_mirna[i].key & 1) != 0, per_type, mark);
        }
    };
    // Pieces this long are counted off 8-mer tallies (seven_counter), shorter ones from their sites.
    constexpr std::size_t tally_min_length = 1u << 15;
    const auto count_piece = [&](const io::sequence_piece& piece, scan_result& result) {
        thread_local std::vector<family_site> sites;
        thread_local std::string scratch;
        thread_local seven_counter counter;
        const auto owned = owned_starts(piece.offset, piece.overlap, piece.seq.size(), piece.last);
        std::vector<site_count> counts;
        std::vector<std::uint32_t> events;
        if (index7 && !summarised && piece.seq.size() >= tally_min_length) {
            counter.count(*index7, piece.seq, piece.offset, owned, counts);
        } else {
            sites.clear();
            find_sites(piece, owned, sites, scratch);
            count_sites(sites, counts);
            if (summarised)
                for (const auto& s : sites)
                    for (auto m : members_of(s.family)) add_events(s, m, events);
        }
        if (summarised) result.summary.push_back({piece.record, std::move(events), {}});
        if (piece.offset == 0 && piece.last)
            write_counts(result.text, *piece.record, counts, result.claims);
        else
            result.count_parts.push_back({result.text.size(), piece.record, std::move(counts), piece.last});
    };
    // The counts of the record whose pieces are being counted, by (family, strand) then type.
    std::vector<std::uint64_t> record_counts(counting ? 2 * mirnas.families().size() * site_type_count : 0);
    const auto add_to_record = [&](std::span<const site_count> counts) {
        for (const auto& c : counts)
            record_counts[(2 * std::size_t{c.family} + c.reverse) * site_type_count + static_cast<std::size_t>(c.type)] += c.count;
    };
    const auto take_record_counts = [&] {
        std::vector<site_count> counts;
        for (std::size_t slot = 0; slot < record_counts.size(); ++slot)
            if (record_counts[slot]) {
                const std::size_t pair = slot / site_type_count;
                counts.push_back({static_cast<std::uint32_t>(pair / 2), pair % 2 == 1,
                                  static_cast<site_type>(slot % site_type_count), record_counts[slot]});
                record_counts[slot] = 0;
            }
        return counts;
    };
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    run_ordered_pipeline<scan_batch>(
        live_batches, [&](scan_batch& batch) { return input.read(batch.pieces); },
        [&](scan_batch& batch) {
            scan_result result;
            if (counting) {
                for (const auto& piece : batch.pieces) {
                    if (piece.offset == 0) result.records.push_back(piece.record);
                    count_piece(piece, result);
                }
                return result;
            }
            // Kept per thread: fresh buffers for every batch cost page faults.
            thread_local std::vector<family_site> sites;
            thread_local std::vector<std::optional<scoring::site_score>> scores;
            thread_local std::vector<family_site> orf_sites;
            thread_local std::vector<std::uint32_t> orf_8mers;
            thread_local std::string reverse_scratch;
            thread_local scoring::unpaired_table unpaired;
            // The reverse strand when mirrored: its sites and scores in its own coordinates.
            thread_local std::string mirror_seq;
            thread_local std::vector<family_site> mirror_sites;
            thread_local std::vector<std::optional<scoring::site_score>> mirror_scores;
            thread_local scoring::unpaired_table mirror_unpaired;
            scoring::duplex_result site_duplex;
            for (const auto& piece : batch.pieces) {
                if (piece.offset == 0) result.records.push_back(piece.record);
                const auto claim_gene = marks.claim_gene(piece.record->gene);
                const auto record_columns = formatter.format_record(*piece.record);
                sites.clear();
                mirror_sites.clear();
                const auto owned = owned_starts(piece.offset, piece.overlap, piece.seq.size(), piece.last);
                find_sites(piece, owned, sites, reverse_scratch);
                if (mirrored) {
                    reverse_complement(piece.seq, mirror_seq);
                    scan_piece(index, mirror_seq, 0, owned_starts(0, 0, mirror_seq.size(), true), mirror_sites);
                }
                std::span<const scoring::air_region> iso_regions;
                if (folds_utrs) {
                    unpaired = sites.empty() ? scoring::unpaired_table{}
                                             : plfolds.local().unpaired(piece.seq, scoring::unpaired_rows(sites));
                    if (mirrored)
                        mirror_unpaired = mirror_sites.empty()
                                              ? scoring::unpaired_table{}
                                              : plfolds.local().unpaired(mirror_seq, scoring::unpaired_rows(mirror_sites));
                }
                if (scorer) {
                    scoring::utr_inputs inputs;
                    setup->inputs_for(piece.record->id, inputs, orf_8mers, orf_sites);
                    inputs.unpaired = &unpaired;
                    iso_regions = inputs.isoforms;
                    scorer->score(piece.seq, sites, inputs, orf_8mers, scores);
                    if (mirrored) {
                        inputs.unpaired = &mirror_unpaired;
                        scorer->score(mirror_seq, mirror_sites, inputs, orf_8mers, mirror_scores);
                    }
                }
                std::vector<std::uint32_t> events;
                std::size_t pairs = 0;
                for (const auto& s : sites) pairs += members_of(s.family).size();
                for (const auto& s : mirror_sites) pairs += members_of(s.family).size();
                // Rows are 70-100 bytes, 330 with context++, 90 more with a duplex; reserved ahead
                // of the rows (pages not written cost nothing), as a regrowth copies them all.
                const std::size_t needed = result.text.size() + pairs * ((scorer ? 330 : 100) + (duplex ? 90 : 0)) + 256;
                if (needed > result.text.capacity()) result.text.reserve(std::max(needed, 2 * result.text.capacity()));
                // The rows of one site. s: in record coordinates; strand_seq, strand_start,
                // strand_unpaired: its strand as read 5'->3' and its start there; site_scores: its
                // members' scores (null unscored).
                const auto write_site = [&](const family_site& s, std::string_view strand_seq, std::uint64_t strand_start,
                                            const scoring::unpaired_table& strand_unpaired,
                                            const std::optional<scoring::site_score>* site_scores) {
                    const std::string_view letters(piece.seq.data() + (s.start - piece.offset), length_of(s.type));
                    const bool wanted = types.contains(s.type);
                    const auto site_columns = wanted ? formatter.format_site(letters, s.start, s.type, s.reverse)
                                                     : io::site_formatter::site_columns{};
                    double dg_open = std::numeric_limits<double>::quiet_NaN();
                    if (access)
                        if (const auto p = scoring::site_unpaired(strand_unpaired, s.type, strand_start + length_of(s.type),
                                                                  access_length))
                            dg_open = scoring::opening_energy(*p);
                    std::size_t k = 0;
                    for (auto m : members_of(s.family)) {
                        const auto* score = site_scores && site_scores[k] ? &*site_scores[k] : nullptr;
                        ++k;
                        if (!wanted) continue;
                        const auto* mark = marks.find(m, claim_gene);
                        if (mark)
                            for (auto c : marks.claims_of(m, claim_gene)) result.claims.push_back({c, s.type, 1});
                        if (duplex) {
                            // Records are whole when folding duplexes: strand_seq is the UTR.
                            const auto w = scoring::site_duplex_window(strand_seq.size(), strand_start, s.type);
                            site_duplex = folders.local().fold(mirnas.mirnas()[m].sequence,
                                                               strand_seq.substr(w.begin, w.end - w.begin));
                            formatter.append(result.text, record_columns, site_columns, m, mark, score, &site_duplex, w.begin,
                                             dg_open);
                        } else {
                            formatter.append(result.text, record_columns, site_columns, m, mark, score, nullptr, 0, dg_open);
                        }
                        if (summarised) add_events(s, m, events);
                    }
                };
                std::vector<family_site> summary_sites;  // mirrored: both strands' sites in row order, and their scores
                std::vector<std::optional<scoring::site_score>> summary_scores;
                if (!mirrored) {
                    std::size_t pair = 0;
                    for (const auto& s : sites) {
                        write_site(s, piece.seq, s.start, unpaired, scorer ? &scores[pair] : nullptr);
                        pair += members_of(s.family).size();
                    }
                } else {
                    // Both strands' sites in record coordinates, in the order unscored output has.
                    struct strand_site {
                        family_site site;       // record coordinates
                        std::uint64_t strand_start;
                        std::size_t first_pair;  // in its strand's scores
                    };
                    std::vector<strand_site> order;
                    std::size_t pair = 0;
                    for (const auto& s : sites) {
                        order.push_back({s, s.start, pair});
                        pair += members_of(s.family).size();
                    }
                    pair = 0;
                    const std::uint64_t length = piece.seq.size();
                    for (const auto& s : mirror_sites) {
                        order.push_back({{length - s.start - length_of(s.type), s.family, s.type, true}, s.start, pair});
                        pair += members_of(s.family).size();
                    }
                    std::sort(order.begin(), order.end(), [](const strand_site& a, const strand_site& b) { return a.site < b.site; });
                    for (const auto& o : order) {
                        const bool reverse = o.site.reverse;
                        const auto& strand_scores = reverse ? mirror_scores : scores;
                        write_site(o.site, reverse ? std::string_view(mirror_seq) : std::string_view(piece.seq), o.strand_start,
                                   reverse ? mirror_unpaired : unpaired, scorer ? &strand_scores[o.first_pair] : nullptr);
                        if (summarised && scorer) {
                            summary_sites.push_back(o.site);
                            const auto n = members_of(o.site.family).size();
                            summary_scores.insert(summary_scores.end(), strand_scores.begin() + static_cast<std::ptrdiff_t>(o.first_pair),
                                                  strand_scores.begin() + static_cast<std::ptrdiff_t>(o.first_pair + n));
                        }
                    }
                }
                if (summarised) {
                    std::vector<io::utr_score> utr_scores;
                    if (scorer)
                        utr_scores = mirrored ? summarise_scores(mirnas, summary_sites, summary_scores, iso_regions)
                                              : summarise_scores(mirnas, sites, scores, iso_regions);
                    result.summary.push_back({piece.record, std::move(events), std::move(utr_scores)});
                }
            }
            // A gzip output gets each batch's rows as a gzip member made here, on the worker.
            if (gzip_members && !result.text.empty()) result.text = io::gzip_member(result.text);
            return result;
        },
        [&](scan_result& result) {
            start_output();
            std::size_t written = 0;
            for (const auto& part : result.count_parts) {
                out.write(std::string_view(result.text).substr(written, part.text_end - written));
                written = part.text_end;
                add_to_record(part.counts);
                if (!part.last) continue;
                std::string rows;
                write_counts(rows, *part.record, take_record_counts(), result.claims);
                out.write(rows);
            }
            if (gzip_members) out.write_gzip_member(result.text);
            else out.write(std::string_view(result.text).substr(written));
            for (const auto& record : result.records) marks.add_utr(record->id, record->gene);
            for (const auto& c : result.claims) marks.add_sites(c.claim, c.type, c.count);
            for (const auto& part : result.summary) {
                if (summary) summary->add(part.record->gene, part.events, part.scores, part.record->id);
                if (summary_log) summary_log->add(part.record->gene, part.events, part.scores, part.record->id);
            }
        });
    start_output();
    // A shard's footer is its claim tallies, which mirhit merge adds up into the run's footer.
    if (format == io::output_format::tsv) {
        std::string footer;
        if (sharded)
            for (const auto& t : marks.tallies()) footer += t.line();
        else
            footer = claims_footer(marks.tallies());
        out.write(footer);
    }
    if (summary) summary->finish();
    if (summary_log) summary_log->finish();
    if (!args.claims_file.empty()) {
        io::atomic_output claims_out(args.claims_file);
        claims_out.write(io::format_preamble(io::output_format::tsv, meta));
        if (sharded) {
            std::string tallies(claims_log_start);
            for (const auto& t : marks.tallies()) tallies += t.line();
            claims_out.write(tallies);
        } else {
            claims_out.write(claims_table(marks.tallies()));
        }
        claims_out.commit();
    }
    out.commit();
}

}  // namespace mirhit::app
