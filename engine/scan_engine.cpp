#include "engine/scan_engine.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>

#include "core/encoding.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "core/text.hpp"
#include "engine/score_setup.hpp"
#include "engine/utr_input.hpp"
#include "io/atomic_output.hpp"
#include "io/claims_file.hpp"
#include "io/site_counts.hpp"
#include "io/utr_index_builder.hpp"
#include "scoring/context_score.hpp"
#include "scoring/duplex.hpp"
#include "scoring/energy_params.hpp"
#include "scoring/gene_score.hpp"

namespace mirhit::engine {

namespace {

// Pieces this long are counted off 8-mer tallies (seven_counter), shorter ones from their sites.
constexpr std::size_t tally_min_length = 1u << 15;

struct scan_batch {
    std::vector<io::sequence_piece> pieces;
};

struct summary_part {
    std::shared_ptr<const io::record_header> record;
    std::vector<std::uint32_t> events;  // the sites it counts
    std::vector<io::utr_score> scores;  // per miRNA, when scored
};

struct claim_sites {
    std::uint32_t claim;
    site_type type;
    std::uint64_t count;
};

// Counts of a piece of a record that spans pieces, added up in input order and written with the
// record's last piece.
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
        for (auto m : members_of(mirnas.families()[s.family].members, s)) {
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

// Family members flattened: read for every site, where the families' own vectors, scattered in
// memory, cost a cache miss each.
class member_table {
public:
    explicit member_table(const mirna_set& mirnas) {
        for (const auto& f : mirnas.families()) {
            list_.insert(list_.end(), f.members.begin(), f.members.end());
            begin_.push_back(static_cast<std::uint32_t>(list_.size()));
        }
    }
    std::span<const std::uint32_t> of(std::uint32_t family) const {
        return std::span<const std::uint32_t>(list_.data() + begin_[family], begin_[family + 1] - begin_[family]);
    }
    // The members a site holds for.
    std::span<const std::uint32_t> of(const family_site& site) const { return members_of(of(site.family), site); }

private:
    std::vector<std::uint32_t> begin_{0}, list_;
};

// The sites, accessibility and scores of one strand of a piece. Kept per thread: fresh buffers
// for every batch cost page faults.
struct strand_data {
    std::vector<family_site> sites;
    std::vector<std::optional<scoring::site_score>> scores;
    scoring::unpaired_table unpaired;
    scoring::stored_unpaired stored;  // from a mirhit index instead of `unpaired` (forward strand)
};

struct piece_buffers {
    strand_data forward;
    strand_data mirror;      // the reverse strand when mirrored, in its own coordinates
    std::string mirror_seq;  // the record's reverse complement when mirrored
    std::vector<family_site> orf_sites;
    std::vector<std::uint32_t> orf_8mers;
    std::string reverse_scratch;
    scoring::duplex_result duplex;
};

template <class T>
std::optional<T> optional_if(bool wanted, auto&&... args) {
    return wanted ? std::optional<T>(std::in_place, args...) : std::nullopt;
}

// The UTRs are the reference species' rows of --alignments.
bool aligned_input(const scan_job& job) {
    return job.utr_files.empty() && job.index_file.empty() && !job.score_inputs.alignments_file.empty();
}

}  // namespace

// Members in the order they load: the first bad input is the one reported.
struct scan_engine::state {
    scan_job job;
    bool folds_utrs;  // accessibility: folded around the sites, once per UTR
    // Scored --both-strands: the reverse strand is scored as a UTR of its own, the record's
    // reverse complement (records are whole when scoring).
    bool mirrored;
    seed_index index;  // scoring counts offset 6mers whatever the job's site types
    // 8mer and 7mer sites only (the genome-scale case): both strands in one pass, one lookup a base.
    std::optional<seed7_index> index7;
    io::site_formatter formatter;
    io::count_formatter count_format;
    scoring::energy_choice energy;
    oneapi::tbb::enumerable_thread_specific<scoring::duplex_folder> folders;
    oneapi::tbb::enumerable_thread_specific<scoring::plfold> plfolds;
    std::optional<score_setup> setup;
    std::optional<scoring::context_scorer> scorer;
    std::string claims_source;
    claim_marks marks;
    std::unique_ptr<io::utr_index> utr_index;  // the job's index file, memory-mapped
    utr_input input;
    member_table members;
    std::string no_score_description;
    // With counts: the counts of the record whose pieces are being counted, merged.
    std::vector<site_count> record_counts;
    // Row buffers of written batches (of compressed batches, once compressed), reused: megabytes
    // a batch, which fresh from the system would cost a page fault and a page clearing every 4 KB.
    oneapi::tbb::concurrent_queue<std::string> spare_texts;

