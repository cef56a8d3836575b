#include "io/utr_index.hpp"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.hpp"
#include "mirhit/version.hpp"
#include "scoring/target_abundance.hpp"

namespace mirhit::io {

static_assert(std::endian::native == std::endian::little, "the index format is little-endian");

namespace {

constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr std::uint64_t alignment = 4096;

struct string_ref {
    std::uint64_t offset, length;  // in the strings section
};

struct section {
    std::uint64_t offset, size, checksum;
};

enum section_id : std::size_t { values_section, sequences_section, records_section, strings_section, counts_section, section_count };
constexpr std::array<const char*, section_count> section_names = {"values", "sequences", "records", "strings", "TA counts"};

struct file_header {
    char magic[8];
    std::uint32_t version, byte_order;
    std::uint32_t window, max_span, max_unpaired, stretch_count;
    std::uint32_t stretches[4];
    std::uint64_t energy_hash;
    std::uint64_t records, total_nt, file_size;
    string_ref energy_source, mirhit_version, sources;  // sources: file names, each ending in '\n'
    section sections[section_count];
    std::uint64_t checksum;  // of the bytes before it
};

// Count of the TA section: per seed, sites on the given strand, then on both; then the nucleotides.
constexpr std::size_t count_words = 2 * scoring::seed_code_count + 2;

std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t h = 14695981039346656037ull) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

std::uint64_t header_checksum(const file_header& h) { return fnv1a(&h, offsetof(file_header, checksum)); }

std::uint64_t padded(std::uint64_t n) { return (n + alignment - 1) / alignment * alignment; }

std::string system_error_text() { return std::strerror(errno); }

}  // namespace

struct index_record_entry {
    string_ref text, id, gene, symbols, file;
    std::uint64_t line;
    std::uint64_t seq_offset, length;  // in nt, in the sequences section (and in positions, in the values)
};

bool looks_like_utr_index(std::string_view first_bytes) { return first_bytes.starts_with(utr_index_magic); }

std::uint64_t energy_params_hash(const scoring::energy_params& p) {
    // The integer tables run from stack to terminal_au without padding (all int).
    std::uint64_t h = fnv1a(&p.stack, reinterpret_cast<const char*>(&p.terminal_au + 1) - reinterpret_cast<const char*>(&p.stack));
    h = fnv1a(&p.lxc, sizeof p.lxc, h);
    for (const auto* loops : {&p.tetraloops, &p.triloops, &p.hexaloops}) {
        for (const auto& [seq, energy] : *loops) {
            h = fnv1a(seq.data(), seq.size() + 1, h);  // with its terminating zero, so that lists cannot run together
            h = fnv1a(&energy, sizeof energy, h);
        }
        h = fnv1a("|", 1, h);
    }
    return h;
}

// ---- writer ----

struct utr_index_writer::impl {
    atomic_output out;
    utr_index_model model;
    std::vector<std::string> sources;
    std::string sequences, strings;
    std::vector<index_record_entry> records;
    std::uint64_t values_bytes = 0;

    impl(const std::string& path, utr_index_model m, std::vector<std::string> s)
        : out(path), model(std::move(m)), sources(std::move(s)) {}

    string_ref add_string(std::string_view s) {
        string_ref r{strings.size(), s.size()};
        strings += s;
        return r;
    }
    void pad_to(std::uint64_t& written, std::uint64_t target) {
        out.write(std::string(target - written, '\0'));
        written = target;
    }
};

utr_index_writer::utr_index_writer(const std::string& path, utr_index_model model, std::vector<std::string> sources)
    : impl_(std::make_unique<impl>(path, std::move(model), std::move(sources))) {
    if (impl_->out.direct()) throw input_error(path + ": an index must be written to a regular file (not standard output or a device)");
    impl_->out.write(std::string(alignment, '\0'));  // the header, written by finish()
}

utr_index_writer::~utr_index_writer() = default;

void utr_index_writer::add(const record_header& record, const std::vector<std::string>& symbols, std::string_view seq,
                           std::span<const double> values) {
    auto& d = *impl_;
    d.records.push_back({d.add_string(record.text), d.add_string(record.id), d.add_string(record.gene),
                         d.add_string(join(symbols, ",")), d.add_string(record.file), record.line, d.sequences.size(), seq.size()});
    d.sequences += seq;
    const std::string_view bytes(reinterpret_cast<const char*>(values.data()), values.size_bytes());
    d.out.write(bytes);
    d.values_bytes += bytes.size();
}

