#include "engine/input_progress.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>

namespace mirhit::engine {

namespace {

// The file's size on disk when it is a plain (not gzip) regular file, else nothing.
std::optional<std::uint64_t> plain_size(const std::string& file) {
    std::error_code ec;
    if (file == "-" || !std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    char bytes[4] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(bytes, 4);
    const std::string_view magic(bytes, static_cast<std::size_t>(in.gcount()));
    // gzip, bzip2, xz, zstd: the bytes read from disk are not the bases.
    for (std::string_view compressed : {"\x1f\x8b", "BZh", "\xfd" "7zX", "\x28\xb5\x2f\xfd"})
        if (magic.starts_with(compressed)) return std::nullopt;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return std::nullopt;
    return size;
}

}  // namespace

input_progress::input_progress(const std::vector<std::string>& files, std::string label, progress_mode mode) {
    if (mode == progress_mode::quiet) return;
    meter_.emplace(std::cerr, std::move(label), mode);
    for (const auto& file : files) {
        const auto size = plain_size(file);
        if (!size) {
            sizes_.clear();
            return;
        }
        sizes_.push_back(*size);
        counts_.total_bytes += *size;
    }
}

void input_progress::add(std::span<const io::sequence_piece> pieces) {
    if (!meter_) return;
    for (const auto& piece : pieces) {
        counts_.records += piece.offset == 0;
        // A record's pieces overlap by piece.overlap bases.
        const std::uint64_t bases = piece.seq.size() - std::min<std::uint64_t>(piece.overlap, piece.seq.size());
        counts_.bases += bases;
        file_bases_ += bases;
    }
    if (file_ < sizes_.size()) counts_.bytes = done_bytes_ + std::min(file_bases_, sizes_[file_]);
    meter_->update(counts_);
}

void input_progress::next_file() {
    if (file_ < sizes_.size()) done_bytes_ += sizes_[file_];
    counts_.bytes = done_bytes_;
    ++file_;
    file_bases_ = 0;
}

void input_progress::finish() {
    if (meter_) meter_->finish(counts_);
}

}  // namespace mirhit::engine
