#include "io/genome_coords.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace mirhit::io {

namespace {

bool parse_position(std::string_view text, std::uint64_t& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value >= 1;
}

}  // namespace

std::uint64_t genome_blocks::length() const {
    std::uint64_t total = 0;
    for (auto [start, end] : exons) total += end - start + 1;
    return total;
}

bool parse_genome_blocks(std::string_view header, genome_blocks& out, std::string& error) {
    std::string_view chrom, strand, exons;
    std::size_t i = 0;
    while (i < header.size()) {
        while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
        const std::size_t begin = i;
        while (i < header.size() && header[i] != ' ' && header[i] != '\t') ++i;
        const auto word = header.substr(begin, i - begin);
        if (word.starts_with("chrom=")) chrom = word.substr(6);
        else if (word.starts_with("strand=")) strand = word.substr(7);
        else if (word.starts_with("exons=")) exons = word.substr(6);
    }
    if (chrom.empty() || strand.empty() || exons.empty()) {
        error = "no genome coordinates in the header (chrom=, strand= and exons=, as `mirhit utrs --genome --gtf` writes them)";
        return false;
    }
    if (strand != "+" && strand != "-") {
        error = "strand=" + std::string(strand) + " is not + or -";
        return false;
    }
    out.chrom = chrom;
    out.strand = strand[0];
    out.exons.clear();
    std::size_t pos = 0;
    while (pos <= exons.size()) {
        auto comma = std::min(exons.find(',', pos), exons.size());
        const auto range = exons.substr(pos, comma - pos);
        const auto dash = range.find('-');
        std::uint64_t start = 0, end = 0;
        if (dash == std::string_view::npos || !parse_position(range.substr(0, dash), start) ||
            !parse_position(range.substr(dash + 1), end) || end < start) {
            error = "exons=" + std::string(exons) + ": '" + std::string(range) + "' is not START-END (1-based, START <= END)";
            return false;
        }
        if (!out.exons.empty()) {
            const auto [prev_start, prev_end] = out.exons.back();
            if (out.strand == '+' ? start <= prev_end : end >= prev_start) {
                error = "exons=" + std::string(exons) + ": " + std::string(range) + " overlaps or comes before the exon before it on strand " +
                        out.strand;
                return false;
            }
        }
        out.exons.emplace_back(start, end);
        pos = comma + 1;
    }
    return true;
}

void append_genome_bed12(std::string& out, const genome_blocks& where, std::uint64_t start, std::uint64_t length, bool reverse,
                         std::string_view name, unsigned score) {
    thread_local std::vector<std::pair<std::uint64_t, std::uint64_t>> blocks;  // 0-based, half-open, genome order
    blocks.clear();
    const std::uint64_t end = start + length;
    std::uint64_t done = 0;  // sequence length of the exons before this one
    for (auto [first, last] : where.exons) {
        const std::uint64_t size = last - first + 1;
        const std::uint64_t lo = std::max(start, done), hi = std::min(end, done + size);
        if (lo < hi) {
            if (where.strand == '+')
                blocks.emplace_back(first - 1 + (lo - done), first - 1 + (hi - done));
            else
                blocks.emplace_back(last - (hi - done), last - (lo - done));
        }
        done += size;
        if (done >= end) break;
    }
    if (where.strand == '-') std::reverse(blocks.begin(), blocks.end());
    std::size_t kept = 0;
    for (std::size_t b = 1; b < blocks.size(); ++b) {
        if (blocks[b].first == blocks[kept].second)
            blocks[kept].second = blocks[b].second;
        else
            blocks[++kept] = blocks[b];
    }
    blocks.resize(kept + 1);
    const std::uint64_t chrom_start = blocks.front().first, chrom_end = blocks.back().second;
    out += where.chrom;
    out += '\t';
    append_number(out, chrom_start);
    out += '\t';
    append_number(out, chrom_end);
    out += '\t';
    out += name;
    out += '\t';
    append_number(out, score);
    out += '\t';
    out += (where.strand == '-') != reverse ? '-' : '+';
    out += '\t';
    append_number(out, chrom_start);
    out += '\t';
    append_number(out, chrom_end);
    out += "\t0\t";
    append_number(out, blocks.size());
    out += '\t';
    for (auto [b, e] : blocks) {
        append_number(out, e - b);
        out += ',';
    }
    out += '\t';
    for (auto [b, e] : blocks) {
        append_number(out, b - chrom_start);
        out += ',';
    }
    out += '\n';
}

}  // namespace mirhit::io