    explicit state(scan_job j)
        : job(std::move(j)),
          folds_utrs(job.scores.context || job.scores.access),
          mirrored(job.both_strands && job.scores.any()),
          index(job.mirnas.families(), job.scores.context ? job.types | site_type_set::all() : job.types, job.mirnas.mirnas()),
          index7(optional_if<seed7_index>(!job.scores.context && seed7_index::covers(job.types) &&
                                              job.mirnas.families().size() <= seed7_index::max_families,
                                          job.mirnas.families(), job.types, job.both_strands)),
          formatter(job.format, job.mirnas, job.scores.context, job.both_strands, job.scores.duplex, job.scores.access),
          count_format(job.mirnas, job.types, job.both_strands),
          energy(job.energy_params_file),
          folders{scoring::duplex_folder(energy.params())},
          plfolds([this] { return scoring::plfold(energy.params(), job.access); }),
          setup(optional_if<score_setup>(job.scores.context || job.score_inputs.conservation(), job.score_inputs, job.mirnas, true)),
          scorer(job.scores.context ? std::optional<scoring::context_scorer>(std::in_place, job.mirnas, setup->ta()) : std::nullopt),
          marks(io::load_claims(job.claim_files, !job.builtin_claims, claims_source), job.mirnas),
          utr_index(job.index_file.empty() ? nullptr : std::make_unique<io::utr_index>(job.index_file)),
          input(utr_index ? utr_input(*utr_index, job.chunk_size, job.shard)
                : aligned_input(job) ? utr_input(setup->aligned_utrs(), job.score_inputs.alignments_file, job.chunk_size, job.shard)
                                     : utr_input(job.utr_files, job.chunk_size, job.scores.any(), job.shard)),
          members(job.mirnas) {
        if (utr_index && folds_utrs) utr_index->require(io::index_model(job.access, energy));
        if (job.types.contains(site_type::bulge_seven_mer) || job.types.contains(site_type::three_p_compensatory) ||
            job.types.contains(site_type::centered))
            formatter.write_detail_column();
        if (job.score_inputs.conservation()) formatter.write_conservation_columns();
        if (job.genome_coords) {
            formatter.write_genome_coords();
            input.require_genome_coords();
        }
    }
};

namespace {

using state = scan_engine::state;

// The sites of a piece in output order, but for the mirrored strand's.
void find_sites(const state& s, const io::sequence_piece& piece, owned_range owned, std::vector<family_site>& sites,
                std::string& scratch) {
    if (s.index7) {
        scan_piece_seven(*s.index7, piece.seq, piece.offset, owned, sites);
        return;
    }
    scan_piece(s.index, piece.seq, piece.offset, owned, sites);
    if (s.job.both_strands && !s.mirrored) {
        scan_piece_reverse(s.index, piece.seq, piece.offset, owned, sites, scratch);
        std::sort(sites.begin(), sites.end());
    }
}

void add_events(const family_site& site, std::uint32_t mirna, std::vector<std::uint32_t>& events) {
    events.push_back(io::summary_event(mirna, site.type, !site.reverse && site.start < near_stop_length));
}

// Counts: a record's rows from its counts (in any order), and the sites on claimed pairs.
void write_counts(const state& s, std::string& text, const io::record_header& record, std::span<const site_count> counts,
                  std::vector<claim_sites>& claims) {
    struct mirna_count {
        std::uint64_t key;  // miRNA index, then strand
        site_type type;
        std::uint64_t count;
    };
    std::vector<mirna_count> by_mirna;
    for (const auto& c : counts)
        for (auto m : members_of(s.members.of(c.family), c.member)) by_mirna.push_back({std::uint64_t{m} << 1 | c.reverse, c.type, c.count});
    std::sort(by_mirna.begin(), by_mirna.end(), [](const mirna_count& x, const mirna_count& y) { return x.key < y.key; });
    const auto gene = s.marks.claim_gene(record.gene);
    for (std::size_t i = 0, j = 0; i < by_mirna.size(); i = j) {
        std::array<std::uint64_t, any_site_type_count> per_type{};
        for (j = i; j < by_mirna.size() && by_mirna[j].key == by_mirna[i].key; ++j)
            per_type[static_cast<std::size_t>(by_mirna[j].type)] += by_mirna[j].count;
        const auto m = static_cast<std::uint32_t>(by_mirna[i].key >> 1);
        const auto* mark = s.marks.find(m, gene);
        if (mark)
            for (auto claim : s.marks.claims_of(m, gene))
                for (std::size_t t = 0; t < any_site_type_count; ++t)
                    if (per_type[t]) claims.push_back({claim, static_cast<site_type>(t), per_type[t]});
        s.count_format.append(text, record, m, (by_mirna[i].key & 1) != 0, per_type, mark);
    }
}

void count_piece(const state& s, const io::sequence_piece& piece, scan_result& result) {
    thread_local std::vector<family_site> sites;
    thread_local std::string scratch;
    thread_local seven_counter counter;
    const auto owned = owned_starts(piece.offset, piece.overlap, piece.seq.size(), piece.last);
    std::vector<site_count> counts;
    std::vector<std::uint32_t> events;
    if (s.index7 && !s.job.gene_summary && piece.seq.size() >= tally_min_length) {
        counter.count(*s.index7, piece.seq, piece.offset, owned, counts);
    } else {
        sites.clear();
        find_sites(s, piece, owned, sites, scratch);
        count_sites(sites, counts);
        if (s.job.gene_summary)
            for (const auto& site : sites)
                for (auto m : s.members.of(site)) add_events(site, m, events);
    }
    if (s.job.gene_summary) result.summary.push_back({piece.record, std::move(events), {}});
    if (piece.offset == 0 && piece.last)
        write_counts(s, result.text, *piece.record, counts, result.claims);
    else
        result.count_parts.push_back({result.text.size(), piece.record, std::move(counts), piece.last});
}

// The sites of one piece, and when folded or scored their accessibility and scores, on each
// strand scanned apart. Returns the record's isoform ratios (context++ only).
std::span<const scoring::air_region> analyse_piece(state& s, const io::sequence_piece& piece, piece_buffers& b) {
    b.forward.sites.clear();
    b.mirror.sites.clear();
    const auto owned = owned_starts(piece.offset, piece.overlap, piece.seq.size(), piece.last);
    find_sites(s, piece, owned, b.forward.sites, b.reverse_scratch);
    if (s.mirrored) {
        reverse_complement(piece.seq, b.mirror_seq);
        scan_piece(s.index, b.mirror_seq, 0, owned_starts(0, 0, b.mirror_seq.size(), true), b.mirror.sites);
    }
    const auto fold = [&](std::string_view seq, strand_data& strand) {
        strand.unpaired = fold_around_sites(s.plfolds.local(), seq, strand.sites);
    };
    // An index holds the forward strand's values: nothing to fold.
    b.forward.stored = s.utr_index && s.folds_utrs ? scoring::stored_unpaired{s.utr_index->record(piece.record->index).values}
                                                  : scoring::stored_unpaired{};
    if (s.folds_utrs) {
        if (b.forward.stored.values.empty()) fold(piece.seq, b.forward);
        if (s.mirrored) fold(b.mirror_seq, b.mirror);
    }
    if (!s.scorer) return {};
    scoring::utr_inputs inputs;
    s.setup->inputs_for(piece.record->id, inputs, b.orf_8mers, b.orf_sites);
    inputs.unpaired = &b.forward.unpaired;
    inputs.stored = b.forward.stored;
    s.scorer->score(piece.seq, b.forward.sites, inputs, b.orf_8mers, b.forward.scores);
    if (s.mirrored) {
        inputs.unpaired = &b.mirror.unpaired;
        inputs.stored = {};
        s.scorer->score(b.mirror_seq, b.mirror.sites, inputs, b.orf_8mers, b.mirror.scores);
    }
    return inputs.isoforms;
}

// Writes the rows of one piece's sites, and collects their gene summary events.
class piece_writer {
public:
    piece_writer(state& s, const io::sequence_piece& piece, piece_buffers& b, scan_result& result)
        : s_(s), piece_(piece), b_(b), result_(result), claim_gene_(s.marks.claim_gene(piece.record->gene)),
          record_columns_(s.formatter.format_record(*piece.record)),
          conservation_(s.job.score_inputs.conservation() ? s.setup->conservation_of(piece.record->id) : nullptr) {
        std::size_t pairs = 0;
        for (const auto& site : b.forward.sites) pairs += s.members.of(site).size();
        for (const auto& site : b.mirror.sites) pairs += s.members.of(site).size();
        // Rows are 70-100 bytes, 330 with context++, 90 more with a duplex; reserved ahead of the
        // rows (pages not written cost nothing), as a regrowth copies them all.
        auto& text = result.text;
        const std::size_t needed = text.size() + pairs * ((s.scorer ? 330 : 100) + (s.job.scores.duplex ? 90 : 0)) + 256;
        if (needed > text.capacity()) text.reserve(std::max(needed, 2 * text.capacity()));
    }

