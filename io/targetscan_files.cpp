#include "io/targetscan_files.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>
#include <vector>

#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "io/atomic_output.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

namespace {

std::string field_count_message(std::string_view expected, std::size_t found) {
    return "expected 3 tab-separated fields (" + std::string(expected) + "), found " + std::to_string(found);
}

// Cuts the UTR file into gene sets: adjacent rows with the same gene id.
class utr_reader {
public:
    explicit utr_reader(const std::string& path) : lines_(byte_source::open(path)) {}

    bool next(targetscan70::gene_set& set) {
        if (!pending_ && !read_row()) return false;
        set.gene = std::move(gene_);
        set.utrs.clear();
        set.set_utr(species_, std::move(alignment_));
        while ((pending_ = read_row()) && gene_ == set.gene) set.set_utr(species_, std::move(alignment_));
        return true;
    }

    const std::string& name() const { return lines_.name(); }

private:
    bool read_row() {
        while (lines_.next(line_)) {
            if (is_blank(line_)) continue;
            split_fields(line_, fields_);
            // The reference skips rows whose species is false in Perl: consensus rows.
            if (fields_.size() >= 2 && (fields_[1].empty() || fields_[1] == "0")) continue;
            drop_trailing_empty(fields_);
            if (fields_.size() != 3) fail(field_count_message("gene, species id, aligned UTR", fields_.size()));
            if (fields_[0].empty()) fail("empty gene id");
            if (fields_[0] == "0") fail("gene id '0' is not supported (targetscan_70.pl reads it as missing)");
            if (fields_[2].size() >= std::numeric_limits<std::uint32_t>::max())
                fail("aligned UTR is longer than 4294967294 characters");
            gene_.assign(fields_[0]);
            species_.assign(fields_[1]);
            alignment_.assign(fields_[2]);
            return true;
        }
        return false;
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw input_error_at(lines_.name(), lines_.line_number(), message);
    }

    line_reader lines_;
    std::string line_;
    std::vector<std::string_view> fields_;
    bool pending_ = false;  // gene_, species_, alignment_ hold a row not yet handed out
    std::string gene_, species_, alignment_;
};

struct gene_work {
    targetscan70::gene_set gene;
    targetscan70::gene_result result;
};

}  // namespace

targetscan70::family_table read_targetscan_families(const std::string& family_file) {
    line_reader lines(byte_source::open(family_file));
    targetscan70::family_table table;
    std::string line;
    std::vector<std::string_view> fields;
    while (lines.next(line)) {
        if (is_blank(line)) continue;
        split_fields(line, fields);
        drop_trailing_empty(fields);
        if (fields.size() != 3)
            throw input_error_at(lines.name(), lines.line_number(),
                                 field_count_message("miRNA family, seed, species ids", fields.size()));
        try {
            table.add(fields[0], fields[1], fields[2]);
        } catch (const targetscan70::format_error& e) {
            throw input_error_at(lines.name(), lines.line_number(), e.what());
        }
    }
    if (table.empty()) throw input_error(lines.name() + ": no miRNA families found");
    return table;
}

void run_targetscan70(const std::string& family_file, const std::string& utr_file, const std::string& output_file,
                      unsigned threads, progress_mode progress) {
    const targetscan70::family_table families = read_targetscan_families(family_file);
    utr_reader reader(utr_file);
    atomic_output output(output_file);
    output.write(targetscan70::output_header);

    const unsigned workers = threads ? threads : static_cast<unsigned>(oneapi::tbb::this_task_arena::max_concurrency());
    std::uint64_t genes = 0, group_offset = 0;
    std::string text;
    progress_tally tally("mirhit targetscan", progress, "genes", false);
    run_ordered_pipeline<gene_work>(
        4 * static_cast<std::size_t>(workers),
        [&](gene_work& work) {
            if (!reader.next(work.gene)) return false;
            ++genes;
            tally.add(1);
            return true;
        },
        [&](gene_work& work) { work.result = targetscan70::process_gene(families, work.gene); },
        [&](gene_work& work) {
            text.clear();
            targetscan70::append_rows(text, work.gene.gene, work.result, group_offset);
            group_offset += work.result.groups.size();
            output.write(text);
        });
    tally.finish();
    if (genes == 0) throw input_error(reader.name() + ": no aligned UTRs found");
    output.commit();
}

}  // namespace mirhit::io
