#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/claim_marks.hpp"
#include "engine/scan_job.hpp"

namespace mirhit::engine {

// Runs a scan_job: reads the inputs in batches, finds the sites with the fastest kernel for the
// job, scores and formats them in parallel, and hands the results in input order to consumers.
class scan_engine {
public:
    // Loads what the job needs, in this order, so that the first bad input is the one reported:
    // energy parameters, context++ inputs, claims tables, then the input files (with a shard, a
    // first pass counts and checks their records). Throws input_error.
    explicit scan_engine(scan_job job);
    ~scan_engine();
    scan_engine(const scan_engine&) = delete;
    scan_engine& operator=(const scan_engine&) = delete;

    const scan_job& job() const;
    // The column header line of the rows (tsv; empty for formats without one).
    std::string column_header() const;
    // The records this run reads (all of them without a shard).
    const record_slice& slice() const;
    // Where the claims and energy parameters came from, and the '## score:' text (context++ only).
    const std::string& claims_source() const;
    const std::string& energy_source() const;
    // The input for the '## utrs:' line: the files, or the index and what it was built from.
    std::string input_description() const;
    const std::string& score_description() const;
    // The '## conservation:' text (--pct or --alignments; empty without).
    const std::string& conservation_description() const;
    // The claims, marked on rows; a consumer may tally into them (see claim_tally_consumer).
    claim_marks& marks();

    // Scans the input once; every consumer sees every result, in input order.
    void run(std::span<scan_consumer* const> consumers);

    struct state;  // the loaded job, defined in scan_engine.cpp

private:
    std::unique_ptr<state> state_;
};

}  // namespace mirhit::engine
