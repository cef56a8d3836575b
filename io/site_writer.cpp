#include "io/site_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/encoding.hpp"
#include "io/genome_coords.hpp"
#include "mirhit/version.hpp"
#include "scoring/site_efficacy.hpp"

namespace mirhit::io {

namespace {

void append_number(std::string& out, std::uint64_t value) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

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

// The site as RNA; reverse: the reverse complement (the site on the other strand).
void append_rna(std::string& out, std::string_view site, bool reverse = false) {
    if (!reverse) {
        for (char c : site) out.push_back(rna_letter[code_of(c) & 3]);
        return;
    }
    for (auto it = site.rbegin(); it != site.rend(); ++it) out.push_back(rna_letter[complement(code_of(*it) & 3)]);
}

}  // namespace

std::optional<output_format> parse_output_format(std::string_view name) {
    if (name == "tsv") return output_format::tsv;
    if (name == "bed") return output_format::bed;
    if (name == "jsonl") return output_format::jsonl;
    return std::nullopt;
}

std::string json_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
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
        switch (format) {
        case output_format::tsv: mirna_part_.push_back(m.name + '\t' + family + '\t'); break;
        case output_format::bed: mirna_part_.push_back(m.name + ':'); break;
        case output_format::jsonl:
            mirna_part_.push_back(",\"mirna\":\"" + json_escape(m.name) + "\",\"family\":\"" + family + "\"");
            break;
        }
    }
}

std::string site_formatter::column_header() const {
    if (format_ == output_format::bed && genome_coords_)
        return "track name=mirhit_sites description=\"mirhit miRNA sites (mirna:site_type:gene:transcript)\" useScore=1\n";
    if (format_ != output_format::tsv) return {};
    std::string header = std::string("utr_id\tgene\tmirna\tfamily\tsite_type\tstart\tend") + (stranded_ ? "\tstrand" : "") +
                         "\tsite_seq\tnear_stop\tclaim_ids\tclaim_effect\tclaim_citation";
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

void site_formatter::append(std::string& out, const record_header& record, std::string_view site, std::uint64_t start,
                            site_type type, std::uint32_t mirna, const claim_mark* claims,
                            const scoring::site_score* score, bool reverse, const scoring::duplex_result* duplex,
                            std::uint64_t window_begin, double dg_open) const {
    const std::uint64_t first = start + 1;
    const std::uint64_t last = start + length_of(type);
    const bool near_stop = !reverse && first <= near_stop_length;
    switch (format_) {
    case output_format::tsv:
        out += record.id;
        out += '\t';
        out += record.gene;
        out += '\t';
        out += mirna_part_[mirna];
        out += name_of(type);
        out += '\t';
        append_number(out, first);
        out += '\t';
        append_number(out, last);
        if (stranded_) out.append(reverse ? "\t-" : "\t+", 2);
        out += '\t';
        append_rna(out, site, reverse);
        out.append(near_stop ? "\t1" : "\t0", 2);
        if (claims) {
            out += '\t';
            out += claims->ids;
            out += '\t';
            out += claims->effects;
            out += '\t';
            out += claims->citations;
        } else {
            out += "\tNA\tNA\tNA";
        }
        if (scored_) append_score(out, score);
        if (duplex_) append_duplex(out, duplex, window_begin);
        if (access_) append_access(out, duplex, dg_open);
        out += '\n';
        break;
    case output_format::bed:
        if (genome_coords_) {
            thread_local std::string name;
            name = mirna_part_[mirna];
            name += name_of(type);
            name += ':';
            name += record.gene;
            name += ':';
            name += record.id;
            append_genome_bed12(out, *record.genome, start, length_of(type), reverse, name, scoring::bed_score(type));
            break;
        }
        out += record.id;
        out += '\t';
        append_number(out, start);
        out += '\t';
        append_number(out, last);
        out += '\t';
        out += mirna_part_[mirna];
        out += name_of(type);
        out += '\t';
        append_number(out, scoring::bed_score(type));
        out.append(reverse ? "\t-\n" : "\t+\n", 3);
        break;
    case output_format::jsonl:
        out += "{\"utr_id\":\"";
        out += json_escape(record.id);
        out += "\",\"gene\":\"";
        out += json_escape(record.gene);
        out += '"';
        out += mirna_part_[mirna];
        out += ",\"site_type\":\"";
        out += name_of(type);
        out += "\",\"start\":";
        append_number(out, first);
        out += ",\"end\":";
        append_number(out, last);
        if (stranded_) out += reverse ? ",\"strand\":\"-\"" : ",\"strand\":\"+\"";
        out += ",\"site_seq\":\"";
        append_rna(out, site, reverse);
        out += near_stop ? "\",\"near_stop\":true" : "\",\"near_stop\":false";
        if (claims) {
            out += ",\"claim_ids\":\"" + json_escape(claims->ids) + "\",\"claim_effect\":\"" + json_escape(claims->effects) +
                   "\",\"claim_citation\":\"" + json_escape(claims->citations) + '"';
        } else {
            out += ",\"claim_ids\":null,\"claim_effect\":null,\"claim_citation\":null";
        }
        if (scored_) append_score(out, score);
        if (duplex_) append_duplex(out, duplex, window_begin);
        if (access_) append_access(out, duplex, dg_open);
        out += "}\n";
        break;
    }
}

}  // namespace mirhit::io
