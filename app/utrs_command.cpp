#include "app/utrs_command.hpp"

#include <cstdint>
#include <iostream>

#include "core/error.hpp"
#include "io/atomic_output.hpp"
#include "io/genbank_reader.hpp"

namespace mirhit::app {

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

}  // namespace

void run_utrs(const utrs_args& args) {
    io::genbank_reader reader(io::byte_source::open(args.genbank));
    io::atomic_output out(args.output);
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
        if (cds_end > record.length)
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
        ++written;
    }
    out.commit();

    std::string note = reader.name() + ": " + std::to_string(written) + " 3'UTRs from " + std::to_string(records) + " records";
    std::string skips;
    for (int r = 0; r < skip_reasons; ++r)
        if (skipped[r]) skips += (skips.empty() ? "" : ", ") + std::to_string(skipped[r]) + " " + skip_text[r];
    std::cerr << "mirhit: note: " << note << "; skipped " << (skips.empty() ? "none" : skips) << "\n";
}

}  // namespace mirhit::app
