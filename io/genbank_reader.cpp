#include "io/genbank_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <deque>

#include "core/error.hpp"
#include "io/checked_stream.hpp"
#include "io/seqan_records.hpp"

namespace mirhit::io {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool parse_count(std::string_view s, std::uint64_t& n) {
    if (s.empty() || s.size() > 15) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    return ec == std::errc() && end == s.data() + s.size();
}

void add_qualifier(genbank_feature& feature, std::string_view raw) {
    raw.remove_prefix(1);  // the '/'
    auto eq = raw.find('=');
    std::string name(raw.substr(0, eq));
    std::string_view value = eq == std::string_view::npos ? std::string_view() : raw.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    std::string unquoted;
    for (std::size_t i = 0; i < value.size(); ++i) {
        unquoted += value[i];
        if (value[i] == '"' && i + 1 < value.size() && value[i + 1] == '"') ++i;
    }
    feature.qualifiers.emplace_back(std::move(name), std::move(unquoted));
}

struct segment {
    std::uint64_t start, end;
    bool open_start, open_end;  // '<' before start, '>' before end
};

// Whether s is "NAME(...)" with the parenthesis after NAME closing at the very end.
bool is_call(std::string_view s, std::string_view name) {
    if (!s.starts_with(name) || s.size() < name.size() + 2 || s[name.size()] != '(' || s.back() != ')') return false;
    int depth = 0;
    for (std::size_t i = name.size(); i + 1 < s.size(); ++i) {
        depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
        if (depth == 0) return false;
    }
    return true;
}

struct location_parser {
    std::string error;
    bool remote = false;

    // Segments in transcript order; minus is the strand.
    bool parse(std::string_view s, std::vector<segment>& segs, bool& minus) {
        if (is_call(s, "complement")) {
            std::vector<segment> inner;
            if (!parse(s.substr(11, s.size() - 12), inner, minus)) return false;
            segs.insert(segs.end(), inner.rbegin(), inner.rend());
            minus = !minus;
            return true;
        }
        for (std::string_view op : {"join", "order"}) {
            if (!is_call(s, op)) continue;
            auto body = s.substr(op.size() + 1, s.size() - op.size() - 2);
            bool first = true;
            int depth = 0;
            std::size_t from = 0;
            for (std::size_t i = 0; i <= body.size(); ++i) {
                if (i < body.size()) depth += body[i] == '(' ? 1 : body[i] == ')' ? -1 : 0;
                if (i < body.size() && (body[i] != ',' || depth != 0)) continue;
                bool part_minus = false;
                if (!parse(body.substr(from, i - from), segs, part_minus)) return false;
                if (!first && part_minus != minus) return fail("mixed strands");
                minus = part_minus;
                first = false;
                from = i + 1;
            }
            return true;
        }
        minus = false;
        if (auto colon = s.find(':'); colon != std::string_view::npos) {
            remote = true;
            s.remove_prefix(colon + 1);
        }
        return parse_range(s, segs);
    }

    bool parse_range(std::string_view s, std::vector<segment>& segs) {
        segment seg{0, 0, false, false};
        std::string_view text = s;
        if (s.starts_with('<')) {
            seg.open_start = true;
            s.remove_prefix(1);
        }
        auto dots = s.find("..");
        if (!parse_count(s.substr(0, dots), seg.start)) return fail("'" + printable(text) + "' is not a range");
        seg.end = seg.start;
        if (dots != std::string_view::npos) {
            auto end = s.substr(dots + 2);
            if (end.starts_with('>')) {
                seg.open_end = true;
                end.remove_prefix(1);
            }
            if (!parse_count(end, seg.end)) return fail("'" + printable(text) + "' is not a range");
        }
        if (seg.start == 0) return fail("positions start at 1");
        if (seg.end < seg.start) return fail("descending range '" + std::string(text) + "'");
        segs.push_back(seg);
        return true;
    }