void utr_index_writer::finish(const utr_index_abundance& counts) {
    auto& d = *impl_;
    file_header h{};
    std::memcpy(h.magic, utr_index_magic.data(), sizeof h.magic);
    h.version = utr_index_version;
    h.byte_order = byte_order_mark;
    h.window = d.model.window;
    h.max_span = d.model.max_span;
    h.max_unpaired = d.model.max_unpaired;
    h.stretch_count = utr_index_stretches.size();
    for (std::size_t k = 0; k < utr_index_stretches.size(); ++k) h.stretches[k] = static_cast<std::uint32_t>(utr_index_stretches[k]);
    h.energy_hash = d.model.energy_hash;
    h.records = d.records.size();
    h.total_nt = d.sequences.size();
    h.energy_source = d.add_string(d.model.energy_source);
    h.mirhit_version = d.add_string(d.model.version);
    std::string source_lines;
    for (const auto& s : d.sources) source_lines += s + "\n";
    h.sources = d.add_string(source_lines);

    std::vector<std::uint64_t> words(counts.sites);
    words.insert(words.end(), counts.sites_both.begin(), counts.sites_both.end());
    words.push_back(counts.nucleotides);
    words.push_back(counts.nucleotides_both);
    const std::array<std::string_view, section_count> parts = {
        {{}, d.sequences,
         {reinterpret_cast<const char*>(d.records.data()), d.records.size() * sizeof(index_record_entry)},
         d.strings,
         {reinterpret_cast<const char*>(words.data()), words.size() * sizeof(std::uint64_t)}}};
    std::uint64_t written = alignment + d.values_bytes;
    h.sections[values_section] = {alignment, d.values_bytes, 0};  // too big to check on opening: sizes only
    for (std::size_t s = sequences_section; s < section_count; ++s) {
        d.pad_to(written, padded(written));
        h.sections[s] = {written, parts[s].size(), s == sequences_section ? 0 : fnv1a(parts[s].data(), parts[s].size())};
        d.out.write(parts[s]);
        written += parts[s].size();
    }
    h.file_size = written;
    h.checksum = header_checksum(h);
    d.out.flush();
    std::FILE* f = std::fopen(d.out.temp_path().c_str(), "r+b");
    const bool ok = f && std::fwrite(&h, sizeof h, 1, f) == 1;
    if (f && std::fclose(f) != 0) throw input_error(d.out.path() + ": cannot write output: " + system_error_text());
    if (!ok) throw input_error(d.out.path() + ": cannot write output: " + system_error_text());
    d.out.commit();
}

// ---- reader ----

utr_index::utr_index(const std::string& path) : path_(path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw input_error(path + ": cannot open index: " + system_error_text());
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw input_error(path + ": not a mirhit index (not a regular file)");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            ::close(fd);
            throw input_error(path + ": cannot map index: " + system_error_text());
        }
        data_ = static_cast<const char*>(map);
    }
    ::close(fd);
    try {
        check_layout();
    } catch (...) {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
        throw;
    }
}

utr_index::~utr_index() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
}

namespace {

[[noreturn]] void not_an_index(const std::string& path, std::string_view first) {
    const bool fasta = first.starts_with(">") || first.starts_with("\x1f\x8b");
    throw input_error(path + (fasta ? ": a FASTA file, not a mirhit index: give UTR FASTA files without --index, or build an index "
                                      "with 'mirhit index'"
                                    : ": not a mirhit index (no 'MIRHITIX' magic number at its start)"));
}

}  // namespace

