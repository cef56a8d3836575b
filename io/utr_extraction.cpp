#include "io/utr_extraction.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "io/atomic_output.hpp"
#include "io/genbank_reader.hpp"
#include "io/genome_fasta.hpp"
#include "io/gtf_reader.hpp"

namespace mirhit::io {

namespace {

constexpr std::size_t fasta_width = 60;

void write_fasta(io::atomic_output& out, const std::string& header, std::string_view seq) {
    std::string text = ">" + header + "\n";
    for (std::size_t i = 0; i < seq.size(); i += fasta_width) {
        text += seq.substr(i, fasta_width);
        text += '\n';
    }
    out.write(text);
}

// Why records were left out, in the order the note lists them.
enum skip_reason { not_mrna, no_cds, several_cds, remote_cds, minus_cds, partial_cds, empty_utr, skip_reasons };
constexpr const char* skip_text[skip_reasons] = {
    "not mRNA", "without a CDS", "with several CDSs", "with the CDS in other records", "with the CDS on the minus strand",
    "with a partial 3' end of the CDS", "with an empty 3'UTR"};

using ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

struct transcript {
    std::string id, gene, gene_key, chrom;
    char strand = '.';
    std::uint64_t line = 0;  // the transcript's first GTF line
    std::uint64_t coding_start = std::numeric_limits<std::uint64_t>::max(), coding_end = 0;  // CDS and stop codon
    ranges three_prime_utr, utr;
    std::vector<std::uint64_t> three_prime_utr_lines, utr_lines;  // GTF line of each piece
    ranges exons;  // the 3'UTR in transcript order
    ranges cds;    // CDS and stop codon pieces; in transcript order once the ORF is wanted
    std::string sequence, orf;
};

struct gtf_counts {
    std::uint64_t without_transcript = 0, duplicates = 0;
};

// Adds a 3'UTR piece of a transcript: an exact repeat of a piece is merged (counted), an
// overlap with another piece is an error.
void add_utr_piece(ranges& pieces, std::vector<std::uint64_t>& lines, const gtf_record& rec, const gtf_reader& reader,
                   const std::string& id, gtf_counts& counts) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const auto [start, end] = pieces[i];
        if (start == rec.start && end == rec.end) {
            ++counts.duplicates;
            return;
        }
        if (rec.start <= end && start <= rec.end)
            throw input_error_at(reader.name(), reader.line_number(),
                                 rec.feature + " " + std::to_string(rec.start) + "-" + std::to_string(rec.end) + " of transcript " +
                                     id + " overlaps " + std::to_string(start) + "-" + std::to_string(end) + " at line " +
                                     std::to_string(lines[i]));
    }
    pieces.emplace_back(rec.start, rec.end);
    lines.push_back(reader.line_number());
}

std::vector<transcript> read_transcripts(const std::string& path, gtf_counts& counts) {
    io::gtf_reader reader(io::byte_source::open(path));
    std::vector<transcript> out;
    std::unordered_map<std::string, std::size_t> index;
    io::gtf_record rec;
    while (reader.next(rec)) {
        auto id = rec.attribute("transcript_id");
        if (id.empty()) {
            counts.without_transcript += rec.feature == "three_prime_utr" || rec.feature == "UTR" || rec.feature == "CDS";
            continue;
        }
        auto [it, added] = index.try_emplace(std::string(id), out.size());
        if (added) {
            auto& t = out.emplace_back();
            t.id = id;
            auto gene_id = rec.attribute("gene_id"), gene_name = rec.attribute("gene_name");
            t.gene = !gene_name.empty() ? gene_name : !gene_id.empty() ? gene_id : id;
            t.gene_key = !gene_id.empty() ? gene_id : t.gene;
            t.chrom = rec.seqname;
            t.strand = rec.strand;
            t.line = reader.line_number();
        }
        auto& t = out[it->second];
        if (rec.seqname != t.chrom || rec.strand != t.strand)
            throw input_error_at(reader.name(), reader.line_number(),
                                 "transcript " + t.id + " is on " + rec.seqname + " " + rec.strand + " here, on " + t.chrom + " " +
                                     t.strand + " at line " + std::to_string(t.line));
        if (rec.feature == "CDS" || rec.feature == "stop_codon") {
            t.coding_start = std::min(t.coding_start, rec.start);
            t.coding_end = std::max(t.coding_end, rec.end);
            t.cds.emplace_back(rec.start, rec.end);
        } else if (rec.feature == "three_prime_utr") {
            add_utr_piece(t.three_prime_utr, t.three_prime_utr_lines, rec, reader, t.id, counts);
        } else if (rec.feature == "UTR") {
            add_utr_piece(t.utr, t.utr_lines, rec, reader, t.id, counts);
        }
    }
    return out;
}