    bool fail(std::string message) {
        if (error.empty()) error = std::move(message);
        return false;
    }
};

// What the line check learned of one GenBank record before SeqAn3 reads it.
struct record_frame {
    genbank_record fields;  // locus, length, molecule, line
    std::uint64_t end_line = 0;  // of its '//'
    std::string error;           // the first structural error in it, at error_line
    std::uint64_t error_line = 0;
};

// The line check of a GenBank file for SeqAn3: the layout SeqAn3 relies on (LOCUS, ORIGIN, '//';
// it would run past a missing ORIGIN or '//' into the next record) and each record's lines.
class genbank_check_buffer final : public checked_stream_buffer {
public:
    using checked_stream_buffer::checked_stream_buffer;

    // One frame per record, in order; the reader pops each once it is used.
    std::deque<record_frame> frames;

private:
    enum state { between, header, sequence, failed };

    void check_line(std::string_view line, std::uint64_t number) override {
        line_ = number;
        if (state_ == between) start_record(line);
        else if (state_ != failed) record_line(line);
    }
    void check_end(std::uint64_t number) override {
        line_ = number;
        if (state_ == header || state_ == sequence) fail("record " + frames.back().fields.locus + " does not end with '//'");
    }
    void start_record(std::string_view line) {
        if (is_blank(line)) return;
        auto& frame = frames.emplace_back();
        frame.fields.line = line_;
        state_ = header;
        if (!line.starts_with("LOCUS ")) return fail("expected a LOCUS line to start a record");
        auto locus = words(line);
        auto bp = std::find(locus.begin(), locus.end(), "bp");
        if (locus.size() < 2 || bp == locus.end() || bp - locus.begin() < 2 || bp + 1 == locus.end() ||
            !parse_count(*(bp - 1), frame.fields.length))
            return fail("LOCUS line without 'NAME LENGTH bp MOLECULE'");
        frame.fields.locus = locus[1];
        frame.fields.molecule = *(bp + 1);
    }
    void record_line(std::string_view line) {
        const std::string& locus = frames.back().fields.locus;
        const auto keyword = line.substr(0, line.find_first_of(" \t"));
        if (keyword == "LOCUS") return fail("LOCUS before the '//' that ends record " + locus);
        if (state_ == header) {
            if (line.starts_with("//")) return fail("record " + locus + " has no ORIGIN (sequence)");
            if (!line.starts_with('O')) return;
            // SeqAn3 takes any line starting with 'O' for ORIGIN.
            if (keyword != "ORIGIN") return fail("'" + printable(keyword) + "' before ORIGIN is not a GenBank keyword");
            state_ = sequence;
        } else if (line.starts_with("//")) {
            frames.back().end_line = line_;
            state_ = between;
        } else if (!keyword.empty()) {
            fail("'" + printable(keyword) + "' in the sequence of " + locus + " (after ORIGIN, before '//')");
        } else if (line.find('/') != std::string_view::npos) {
            fail("'/' in the sequence of " + locus + " is not a letter");
        }
    }
    void fail(std::string message) {
        frames.back().error = std::move(message);
        frames.back().error_line = line_;
        state_ = failed;
    }

    std::uint64_t line_ = 0;
    state state_ = between;
};

}  // namespace

const std::string* genbank_feature::qualifier(std::string_view name) const {
    for (const auto& [k, v] : qualifiers)
        if (k == name) return &v;
    return nullptr;
}

std::optional<genbank_location> parse_genbank_location(std::string_view text, std::string& error) {
    std::string s;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    location_parser parser;
    std::vector<segment> segs;
    bool minus = false;
    if (!parser.parse(s, segs, minus)) {
        error = parser.error;
        return std::nullopt;
    }
    genbank_location loc;
    loc.minus = minus;
    loc.remote = parser.remote;
    loc.partial5 = minus ? segs.front().open_end : segs.front().open_start;
    loc.partial3 = minus ? segs.back().open_start : segs.back().open_end;
    for (const auto& seg : segs) loc.ranges.emplace_back(seg.start, seg.end);
    return loc;
}

