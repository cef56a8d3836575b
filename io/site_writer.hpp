#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mirna.hpp"
#include "scoring/context_score.hpp"
#include "scoring/duplex.hpp"
#include "core/site.hpp"
#include "io/fasta_reader.hpp"
#include "io/score_inputs.hpp"

namespace mirhit::io {

enum class output_format { tsv, bed, jsonl };
// Their names, in enum order, as --format takes them.
inline constexpr std::array<std::string_view, 3> output_format_names = {"tsv", "bed", "jsonl"};

std::optional<output_format> parse_output_format(std::string_view name);

// What an output records about the run that made it: written first, as "##" lines.
struct run_metadata {
    std::string command_line;
    std::vector<std::pair<std::string, std::string>> parameters;  // name, value; in this order
};

// The "##" lines (for jsonl: one JSON object whose first key is "##").
std::string format_preamble(output_format format, const run_metadata& meta);

std::string json_escape(std::string_view text);

// The curated claims on a site's miRNA and gene, pre-formatted for the claim columns.
struct claim_mark {
    std::string ids;        // "C031" or "C002,C040"
    std::string effects;    // one per claim, same order
    std::string citations;  // one per claim, "; " between
};

// The claim columns of a TSV row: tab, ids, tab, effects, tab, citations.
void append_claim_columns(std::string& out, const claim_mark& claims);

// Appends one output line per site. Safe to use from several threads at once.
class site_formatter {
public:
    // scored: context++ columns follow the site columns (tsv, jsonl; bed keeps BED6). stranded: a
    // strand column after `end` (tsv, jsonl; bed always has its strand). duplex: duplex_dG and
    // duplex_structure columns come last (tsv, jsonl). access: then dG_open, and with duplex ddG.
    site_formatter(output_format format, const mirna_set& mirnas, bool scored = false, bool stranded = false,
                   bool duplex = false, bool access = false);

    // bed only: BED12 lines in genome coordinates, from the record headers' genome blocks.
    void write_genome_coords() { genome_coords_ = true; }
    // tsv, jsonl: a class_detail column after near_stop (scans for bulge-7mer, 3p-compensatory or
    // centered sites): see class_detail(), NA for the other types.
    void write_detail_column() { detail_column_ = true; }
    // tsv, jsonl: bl and pct columns last (scan --alignments or --pct), as TargetScan's BL_PCT
    // output writes them; NA for a site without.
    void write_conservation_columns() { conservation_columns_ = true; }

    // The column header line (tsv; for genome coordinates a BED track line; empty otherwise).
    std::string column_header() const;

    // A record's columns, formatted once per record.
    struct record_columns {
        const record_header* record;
        std::string text;
    };
    record_columns format_record(const record_header& record) const;

    // A site's columns, formatted once for all the miRNAs of its family: the text between the
    // record's columns and the miRNA's (pre), and after the miRNA's (post). site: the site's
    // letters as written in the input. reverse: the site is on the reverse strand; start and site
    // are its footprint on the forward strand, written as the site reads on its own strand
    // (reverse complement), and near_stop is 0. detail: the class detail (at most 16 characters).
    struct site_columns {
        std::uint64_t start = 0;
        site_type type = site_type::eight_mer;
        bool reverse = false;
        std::uint8_t pre_size = 0;
        std::uint8_t post_size = 0;
        std::array<char, 208> text;  // pre, then post
    };
    site_columns format_site(std::string_view site, std::uint64_t start, site_type type, bool reverse = false,
                             std::string_view detail = {}) const;

    // One row. claims: the curated claims on this miRNA and gene, or null (NA). score: the site's
    // context++ score when the formatter is scored (null for a site the model does not score: all
    // its columns are NA). duplex: the site's duplex and the 0-based UTR position of its window,
    // when the formatter has duplex columns. dg_open: the site's opening energy for the access
    // columns (NaN: NA). conservation: the site's bl and pct for their columns (null: NA).
    void append(std::string& out, const record_columns& record, const site_columns& site, std::uint32_t mirna,
                const claim_mark* claims = nullptr, const scoring::site_score* score = nullptr,
                const scoring::duplex_result* duplex = nullptr, std::uint64_t window_begin = 0,
                double dg_open = std::numeric_limits<double>::quiet_NaN(),
                const site_conservation_text* conservation = nullptr) const;

private:
    void append_score(std::string& out, const scoring::site_score* score) const;
    void append_duplex(std::string& out, const scoring::duplex_result* duplex, std::uint64_t window_begin) const;
    void append_access(std::string& out, const scoring::duplex_result* duplex, double dg_open) const;
    void append_conservation(std::string& out, const site_conservation_text* conservation) const;

    output_format format_;
    bool scored_;
    bool stranded_;
    bool duplex_;
    bool access_;
    bool genome_coords_ = false;
    bool detail_column_ = false;
    bool conservation_columns_ = false;
    // Per miRNA, its pre-formatted name (and family): offset and length in one compact text, read
    // for every row.
    std::string mirna_text_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> mirna_part_;
};

}  // namespace mirhit::io
