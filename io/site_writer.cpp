#include "io/site_writer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdio>

#include "core/encoding.hpp"
#include "core/text.hpp"
#include "io/genome_coords.hpp"
#include "mirhit/version.hpp"
#include "scoring/site_efficacy.hpp"

namespace mirhit::io {

namespace {

// value with 3 decimals, like "%.3f" but without printf's cost and never "-0.000".
void append_fixed3(std::string& out, double value) {
    const double scaled = value * 1000.0;
    long long thousandths = static_cast<long long>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
    if (thousandths < 0) {
        out += '-';
        thousandths = -thousandths;
    }
    append_number(out, static_cast<std::uint64_t>(thousandths / 1000));
    const auto fraction = static_cast<int>(thousandths % 1000);
    out += '.';
    out += static_cast<char>('0' + fraction / 100);
    out += static_cast<char>('0' + fraction / 10 % 10);
    out += static_cast<char>('0' + fraction % 10);
}

// Writes a row's fixed-size columns through a raw pointer into space the caller reserved: rows
// are short and many (a genome scan writes one every other base), so per-append capacity checks
// and temporaries would cost more than the text itself.
struct row_cursor {
    char* p;

    [[gnu::always_inline]] void put(char c) { *p++ = c; }
    // Short texts (ids, names) with two overlapping fixed-size copies instead of a memcpy call.
    [[gnu::always_inline]] void put(std::string_view text) {
        const char* from = text.data();
        const std::size_t n = text.size();
        if (n > 32 && n <= 64) {
            std::memcpy(p, from, 32);
            std::memcpy(p + n - 32, from + n - 32, 32);
        } else if (n > 16 && n <= 32) {
            std::memcpy(p, from, 16);
            std::memcpy(p + n - 16, from + n - 16, 16);
        } else if (n >= 8 && n <= 16) {
            std::memcpy(p, from, 8);
            std::memcpy(p + n - 8, from + n - 8, 8);
        } else if (n >= 4 && n < 8) {
            std::memcpy(p, from, 4);
            std::memcpy(p + n - 4, from + n - 4, 4);
        } else if (n < 4) {
            for (std::size_t i = 0; i < n; ++i) p[i] = from[i];
        } else {
            std::memcpy(p, from, n);
        }
        p += n;
    }
    // Decimal, two digits at a time from the end.
    [[gnu::always_inline]] void number(std::uint64_t value) {
        static constexpr char pairs[] =
            "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
            "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
            "8081828384858687888990919293949596979899";
        static constexpr std::array<std::uint64_t, 20> powers = [] {
            std::array<std::uint64_t, 20> p{};
            p[0] = 1;
            for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
            return p;
        }();
        // log10 from the bit width (1233 / 4096 ~ log10 2), then one correction.
        int digits = (std::bit_width(value | 1) * 1233) >> 12;
        digits += (value | 1) >= powers[static_cast<std::size_t>(digits)];
        char* at = p + digits;
        p = at;
        while (value >= 100) {
            const auto two = static_cast<std::size_t>(value % 100) * 2;
            value /= 100;
            *--at = pairs[two + 1];
            *--at = pairs[two];
        }
        if (value >= 10) {
            const auto two = static_cast<std::size_t>(value) * 2;
            *--at = pairs[two + 1];
            *--at = pairs[two];
        } else {
            *--at = static_cast<char>('0' + value);
        }
    }
    // The site as RNA; reverse: the reverse complement (the site on the other strand).
    [[gnu::always_inline]] void rna(std::string_view site, bool reverse) {
        if (!reverse) {
            for (char c : site) *p++ = rna_letter[code_of(c) & 3];
            return;
        }
        for (auto it = site.rbegin(); it != site.rend(); ++it) *p++ = rna_letter[complement(code_of(*it) & 3)];
    }
    // As json_escape, at most 6 bytes per input byte.
    void json(std::string_view text) {
        static constexpr char hex[] = "0123456789abcdef";
        for (char c : text) {
            switch (c) {
            case '"': put("\\\""); break;
            case '\\': put("\\\\"); break;
            case '\t': put("\\t"); break;
            case '\n': put("\\n"); break;
            case '\r': put("\\r"); break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    put("\\u00");
                    put(hex[(c >> 4) & 0xf]);
                    put(hex[c & 0xf]);
                } else {
                    put(c);
                }
            }
        }
    }
};

// Grows out by at most `bound` bytes for a row_cursor (geometrically, ahead of the rows).
[[gnu::always_inline]] inline char* row_space(std::string& out, std::size_t bound) {
    const std::size_t old = out.size();
    if (old + bound > out.capacity()) out.reserve(std::max(old + bound, 2 * out.capacity()));
    out.resize(old + bound);
    return out.data() + old;
}

void end_row(std::string& out, const row_cursor& cursor) { out.resize(static_cast<std::size_t>(cursor.p - out.data())); }

}  // namespace

