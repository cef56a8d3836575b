#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/mirna.hpp"
#include "core/progress.hpp"
#include "core/site.hpp"
#include "engine/score_setup.hpp"
#include "engine/shard.hpp"
#include "io/fasta_reader.hpp"
#include "io/gene_summary.hpp"
#include "io/site_writer.hpp"
#include "scoring/accessibility.hpp"

namespace mirhit::engine {

// The scores a scan adds to its site rows.
struct score_kinds {
    bool context = false;  // TargetScan 7 context++ (with SA from the accessibility model)
    bool duplex = false;   // miRNA-UTR duplex free energy and structure
    bool access = false;   // dG_open of the site (and ddG with duplex)
    bool any() const { return context || duplex || access; }
};

// A scan, described plainly: what to read, which miRNAs and sites to find, how to score them and
// what the results are (site rows or per-record counts). A scan_engine runs it.
struct scan_job {
    std::vector<std::string> utr_files;  // "-" is standard input
    // A mirhit index (io/utr_index.hpp) instead of utr_files: its records, and its stored
    // accessibility instead of folding (the job's model must be the index's).
    std::string index_file;
    std::size_t chunk_size = 1u << 18;   // sequence bytes per parallel work item
    shard_spec shard;                    // count 0: the whole input
    mirna_set mirnas;
    site_type_set types = site_type_set::all();
    score_kinds scores;
    std::string energy_params_file;      // empty: built-in Turner 2004
    scoring::plfold_options access;      // the accessibility model (SA and dG_open)
    score_options score_inputs;          // context++ inputs: TA, ORFs, isoforms, PCT
    bool both_strands = false;
    bool genome_coords = false;          // bed rows in genome coordinates (headers of `utrs --gtf`)
    io::output_format format = io::output_format::tsv;
    bool counts = false;                 // per record, miRNA and strand counts instead of site rows
    bool gzip_rows = false;              // site rows reach consumers as gzip members made on the workers
    bool gene_summary = false;           // consumers get gene_summary() calls
    std::vector<std::string> claim_files;  // claims tables besides the built-in one
    bool builtin_claims = true;
    progress_mode progress = progress_mode::quiet;  // progress on standard error while it runs
};

// A consumer of a scan's results, which it gets in input order, whatever the threads.
class scan_consumer {
public:
    virtual ~scan_consumer() = default;
    // Before the first results (also when there are none).
    virtual void start() {}
    // Formatted rows (site rows, or count rows with job.counts), to be written as they come.
    virtual void rows(std::string_view /*text*/) {}
    // With job.gzip_rows, instead of rows(): a batch's rows as one complete gzip member.
    virtual void rows_gzip_member(std::string_view /*member*/) {}
    // Every record the scan reads, once.
    virtual void record(const io::record_header& /*record*/) {}
    // Sites found for curated claim `claim` (an index into the engine's claims).
    virtual void claim_sites(std::uint32_t /*claim*/, site_type /*type*/, std::uint64_t /*count*/) {}
    // With job.gene_summary: a record's (or piece's) sites as io::summary_event codes, and its
    // context++ summary per miRNA when scored.
    virtual void gene_summary(const io::record_header& /*record*/, std::span<const std::uint32_t> /*events*/,
                              std::span<const io::utr_score> /*scores*/) {}
    // After the last results.
    virtual void finish() {}
};

}  // namespace mirhit::engine