struct genbank_reader::seqan_input : checked_records<genbank_check_buffer> {
    explicit seqan_input(std::unique_ptr<byte_source> source) : checked_records(std::move(source), seqan_format::genbank) {}
};

genbank_reader::genbank_reader(std::unique_ptr<byte_source> source, flat_format format) : name_(source->name()), format_(format) {
    if (format == flat_format::embl) lines_ = std::make_unique<line_reader>(std::move(source));
    else seqan_ = std::make_unique<seqan_input>(std::move(source));
}

genbank_reader::~genbank_reader() = default;

bool genbank_reader::next(genbank_record& record) {
    return format_ == flat_format::embl ? next_embl(record) : next_genbank(record);
}

bool genbank_reader::next_genbank(genbank_record& record) {
    auto& frames = seqan_->bytes.frames;
    auto frame_error = [&] {
        if (frames.empty() || frames.front().error.empty()) return false;
        throw input_error_at(name_, frames.front().error_line, frames.front().error);
    };
    fasta_text_record text;
    try {
        if (!seqan_->records.next(text)) return frame_error();
    } catch (const seqan_parse_error& e) {
        frame_error();
        throw unreadable_record(e.what());
    }
    frame_error();
    record = std::move(frames.front().fields);
    const auto end_line = frames.front().end_line;
    frames.pop_front();
    read_header(record, text.header);
    record.sequence = std::move(text.sequence);
    for (auto& c : record.sequence) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (record.sequence.size() != record.length)
        throw input_error_at(name_, end_line, "ORIGIN of " + record.locus + " holds " + std::to_string(record.sequence.size()) +
                                                  " nt, LOCUS says " + std::to_string(record.length) + " bp");
    return true;
}

// Where SeqAn3 stopped: a character other than a letter in a sequence, or else its own words.
input_error genbank_reader::unreadable_record(const std::string& seqan_message) {
    auto& bytes = seqan_->bytes;
    const auto line = bytes.read_line();
    const std::string& locus = bytes.frames.empty() ? name_ : bytes.frames.front().fields.locus;
    const auto next = bytes.sgetc();
    const auto c = static_cast<char>(next);
    if (next != std::streambuf::traits_type::eof() && !std::isalpha(static_cast<unsigned char>(c)) &&
        !std::isspace(static_cast<unsigned char>(c)))
        return input_error_at(name_, line, "'" + printable({&c, 1}) + "' in the sequence of " + locus + " is not a letter");
    return input_error_at(name_, line, "SeqAn3 cannot read record " + locus + " (" + seqan_message + ")");
}

// ACCESSION, VERSION and the feature table from the header SeqAn3 read (its lines from the LOCUS line on).
void genbank_reader::read_header(genbank_record& record, const std::string& header) {
    std::string accession, version;
    feature_table table(record.features);
    bool features = false;
    std::uint64_t line_number = record.line;
    for (std::size_t begin = 0, end; begin < header.size(); begin = end + 1, ++line_number) {
        end = header.find('\n', begin);
        if (end == std::string::npos) end = header.size();
        const std::string line = header.substr(begin, end - begin);
        if (line.empty() || line[0] == ' ') {
            if (features && !is_blank(line)) table.add(line, line_number, name_);
            continue;
        }
        table.finish();
        auto fields = words(line);
        features = fields[0] == "FEATURES";
        if (fields[0] == "ACCESSION" && fields.size() > 1) accession = fields[1];
        if (fields[0] == "VERSION" && fields.size() > 1) version = fields[1];
    }
    table.finish();
    record.accession = !version.empty() ? version : !accession.empty() ? accession : record.locus;
}