std::optional<output_format> parse_output_format(std::string_view name) {
    for (std::size_t f = 0; f < output_format_names.size(); ++f)
        if (name == output_format_names[f]) return static_cast<output_format>(f);
    return std::nullopt;
}

void append_claim_columns(std::string& out, const claim_mark& claims) {
    out += '\t';
    out += claims.ids;
    out += '\t';
    out += claims.effects;
    out += '\t';
    out += claims.citations;
}

std::string json_escape(std::string_view text) {
    std::string out(6 * text.size(), '\0');
    row_cursor cursor{out.data()};
    cursor.json(text);
    end_row(out, cursor);
    return out;
}

std::string format_preamble(output_format format, const run_metadata& meta) {
    std::string out;
    if (format == output_format::jsonl) {
        out = "{\"##\":\"mirhit " + std::string(version) + "\",\"command\":\"" + json_escape(meta.command_line) + "\"";
        for (const auto& [name, value] : meta.parameters) out += ",\"" + json_escape(name) + "\":\"" + json_escape(value) + "\"";
        return out + "}\n";
    }
    out = "## mirhit " + std::string(version) + "\n## command: " + meta.command_line + "\n";
    for (const auto& [name, value] : meta.parameters) out += "## " + name + ": " + value + "\n";
    return out;
}

site_formatter::site_formatter(output_format format, const mirna_set& mirnas, bool scored, bool stranded, bool duplex,
                               bool access)
    : format_(format), scored_(scored && format != output_format::bed), stranded_(stranded),
      duplex_(duplex && format != output_format::bed), access_(access && format != output_format::bed) {
    for (const auto& m : mirnas.mirnas()) {
        const auto& family = mirnas.families()[m.family].seed;
        const std::size_t begin = mirna_text_.size();
        switch (format) {
        case output_format::tsv: mirna_text_ += m.name + '\t' + family + '\t'; break;
        case output_format::bed: mirna_text_ += m.name + ':'; break;
        case output_format::jsonl:
            mirna_text_ += ",\"mirna\":\"" + json_escape(m.name) + "\",\"family\":\"" + family + "\"";
            break;
        }
        mirna_part_.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(mirna_text_.size() - begin));
    }
}

std::string site_formatter::column_header() const {
    if (format_ == output_format::bed && genome_coords_)
        return "track name=mirhit_sites description=\"mirhit miRNA sites (mirna:site_type:gene:transcript)\" useScore=1\n";
    if (format_ != output_format::tsv) return {};
    std::string header = std::string("utr_id\tgene\tmirna\tfamily\tsite_type\tstart\tend") + (stranded_ ? "\tstrand" : "") +
                         "\tsite_seq\tnear_stop" + (detail_column_ ? "\tclass_detail" : "") + "\tclaim_ids\tclaim_effect\tclaim_citation";
    if (scored_) {
        header += "\tcontext++";
        for (const auto name : scoring::term_names) {
            header += '\t';
            header += name;
            header += "\t";
            header += name;
            header += "_contrib";
        }
    }
    if (duplex_) header += "\tduplex_dG\tduplex_structure";
    if (access_) header += duplex_ ? "\tdG_open\tddG" : "\tdG_open";
    if (conservation_columns_) header += "\tbl\tpct";
    return header + '\n';
}

