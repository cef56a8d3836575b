#include "app/scan_command.hpp"

#include <iostream>
#include <memory>
#include <unordered_map>

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "io/atomic_output.hpp"
#include "io/fasta_reader.hpp"
#include "io/gene_summary.hpp"
#include "io/mirna_reader.hpp"
#include "io/site_writer.hpp"
#include "io/utr_header.hpp"
#include "reference/builtin_mirnas.hpp"

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
    utr_input(const std::vector<std::string>& files, std::size_t chunk) : files_(files), chunk_(chunk) {}

    bool read(std::vector<io::sequence_piece>& pieces) {
        while (true) {
            if (!reader_) {
                if (next_file_ == files_.size()) return false;
                reader_ = std::make_unique<io::fasta_reader>(io::byte_source::open(files_[next_file_++]), site_context,
                                                             [this](io::record_header& r) { check_header(r); });
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
    std::size_t next_file_ = 0;
    std::unique_ptr<io::fasta_reader> reader_;
    std::unordered_map<std::string, std::string> first_seen_;
};

struct scan_batch {
    std::vector<io::sequence_piece> pieces;
};

struct scan_result {
    std::string text;
    // per piece: its record and, when a gene summary is wanted, the sites it counts
    std::vector<std::pair<std::shared_ptr<const io::record_header>, std::vector<std::uint32_t>>> summary;
};

}  // namespace

void run_scan(const scan_args& args, const std::string& command_line) {
    std::string mirna_source;
    const mirna_set mirnas = load_mirnas(args, mirna_source);
    const site_type_set types = parse_sites(args.sites);
    const auto format = io::parse_output_format(args.format).value();  // checked by the parser
    const seed_index index(mirnas.families(), types);
    const io::site_formatter formatter(format, mirnas);

    io::run_metadata meta{command_line,
                          {{"utrs", join(args.utr_files, " ")},
                           {"mirnas", mirna_source + (args.species.empty() ? "" : ", species " + args.species) + "; scanned: " +
                                          std::to_string(mirnas.size()) + " miRNAs in " +
                                          std::to_string(mirnas.families().size()) + " seed families (nt 2-8)"},
                           {"sites", site_list(types)},
                           {"near_stop", "sites starting in the first " + std::to_string(near_stop_length) +
                                             " nt of a UTR are flagged"},
                           {"format", args.format}}};
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
                                                            io::format_preamble(io::output_format::tsv, meta));

    utr_input input(args.utr_files, args.chunk_size);
    const auto& members = mirnas.families();
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    run_ordered_pipeline<scan_batch>(
        live_batches, [&](scan_batch& batch) { return input.read(batch.pieces); },
        [&](scan_batch& batch) {
            scan_result result;
            std::vector<family_site> sites;
            for (const auto& piece : batch.pieces) {
                sites.clear();
                const auto owned = owned_starts(piece.offset, piece.overlap, piece.seq.size(), piece.last);
                scan_piece(index, piece.seq, piece.offset, owned, sites);
                std::vector<std::uint32_t> events;
                for (const auto& s : sites) {
                    const std::string_view letters(piece.seq.data() + (s.start - piece.offset), length_of(s.type));
                    const bool near_stop = s.start < near_stop_length;
                    for (auto m : members[s.family].members) {
                        formatter.append(result.text, *piece.record, letters, s.start, s.type, m);
                        if (summary) events.push_back(io::summary_event(m, s.type, near_stop));
                    }
                }
                if (summary) result.summary.emplace_back(piece.record, std::move(events));
            }
            return result;
        },
        [&](scan_result& result) {
            start_output();
            out.write(result.text);
            if (summary)
                for (const auto& [record, events] : result.summary) summary->add(record->gene, events);
        });
    start_output();
    if (summary) summary->finish();
    out.commit();
}

}  // namespace mirhit::app