// Ensembl's three_prime_utr features, else GENCODE's UTR features past the stop codon; either
// way without the stop codon, in transcript order.
ranges three_prime_exons(const transcript& t) {
    const bool coding = t.coding_end != 0;
    if (t.three_prime_utr.empty() && !coding) return {};
    ranges out;
    for (auto [start, end] : t.three_prime_utr.empty() ? t.utr : t.three_prime_utr) {
        if (coding && t.strand == '+') {
            if (end <= t.coding_end) continue;
            start = std::max(start, t.coding_end + 1);
        } else if (coding) {
            if (start >= t.coding_start) continue;
            end = std::min(end, t.coding_start - 1);
        }
        out.emplace_back(start, end);
    }
    std::sort(out.begin(), out.end());
    if (t.strand == '-') std::reverse(out.begin(), out.end());
    return out;
}

constexpr std::array<char, 256> complement_letter = [] {
    std::array<char, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = static_cast<char>(c);
    for (auto [a, b] : {std::pair{'A', 'T'}, {'C', 'G'}, {'R', 'Y'}, {'K', 'M'}, {'B', 'V'}, {'D', 'H'}}) {
        table[static_cast<unsigned char>(a)] = b;
        table[static_cast<unsigned char>(b)] = a;
    }
    table['U'] = 'A';
    return table;
}();