// A term's raw value: the nucleotide for identity terms, NA when the site or the term is not
// scored; then its contribution.
void site_formatter::append_score(std::string& out, const scoring::site_score* score) const {
    if (!score && format_ == output_format::tsv) {
        // Offset 6mers and sites near the stop codon: every score column NA.
        static const std::string all_na = [] {
            std::string s;
            for (std::size_t i = 0; i < 1 + 2 * scoring::term_count; ++i) s += "\tNA";
            return s;
        }();
        out += all_na;
        return;
    }
    auto put = [&](std::string_view name, std::string_view suffix, double value, bool available) {
        if (format_ == output_format::tsv) {
            out += '\t';
        } else {
            out += ",\"";
            out += name;
            out += suffix;
            out += "\":";
        }
        if (!available) {
            out += format_ == output_format::tsv ? "NA" : "null";
            return;
        }
        append_fixed3(out, value);
    };
    put("context++", "", score ? score->score : 0, score != nullptr);
    for (std::size_t i = 0; i < scoring::term_count; ++i) {
        const auto name = scoring::term_names[i];
        const scoring::term_value* v = score ? &score->terms[i] : nullptr;
        const bool available = v && v->available;
        if (available && v->letter) {
            if (format_ == output_format::tsv) {
                out += '\t';
                out += v->letter;
            } else {
                out += ",\"";
                out += name;
                out += "\":\"";
                out += v->letter;
                out += '"';
            }
        } else {
            // The intercept has no raw value.
            put(name, "", available ? v->raw : 0, available && i != static_cast<std::size_t>(scoring::term::site_type));
        }
        put(name, "_contrib", available ? v->contribution : 0, available);
    }
}

// dG in kcal/mol with 2 decimals, as RNAduplex prints it; the structure with its ranges.
void site_formatter::append_duplex(std::string& out, const scoring::duplex_result* duplex, std::uint64_t window_begin) const {
    const bool tsv = format_ == output_format::tsv;
    if (!duplex) {
        out += tsv ? "\tNA\tNA" : ",\"duplex_dG\":null,\"duplex_structure\":null";
        return;
    }
    char dg[32];
    std::snprintf(dg, sizeof dg, "%.2f", duplex->dg());
    const std::string structure = scoring::duplex_structure_text(*duplex, window_begin);
    if (tsv) {
        out += '\t';
        out += dg;
        out += '\t';
        out += structure;
    } else {
        out += ",\"duplex_dG\":";
        out += dg;
        out += ",\"duplex_structure\":\"";
        out += json_escape(structure);
        out += '"';
    }
}

// dG_open in kcal/mol with 3 decimals; with duplex columns also PITA's ddG: its dG_duplex -
// dG_open with dG_open = dG_0 - dG_1 <= 0 (the energy of the target minus that of the target with
// the site opened), that is duplex_dG plus our (positive) opening cost.
void site_formatter::append_access(std::string& out, const scoring::duplex_result* duplex, double dg_open) const {
    const bool tsv = format_ == output_format::tsv;
    auto put = [&](const char* name, double value, bool available) {
        if (tsv) {
            out += '\t';
        } else {
            out += ",\"";
            out += name;
            out += "\":";
        }
        if (available)
            append_fixed3(out, value);
        else
            out += tsv ? "NA" : "null";
    };
    const bool open = !std::isnan(dg_open);
    put("dG_open", dg_open, open);
    if (duplex_) put("ddG", duplex && open ? duplex->dg() + dg_open : 0, duplex && open);
}

// bl and pct as TargetScan writes them (numbers, or NA: null in JSON).
void site_formatter::append_conservation(std::string& out, const site_conservation_text* conservation) const {
    const bool tsv = format_ == output_format::tsv;
    auto put = [&](const char* name, const std::string* value) {
        out += tsv ? "\t" : std::string(",\"") + name + "\":";
        out += value && *value != "NA" ? *value : tsv ? "NA" : "null";
    };
    put("bl", conservation ? &conservation->bl : nullptr);
    put("pct", conservation ? &conservation->pct : nullptr);
}

site_formatter::record_columns site_formatter::format_record(const record_header& record) const {
    record_columns columns{&record, {}};
    switch (format_) {
    case output_format::tsv: columns.text = record.id + '\t' + record.gene + '\t'; break;
    case output_format::bed: columns.text = record.id; break;
    case output_format::jsonl:
        columns.text = "{\"utr_id\":\"" + json_escape(record.id) + "\",\"gene\":\"" + json_escape(record.gene) + '"';
        break;
    }
    return columns;
}