    // The rows of one site. site: in record coordinates; strand_seq, strand_start: its strand as
    // read 5'->3' and its start there; strand: that strand's accessibility; site_scores: its
    // members' scores (null unscored).
    void write_site(const family_site& site, std::string_view strand_seq, std::uint64_t strand_start, const strand_data& strand,
                    const std::optional<scoring::site_score>* site_scores) {
        const std::string_view letters(piece_.seq.data() + (site.start - piece_.offset), length_of(site.type));
        const bool wanted = s_.job.types.contains(site.type);
        const auto site_columns = wanted ? s_.formatter.format_site(letters, site.start, site.type, site.reverse, class_detail(site))
                                         : io::site_formatter::site_columns{};
        double dg_open = std::numeric_limits<double>::quiet_NaN();
        if (s_.job.scores.access)
            if (const auto p = scoring::site_unpaired(&strand.unpaired, strand.stored, site.type, strand_start + length_of(site.type),
                                                      scoring::open_length))
                dg_open = scoring::opening_energy(*p);
        std::size_t k = 0;
        for (auto m : s_.members.of(site)) {
            const auto* score = site_scores && site_scores[k] ? &*site_scores[k] : nullptr;
            ++k;
            if (!wanted) continue;
            const auto* mark = s_.marks.find(m, claim_gene_);
            if (mark)
                for (auto c : s_.marks.claims_of(m, claim_gene_)) result_.claims.push_back({c, site.type, 1});
            if (s_.job.scores.duplex) {
                // Records are whole when folding duplexes: strand_seq is the UTR.
                const auto w = scoring::site_duplex_window(strand_seq.size(), strand_start, site.type);
                b_.duplex = s_.folders.local().fold(s_.job.mirnas.mirnas()[m].sequence, strand_seq.substr(w.begin, w.end - w.begin));
                s_.formatter.append(result_.text, record_columns_, site_columns, m, mark, score, &b_.duplex, w.begin, dg_open,
                                    conservation(site));
            } else {
                s_.formatter.append(result_.text, record_columns_, site_columns, m, mark, score, nullptr, 0, dg_open, conservation(site));
            }
            if (s_.job.gene_summary) add_events(site, m, events);
        }
    }

