#include "io/rnaduplex_format.hpp"

#include <algorithm>
#include <cstdio>

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "io/atomic_output.hpp"

namespace mirhit::io {

namespace {

bool is_c_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string shown(char c) {
    if (c >= 0x21 && c <= 0x7e) return std::string("'") + c + "'";
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
    return hex;
}

}  // namespace

rnaduplex_reader::rnaduplex_reader(std::unique_ptr<byte_source> source) : lines_(std::move(source)) {}

rnaduplex_reader::line_kind rnaduplex_reader::read_line() {
    while (!ended_ && lines_.next(line_)) {
        if (line_.empty() || line_[0] == '*') continue;
        if (line_[0] == '@') break;  // RNAduplex's quit request
        line_.erase(line_.find_last_not_of(" \t") + 1);
        if (line_[0] == '>') {
            // sscanf(line, ">%s"): the first word after the '>'.
            auto from = std::find_if_not(line_.begin() + 1, line_.end(), is_c_space);
            auto to = std::find_if(from, line_.end(), is_c_space);
            if (from == to) throw input_error_at(lines_.name(), lines_.line_number(), "FASTA header without a name");
            line_ = std::string(from, to);
            return line_kind::header;
        }
        if (line_.empty()) throw input_error_at(lines_.name(), lines_.line_number(), "a line of blanks is not a sequence");
        for (char& c : line_) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (c == 'T') c = 'U';
            if (c != 'A' && c != 'C' && c != 'G' && c != 'U')
                throw input_error_at(lines_.name(), lines_.line_number(),
                                     "illegal character " + shown(c) + " in sequence (A, C, G, U or T expected)");
        }
        return line_kind::sequence;
    }
    ended_ = true;
    return line_kind::end;
}

// The next sequence, after any headers (appended to headers); empty at the end of the input.
std::string rnaduplex_reader::next_sequence(std::string& headers) {
    std::uint64_t header_line = 0;
    std::string header;
    for (;;) {
        const auto kind = read_line();
        if (kind == line_kind::sequence) return std::move(line_);
        if (header_line)
            throw input_error_at(lines_.name(), header_line, "FASTA header '>" + header + "' has no sequence after it");
        if (kind == line_kind::end) return {};
        header_line = lines_.line_number();
        header = line_;
        headers += ">" + header + "\n";
    }
}

bool rnaduplex_reader::next(rnaduplex_pair& pair) {
    pair.headers.clear();
    pair.first = next_sequence(pair.headers);
    if (pair.first.empty()) return false;
    const std::uint64_t first_line = lines_.line_number();
    pair.second = next_sequence(pair.headers);
    if (pair.second.empty())
        throw input_error_at(lines_.name(), first_line,
                             "sequence without a partner: RNAduplex reads sequences in pairs (an odd number of sequences)");
    return true;
}

std::string rnaduplex_line(scoring::duplex_folder& folder, std::string_view first, std::string_view second) {
    // The folder's fold(mirna, target) breaks ties as RNAduplex given the target first, so
    // RNAduplex(first, second) is fold(second, first) with the parts swapped back.
    const scoring::duplex_result d = folder.fold(second, first);
    if (d.pairs.empty()) return ".&.   1,1   :   0,0   (100000.00)\n";
    const auto amp = d.structure.find('&');
    std::string out = d.structure.substr(amp + 1) + "&" + d.structure.substr(0, amp);
    for (char& c : out) c = c == ')' ? '(' : c == '(' ? ')' : c;
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, " %3d,%-3d : %3d,%-3d (%5.2f)\n", d.target_from, d.target_to, d.mirna_from,
                  d.mirna_to, d.dg());
    return out + numbers;
}

namespace {

struct pair_batch {
    std::vector<rnaduplex_pair> pairs;
};

// Pairs per parallel work item: up to 256, or fewer long ones (about 4 million DP cells).
bool read_batch(rnaduplex_reader& reader, pair_batch& batch) {
    std::size_t cells = 0;
    rnaduplex_pair pair;
    while (batch.pairs.size() < 256 && cells < (std::size_t{1} << 22) && reader.next(pair)) {
        cells += pair.first.size() * pair.second.size();
        batch.pairs.push_back(std::move(pair));
    }
    return !batch.pairs.empty();
}

}  // namespace

void run_rnaduplex(const std::vector<std::string>& inputs, const std::string& output, const scoring::energy_params& params,
                   progress_mode progress) {
    atomic_output out(output);
    progress_tally tally("mirhit duplex", progress, "pairs", false);
    oneapi::tbb::enumerable_thread_specific<scoring::duplex_folder> folders(params);
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    for (const auto& input : inputs) {
        rnaduplex_reader reader(byte_source::open(input));
        run_ordered_pipeline<pair_batch>(
            live_batches,
            [&](pair_batch& batch) {
                if (!read_batch(reader, batch)) return false;
                tally.add(batch.pairs.size());
                return true;
            },
            [&](pair_batch& batch) {
                auto& folder = folders.local();
                std::string text;
                for (const auto& p : batch.pairs) text += p.headers + rnaduplex_line(folder, p.first, p.second);
                return text;
            },
            [&](const std::string& text) { out.write(text); });
    }
    tally.finish();
    out.commit();
}

}  // namespace mirhit::io