site_formatter::site_columns site_formatter::format_site(std::string_view site, std::uint64_t start, site_type type,
                                                         bool reverse, std::string_view detail) const {
    site_columns columns;  // text not cleared: only its written part is read
    columns.start = start;
    columns.type = type;
    columns.reverse = reverse;
    const std::uint64_t first = start + 1;
    const std::uint64_t last = start + length_of(type);
    const bool near_stop = !reverse && first <= near_stop_length;
    row_cursor row{columns.text.data()};
    switch (format_) {
    case output_format::tsv:
        row.put(name_of(type));
        row.put('\t');
        row.number(first);
        row.put('\t');
        row.number(last);
        if (stranded_) row.put(reverse ? "\t-" : "\t+");
        row.put('\t');
        row.rna(site, reverse);
        row.put(near_stop ? "\t1" : "\t0");
        if (detail_column_) {
            row.put('\t');
            row.put(detail.empty() ? std::string_view("NA") : detail);
        }
        break;
    case output_format::bed:
        if (genome_coords_) break;  // written from the genome blocks
        row.put('\t');
        row.number(start);
        row.put('\t');
        row.number(last);
        row.put('\t');
        columns.pre_size = static_cast<std::uint8_t>(row.p - columns.text.data());
        row.put(name_of(type));
        row.put('\t');
        row.number(scoring::bed_score(type));
        row.put(reverse ? "\t-\n" : "\t+\n");
        break;
    case output_format::jsonl:
        row.put(",\"site_type\":\"");
        row.put(name_of(type));
        row.put("\",\"start\":");
        row.number(first);
        row.put(",\"end\":");
        row.number(last);
        if (stranded_) row.put(reverse ? ",\"strand\":\"-\"" : ",\"strand\":\"+\"");
        row.put(",\"site_seq\":\"");
        row.rna(site, reverse);
        row.put(near_stop ? "\",\"near_stop\":true" : "\",\"near_stop\":false");
        if (detail_column_) {
            row.put(",\"class_detail\":");
            if (detail.empty()) {
                row.put("null");
            } else {
                row.put('"');
                row.put(detail);
                row.put('"');
            }
        }
        break;
    }
    columns.post_size = static_cast<std::uint8_t>(row.p - columns.text.data() - columns.pre_size);
    return columns;
}

void site_formatter::append(std::string& out, const record_columns& record, const site_columns& site, std::uint32_t mirna,
                            const claim_mark* claims, const scoring::site_score* score, const scoring::duplex_result* duplex,
                            std::uint64_t window_begin, double dg_open, const site_conservation_text* conservation) const {
    const std::string_view mirna_part(mirna_text_.data() + mirna_part_[mirna].first, mirna_part_[mirna].second);
    if (format_ == output_format::bed && genome_coords_) {
        const record_header& header = *record.record;
        thread_local std::string name;
        name = mirna_part;
        name += name_of(site.type);
        name += ':';
        name += header.gene;
        name += ':';
        name += header.id;
        append_genome_bed12(out, *header.genome, site.start, length_of(site.type), site.reverse, name,
                            scoring::bed_score(site.type));
        return;
    }
    // The columns of every row up to the claims: ready-made parts; NA claims and the row end of
    // the common unscored row are fixed text too.
    constexpr std::string_view na_claims_tsv = "\tNA\tNA\tNA";
    constexpr std::string_view na_claims_json = ",\"claim_ids\":null,\"claim_effect\":null,\"claim_citation\":null";
    row_cursor row{row_space(out, record.text.size() + site.pre_size + mirna_part.size() + site.post_size + 64)};
    row.put(record.text);
    row.put(std::string_view(site.text.data(), site.pre_size));
    row.put(mirna_part);
    row.put(std::string_view(site.text.data() + site.pre_size, site.post_size));
    const bool tail = scored_ || duplex_ || access_ || conservation_columns_;
    if (format_ == output_format::bed) {
        end_row(out, row);
        return;
    }
    const bool tsv = format_ == output_format::tsv;
    if (!claims) {
        row.put(tsv ? na_claims_tsv : na_claims_json);
        if (!tail) row.put(tsv ? "\n" : "}\n");
    }
    end_row(out, row);
    if (!claims && !tail) return;
    if (claims) {
        if (tsv) {
            append_claim_columns(out, *claims);
        } else {
            out += ",\"claim_ids\":\"" + json_escape(claims->ids) + "\",\"claim_effect\":\"" + json_escape(claims->effects) +
                   "\",\"claim_citation\":\"" + json_escape(claims->citations) + '"';
        }
    }
    if (scored_) append_score(out, score);
    if (duplex_) append_duplex(out, duplex, window_begin);
    if (access_) append_access(out, duplex, dg_open);
    if (conservation_columns_) append_conservation(out, conservation);
    out += tsv ? "\n" : "}\n";
}

}  // namespace mirhit::io