void genbank_reader::append_sequence_line(genbank_record& record) {
    for (char c : line_) {
        if (c == ' ' || std::isdigit(static_cast<unsigned char>(c))) continue;
        if (!std::isalpha(static_cast<unsigned char>(c)))
            throw input_error_at(lines_->name(), lines_->line_number(),
                                 std::string("'") + printable({&c, 1}) + "' in the sequence of " + record.locus + " is not a letter");
        record.sequence += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
}

// ID   X56734; SV 1; linear; mRNA; STD; PLN; 1859 BP.
void genbank_reader::read_embl_id(genbank_record& record) {
    std::vector<std::string_view> fields;
    split_list(std::string_view(line_).substr(2), ';', fields);
    std::string_view bp = fields.empty() ? "" : trim(fields.back());
    const bool ok = fields.size() == 7 && trim(fields[1]).starts_with("SV ") && bp.ends_with(" BP.") &&
                    parse_count(bp.substr(0, bp.size() - 4), record.length);
    if (!ok) throw input_error_at(lines_->name(), lines_->line_number(), "ID line without 'NAME; SV N; TOPOLOGY; MOLECULE; CLASS; DIVISION; LENGTH BP.'");
    record.locus = trim(fields[0]);
    record.accession = record.locus + "." + std::string(trim(trim(fields[1]).substr(3)));
    record.molecule = trim(fields[3]);
}

// EMBL: the same record from ID, FT and SQ lines.
bool genbank_reader::next_embl(genbank_record& record) {
    auto error = [&](const std::string& message) { return input_error_at(lines_->name(), lines_->line_number(), message); };
    do {
        if (!lines_->next(line_)) return false;
    } while (is_blank(line_));
    if (!line_.starts_with("ID   ")) throw error("expected an ID line to start an EMBL record");
    record = genbank_record{};
    record.line = lines_->line_number();
    read_embl_id(record);
    feature_table table(record.features);
    bool sequence = false;
    while (true) {
        if (!lines_->next(line_)) throw error("record " + record.locus + " does not end with '//'");
        if (line_.starts_with("//")) break;
        if (line_.starts_with("ID ")) throw error("ID before the '//' that ends record " + record.locus);
        if (line_.starts_with("FT ")) table.add("  " + line_.substr(2), lines_->line_number(), lines_->name());
        else if (line_.starts_with("SQ ")) sequence = true;
        else if (sequence && line_.starts_with(' ')) append_sequence_line(record);
    }
    table.finish();
    if (!sequence) throw error("record " + record.locus + " has no SQ (sequence)");
    if (record.sequence.size() != record.length)
        throw error("SQ of " + record.locus + " holds " + std::to_string(record.sequence.size()) + " nt, ID says " +
                    std::to_string(record.length) + " BP");
    return true;
}

void feature_table::add(const std::string& line, std::uint64_t line_number, const std::string& file) {
    if (line.size() > 5 && line.starts_with("     ") && line[5] != ' ') {
        finish();
        std::string_view rest = std::string_view(line).substr(5);
        auto space = rest.find(' ');
        feature_ = &features_.emplace_back();
        feature_->key = rest.substr(0, space);
        feature_->location = space == std::string_view::npos ? "" : trim(rest.substr(space));
        feature_->line = line_number;
        return;
    }
    if (!feature_ || line.size() <= 21 || line.find_first_not_of(' ') != 21)
        throw input_error_at(file, line_number, "unexpected line in FEATURES");
    auto text = trim(std::string_view(line).substr(21));
    bool in_quotes = std::count(qualifier_.begin(), qualifier_.end(), '"') % 2 == 1;
    if (text.starts_with('/') && !in_quotes) {
        finish();
        qualifier_ = text;
    } else if (qualifier_.empty()) {
        feature_->location += text;
    } else {
        if (!qualifier_.starts_with("/translation")) qualifier_ += ' ';
        qualifier_ += text;
    }
}

void feature_table::finish() {
    if (feature_ && !qualifier_.empty()) add_qualifier(*feature_, qualifier_);
    qualifier_.clear();
}

}  // namespace mirhit::io