    std::vector<std::uint32_t> events;

private:
    state& s_;
    const io::sequence_piece& piece_;
    piece_buffers& b_;
    scan_result& result_;
    // The site's bl and pct (forward-strand canonical sites only: a non-canonical type's key
    // would be another site's), or null.
    const io::site_conservation_text* conservation(const family_site& site) const {
        if (!conservation_ || site.reverse || !is_canonical(site.type)) return nullptr;
        const auto it = conservation_->find(io::pct_key(site.start, site.type));
        return it == conservation_->end() ? nullptr : &it->second;
    }

    std::string claim_gene_;
    io::site_formatter::record_columns record_columns_;
    const std::unordered_map<std::uint64_t, io::site_conservation_text>* conservation_;
};

// Mirrored: both strands' sites in record coordinates, written in the order unscored output has;
// summary_sites and summary_scores get them in that order with their scores (gene summary only).
void write_both_strands(state& s, const io::sequence_piece& piece, piece_buffers& b, piece_writer& writer,
                        std::vector<family_site>& summary_sites, std::vector<std::optional<scoring::site_score>>& summary_scores) {
    struct strand_site {
        family_site site;  // record coordinates
        std::uint64_t strand_start;
        std::size_t first_pair;  // in its strand's scores
    };
    std::vector<strand_site> order;
    std::size_t pair = 0;
    for (const auto& site : b.forward.sites) {
        order.push_back({site, site.start, pair});
        pair += s.members.of(site).size();
    }
    pair = 0;
    const std::uint64_t length = piece.seq.size();
    for (const auto& site : b.mirror.sites) {
        order.push_back({{length - site.start - length_of(site.type), site.family, site.type, true, site.detail, site.member}, site.start, pair});
        pair += s.members.of(site).size();
    }
    std::sort(order.begin(), order.end(), [](const strand_site& x, const strand_site& y) { return x.site < y.site; });
    for (const auto& o : order) {
        const bool reverse = o.site.reverse;
        const auto& strand = reverse ? b.mirror : b.forward;
        writer.write_site(o.site, reverse ? std::string_view(b.mirror_seq) : std::string_view(piece.seq), o.strand_start,
                          strand, s.scorer ? &strand.scores[o.first_pair] : nullptr);
        if (s.job.gene_summary && s.scorer) {
            summary_sites.push_back(o.site);
            const auto n = s.members.of(o.site).size();
            const auto first = strand.scores.begin() + static_cast<std::ptrdiff_t>(o.first_pair);
            summary_scores.insert(summary_scores.end(), first, first + static_cast<std::ptrdiff_t>(n));
        }
    }
}

// The rows of one piece (and its gene summary part).
void piece_rows(state& s, const io::sequence_piece& piece, piece_buffers& b, scan_result& result) {
    const auto isoforms = analyse_piece(s, piece, b);
    piece_writer writer(s, piece, b, result);
    std::vector<family_site> summary_sites;  // mirrored: both strands' sites in row order, and their scores
    std::vector<std::optional<scoring::site_score>> summary_scores;
    if (!s.mirrored) {
        std::size_t pair = 0;
        for (const auto& site : b.forward.sites) {
            writer.write_site(site, piece.seq, site.start, b.forward, s.scorer ? &b.forward.scores[pair] : nullptr);
            pair += s.members.of(site).size();
        }
    } else {
        write_both_strands(s, piece, b, writer, summary_sites, summary_scores);
    }
    if (!s.job.gene_summary) return;
    std::vector<io::utr_score> utr_scores;
    if (s.scorer)
        utr_scores = s.mirrored ? summarise_scores(s.job.mirnas, summary_sites, summary_scores, isoforms)
                                : summarise_scores(s.job.mirnas, b.forward.sites, b.forward.scores, isoforms);
    result.summary.push_back({piece.record, std::move(writer.events), std::move(utr_scores)});
}

scan_result scan_batch_of(state& s, const scan_batch& batch) {
    scan_result result;
    if (s.job.counts) {
        for (const auto& piece : batch.pieces) {
            if (piece.offset == 0) result.records.push_back(piece.record);
            count_piece(s, piece, result);
        }
        return result;
    }
    thread_local piece_buffers buffers;
    if (s.spare_texts.try_pop(result.text)) result.text.clear();
    for (const auto& piece : batch.pieces) {
        if (piece.offset == 0) result.records.push_back(piece.record);
        piece_rows(s, piece, buffers, result);
    }
    if (s.job.gzip_rows && !result.text.empty()) {
        // The rows' buffer goes back for the next batch; the member is what is written.
        std::string rows = io::gzip_member(result.text);
        std::swap(rows, result.text);
        s.spare_texts.push(std::move(rows));
    }
    return result;
}

// Kept merged, so that a record of many pieces holds one count per key.
void add_to_record(state& s, std::span<const site_count> counts) {
    s.record_counts.insert(s.record_counts.end(), counts.begin(), counts.end());
    merge_counts(s.record_counts, 0);
}

// The ordered stage: a batch's results to every consumer; the counts of records that span
// batches added up and written with their last piece.
void deliver(state& s, scan_result& result, std::span<scan_consumer* const> consumers) {
    const auto rows = [&](std::string_view text) {
        if (!text.empty())
            for (auto* c : consumers) c->rows(text);
    };
    std::size_t written = 0;
    for (const auto& part : result.count_parts) {
        rows(std::string_view(result.text).substr(written, part.text_end - written));
        written = part.text_end;
        add_to_record(s, part.counts);
        if (!part.last) continue;
        std::string record_rows;
        write_counts(s, record_rows, *part.record, s.record_counts, result.claims);
        s.record_counts.clear();
        rows(record_rows);
    }
    if (s.job.gzip_rows && !result.text.empty())
        for (auto* c : consumers) c->rows_gzip_member(result.text);
    else
        rows(std::string_view(result.text).substr(written));
    for (auto* c : consumers) {
        for (const auto& record : result.records) c->record(*record);
        for (const auto& claim : result.claims) c->claim_sites(claim.claim, claim.type, claim.count);
        for (const auto& part : result.summary) c->gene_summary(*part.record, part.events, part.scores);
    }
}

}  // namespace

scan_engine::scan_engine(scan_job job) : state_(std::make_unique<state>(std::move(job))) {}
scan_engine::~scan_engine() = default;

const scan_job& scan_engine::job() const { return state_->job; }
std::string scan_engine::column_header() const {
    return state_->job.counts ? state_->count_format.column_header() : state_->formatter.column_header();
}
const record_slice& scan_engine::slice() const { return state_->input.slice(); }
const std::string& scan_engine::claims_source() const { return state_->claims_source; }
const std::string& scan_engine::energy_source() const { return state_->energy.source(); }
std::string scan_engine::input_description() const {
    if (aligned_input(state_->job))
        return state_->job.score_inputs.alignments_file + " (the species " + state_->job.score_inputs.pct_species +
               " rows, gaps removed)";
    return state_->utr_index ? state_->utr_index->description() : join(state_->job.utr_files, " ");
}
const std::string& scan_engine::score_description() const {
    return state_->setup ? state_->setup->description() : state_->no_score_description;
}
const std::string& scan_engine::conservation_description() const {
    return state_->setup ? state_->setup->conservation_description() : state_->no_score_description;
}
claim_marks& scan_engine::marks() { return state_->marks; }

void scan_engine::run(std::span<scan_consumer* const> consumers) {
    auto& s = *state_;
    bool started = false;
    const auto start = [&] {
        if (started) return;
        started = true;
        for (auto* c : consumers) c->start();
    };
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    s.input.show_progress("mirhit scan", s.job.progress);
    run_ordered_pipeline<scan_batch>(
        live_batches, [&](scan_batch& batch) { return s.input.read(batch.pieces); },
        [&](scan_batch& batch) { return scan_batch_of(s, batch); },
        [&](scan_result& result) {
            start();
            deliver(s, result, consumers);
            if (!s.job.gzip_rows) s.spare_texts.push(std::move(result.text));
        });
    s.input.finish_progress();
    start();
    for (auto* c : consumers) c->finish();
}

}  // namespace mirhit::engine