void utr_index::check_layout() {
    const std::string_view all(data_ ? data_ : "", size_);
    if (!looks_like_utr_index(all)) not_an_index(path_, all);
    auto truncated = [&](std::uint64_t expected) {
        return input_error(path_ + ": truncated mirhit index (" + std::to_string(size_) + " bytes of " + std::to_string(expected) + ")");
    };
    auto corrupt = [&](const std::string& what) { return input_error(path_ + ": corrupt mirhit index (" + what + ")"); };
    if (size_ < 16) throw truncated(sizeof(file_header));
    file_header h;
    std::memcpy(&h, data_, std::min(size_, sizeof h));
    if (h.byte_order != byte_order_mark) throw corrupt("byte-order mark " + std::to_string(h.byte_order));
    if (h.version != utr_index_version)
        throw input_error(path_ + ": mirhit index format version " + std::to_string(h.version) + "; this mirhit (" + version +
                          ") reads version " + std::to_string(utr_index_version) + ": rebuild it with 'mirhit index'");
    if (size_ < sizeof h) throw truncated(sizeof h);
    if (h.checksum != header_checksum(h)) throw corrupt("header checksum mismatch");
    if (size_ < h.file_size) throw truncated(h.file_size);
    if (size_ > h.file_size) throw corrupt(std::to_string(size_ - h.file_size) + " bytes after its end");
    if (h.stretch_count != utr_index_stretches.size()) throw corrupt(std::to_string(h.stretch_count) + " stretch lengths");
    for (std::size_t k = 0; k < utr_index_stretches.size(); ++k)
        if (h.stretches[k] != static_cast<std::uint32_t>(utr_index_stretches[k])) throw corrupt("stretch lengths");
    for (std::size_t s = 0; s < section_count; ++s) {
        const auto& sec = h.sections[s];
        if (sec.offset % 8 != 0 || sec.offset > size_ || sec.size > size_ - sec.offset)
            throw corrupt(std::string(section_names[s]) + " section out of bounds");
        if (s > sequences_section && fnv1a(data_ + sec.offset, sec.size) != sec.checksum)
            throw corrupt(std::string(section_names[s]) + " checksum mismatch");
    }
    const auto& sec = h.sections;
    if (sec[records_section].size != h.records * sizeof(index_record_entry) || sec[sequences_section].size != h.total_nt ||
        sec[values_section].size != h.total_nt * utr_index_stretches.size() * sizeof(double) ||
        sec[counts_section].size != count_words * sizeof(std::uint64_t))
        throw corrupt("section sizes disagree with the record count");
    records_ = h.records;
    total_nt_ = h.total_nt;
    entries_ = reinterpret_cast<const index_record_entry*>(data_ + sec[records_section].offset);
    strings_ = all.substr(sec[strings_section].offset, sec[strings_section].size);
    sequences_ = all.substr(sec[sequences_section].offset, sec[sequences_section].size);
    values_ = reinterpret_cast<const double*>(data_ + sec[values_section].offset);
    counts_ = reinterpret_cast<const std::uint64_t*>(data_ + sec[counts_section].offset);
    auto in_strings = [&](const string_ref& r) { return r.offset <= strings_.size() && r.length <= strings_.size() - r.offset; };
    for (const auto* r : {&h.energy_source, &h.mirhit_version, &h.sources})
        if (!in_strings(*r)) throw corrupt("strings out of bounds");
    for (std::size_t i = 0; i < records_; ++i) {
        const auto& e = entries_[i];
        if (!in_strings(e.text) || !in_strings(e.id) || !in_strings(e.gene) || !in_strings(e.symbols) || !in_strings(e.file) ||
            e.seq_offset > total_nt_ || e.length > total_nt_ - e.seq_offset)
            throw corrupt("record " + std::to_string(i + 1) + " out of bounds");
    }
    auto text = [&](const string_ref& r) { return std::string(strings_.substr(r.offset, r.length)); };
    model_ = {h.window, h.max_span, h.max_unpaired, h.energy_hash, text(h.energy_source), text(h.mirhit_version)};
    const std::string sources = text(h.sources);
    for (std::size_t p = 0, q; (q = sources.find('\n', p)) != std::string::npos; p = q + 1) sources_.push_back(sources.substr(p, q - p));
}

utr_index_record utr_index::record(std::size_t i) const {
    const auto& e = entries_[i];
    auto text = [&](const string_ref& r) { return strings_.substr(r.offset, r.length); };
    constexpr std::size_t per_position = utr_index_stretches.size();
    return {text(e.text), text(e.id), text(e.gene), text(e.symbols), text(e.file), e.line, sequences_.substr(e.seq_offset, e.length),
            std::span<const double>(values_ + e.seq_offset * per_position, e.length * per_position)};
}

utr_index_abundance utr_index::abundance() const {
    constexpr std::size_t n = scoring::seed_code_count;
    return {std::vector<std::uint64_t>(counts_, counts_ + n), std::vector<std::uint64_t>(counts_ + n, counts_ + 2 * n), counts_[2 * n],
            counts_[2 * n + 1]};
}

std::string utr_index::description() const {
    return path_ + " (mirhit index of " + join(sources_, " ") + ": " + std::to_string(records_) + " records, " +
           std::to_string(total_nt_) + " nt)";
}

void utr_index::require(const utr_index_model& run) const {
    auto refuse = [&](const std::string& what, const std::string& built, const std::string& wanted) {
        throw index_mismatch("index " + path_ + " was built with " + what + " " + built + ", this run uses " + wanted +
                             ": rebuild the index with the run's options or give the UTR FASTA files");
    };
    if (run.window != model_.window) refuse("--access-window", std::to_string(model_.window), std::to_string(run.window));
    if (run.max_span != model_.max_span) refuse("--access-span", std::to_string(model_.max_span), std::to_string(run.max_span));
    if (run.max_unpaired != model_.max_unpaired)
        refuse("--access-unpaired", std::to_string(model_.max_unpaired), std::to_string(run.max_unpaired));
    if (run.energy_hash != model_.energy_hash) {
        char built[32], wanted[32];
        std::snprintf(built, sizeof built, "%016llx", static_cast<unsigned long long>(model_.energy_hash));
        std::snprintf(wanted, sizeof wanted, "%016llx", static_cast<unsigned long long>(run.energy_hash));
        refuse("energy parameters", model_.energy_source + " (hash " + built + ")", run.energy_source + " (hash " + wanted + ")");
    }
    if (run.version != model_.version) refuse("mirhit version", model_.version, run.version);
}

}  // namespace mirhit::io