// The pieces of a transcript (in transcript order) from its chromosome, reverse-complemented on
// the minus strand. what: the pieces' name for errors.
std::string spliced(const transcript& t, const ranges& pieces, std::string_view chrom, std::string_view what, const utrs_request& args) {
    std::string out;
    for (auto [start, end] : pieces) {
        if (end > chrom.size())
            throw input_error_at(args.gtf, t.line,
                                 std::string(what) + " of " + t.id + " ends at " + std::to_string(end) + ", after the end of " + t.chrom +
                                     " (" + std::to_string(chrom.size()) + " bp in " + args.genome + ")");
        std::string part(chrom.substr(start - 1, end - start + 1));
        for (auto& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (t.strand == '-') {
            std::reverse(part.begin(), part.end());
            for (auto& c : part) c = complement_letter[static_cast<unsigned char>(c)];
        }
        out += part;
    }
    return out;
}

// Fills the sequence (and with --orfs the ORF) of every transcript with a 3'UTR from the genome,
// one chromosome at a time.
void splice_utrs(std::vector<transcript>& transcripts, const utrs_request& args) {
    std::unordered_map<std::string, std::vector<std::size_t>> by_chrom;
    for (std::size_t i = 0; i < transcripts.size(); ++i)
        if (!transcripts[i].exons.empty()) by_chrom[transcripts[i].chrom].push_back(i);
    io::genome_fasta_reader genome(io::byte_source::open(args.genome));
    std::string id, chrom;
    while (genome.next(id, chrom)) {
        auto it = by_chrom.find(id);
        if (it == by_chrom.end()) continue;
        for (auto i : it->second) {
            auto& t = transcripts[i];
            t.sequence = spliced(t, t.exons, chrom, "3'UTR", args);
            if (!args.orfs.empty()) t.orf = spliced(t, t.cds, chrom, "CDS", args);
        }
        by_chrom.erase(it);
    }
    std::size_t first_missing = transcripts.size();
    for (const auto& [chrom, indices] : by_chrom) first_missing = std::min(first_missing, indices.front());
    if (first_missing < transcripts.size()) {
        const auto& t = transcripts[first_missing];
        throw input_error_at(args.gtf, t.line, "chromosome " + t.chrom + " of transcript " + t.id + " is not in " + args.genome);
    }
}

// "START-END,..." (1-based genomic).
std::string range_text(const ranges& pieces) {
    std::string out;
    for (std::size_t e = 0; e < pieces.size(); ++e)
        out += (e ? "," : "") + std::to_string(pieces[e].first) + "-" + std::to_string(pieces[e].second);
    return out;
}

void run_gtf_utrs(const utrs_request& args) {
    gtf_counts counts;
    auto transcripts = read_transcripts(args.gtf, counts);
    std::uint64_t without_utr = 0;
    for (auto& t : transcripts) {
        t.exons = three_prime_exons(t);
        std::sort(t.cds.begin(), t.cds.end());
        if (t.strand == '-') std::reverse(t.cds.begin(), t.cds.end());
        if (t.exons.empty()) ++without_utr;
        else if (t.strand == '.')
            throw input_error_at(args.gtf, t.line, "transcript " + t.id + " has a 3'UTR but no strand");
    }
    splice_utrs(transcripts, args);

    std::vector<bool> keep(transcripts.size());
    std::unordered_map<std::string, std::size_t> longest;  // gene -> transcript kept
    std::uint64_t shorter = 0;
    for (std::size_t i = 0; i < transcripts.size(); ++i) {
        if (transcripts[i].exons.empty()) continue;
        keep[i] = true;
        if (!args.one_per_gene) continue;
        auto [it, added] = longest.try_emplace(transcripts[i].gene_key, i);
        if (added) continue;
        ++shorter;
        if (transcripts[i].sequence.size() > transcripts[it->second].sequence.size()) {
            keep[it->second] = false;
            it->second = i;
        } else {
            keep[i] = false;
        }
    }

    io::atomic_output out(args.output);
    std::unique_ptr<io::atomic_output> orfs = args.orfs.empty() ? nullptr : std::make_unique<io::atomic_output>(args.orfs);
    std::uint64_t written = 0;
    for (std::size_t i = 0; i < transcripts.size(); ++i) {
        if (!keep[i]) continue;
        const auto& t = transcripts[i];
        write_fasta(out, t.id + " gene=" + t.gene + " chrom=" + t.chrom + " strand=" + t.strand + " exons=" + range_text(t.exons),
                    t.sequence);
        if (orfs && !t.orf.empty())
            write_fasta(*orfs, t.id + " gene=" + t.gene + " chrom=" + t.chrom + " strand=" + t.strand + " cds=" + range_text(t.cds) +
                                   " orf_length=" + std::to_string(t.orf.size()),
                        t.orf);
        ++written;
    }
    if (orfs) orfs->commit();
    out.commit();
    std::cerr << "mirhit: note: " << args.gtf << ": " << written << " 3'UTRs from " << transcripts.size() << " transcripts; skipped "
              << without_utr << " without a 3'UTR";
    if (args.one_per_gene) std::cerr << ", " << shorter << " not the longest 3'UTR of their gene";
    if (counts.without_transcript) std::cerr << ", " << counts.without_transcript << " UTR/CDS features without transcript_id";
    if (counts.duplicates) std::cerr << "; merged " << counts.duplicates << " repeated 3'UTR features";
    std::cerr << "\n";
}

// A plus-strand CDS's ranges of the record (each checked to end inside it), joined: the ORF, stop
// codon included.
std::string spliced_cds(std::string_view sequence, const io::genbank_location& loc) {
    std::string out;
    for (auto [start, end] : loc.ranges) out += sequence.substr(start - 1, end - start + 1);
    return out;
}

void run_genbank_utrs(const utrs_request& args) {
    const bool embl = !args.embl.empty();
    io::genbank_reader reader(io::byte_source::open(embl ? args.embl : args.genbank), embl ? io::flat_format::embl : io::flat_format::genbank);
    io::atomic_output out(args.output);
    std::unique_ptr<io::atomic_output> orfs = args.orfs.empty() ? nullptr : std::make_unique<io::atomic_output>(args.orfs);
    std::uint64_t records = 0, written = 0, skipped[skip_reasons] = {};
    io::genbank_record record;
    while (reader.next(record)) {
        ++records;
        if (record.molecule != "mRNA") {
            ++skipped[not_mrna];
            continue;
        }
        const io::genbank_feature* cds = nullptr;
        int cds_count = 0;
        for (const auto& f : record.features)
            if (f.key == "CDS" && cds_count++ == 0) cds = &f;
        if (cds_count != 1) {
            ++skipped[cds_count == 0 ? no_cds : several_cds];
            continue;
        }
        std::string error;
        auto loc = io::parse_genbank_location(cds->location, error);
        if (!loc) throw input_error_at(reader.name(), cds->line, "CDS location '" + cds->location + "': " + error);
        if (loc->remote || loc->minus || loc->partial3) {
            ++skipped[loc->remote ? remote_cds : loc->minus ? minus_cds : partial_cds];
            continue;
        }
        const std::uint64_t cds_end = loc->ranges.back().second;
        if (std::any_of(loc->ranges.begin(), loc->ranges.end(), [&](const auto& r) { return r.second > record.length; }))
            throw input_error_at(reader.name(), cds->line,
                                 "CDS " + cds->location + " ends after the " + std::to_string(record.length) + " bp record");
        if (cds_end == record.length) {
            ++skipped[empty_utr];
            continue;
        }
        const std::string* gene = cds->qualifier("gene");
        for (const auto& f : record.features)
            if (!gene && f.key == "gene") gene = f.qualifier("gene");
        const std::uint64_t utr_length = record.length - cds_end;
        write_fasta(out,
                    record.accession + " gene=" + (gene ? *gene : record.accession) + " cds_end=" + std::to_string(cds_end) +
                        " utr_length=" + std::to_string(utr_length),
                    std::string_view(record.sequence).substr(cds_end));
        if (orfs) {
            const auto orf = spliced_cds(record.sequence, *loc);
            write_fasta(*orfs, record.accession + " gene=" + (gene ? *gene : record.accession) + " cds=" + cds->location +
                                   " orf_length=" + std::to_string(orf.size()),
                        orf);
        }
        ++written;
    }
    if (orfs) orfs->commit();
    out.commit();

    std::string note = reader.name() + ": " + std::to_string(written) + " 3'UTRs from " + std::to_string(records) + " records";
    std::string skips;
    for (int r = 0; r < skip_reasons; ++r)
        if (skipped[r]) skips += (skips.empty() ? "" : ", ") + std::to_string(skipped[r]) + " " + skip_text[r];
    std::cerr << "mirhit: note: " << note << "; skipped " << (skips.empty() ? "none" : skips) << "\n";
}

}  // namespace

void extract_utrs(const utrs_request& args) {
    if (args.gtf.empty())
        run_genbank_utrs(args);
    else
        run_gtf_utrs(args);
}

}  // namespace mirhit::io
