#include "io/newick_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "core/error.hpp"
#include "io/byte_source.hpp"

namespace mirhit::io {

namespace {

using scoring::phylo_tree;

// A cursor over the text that skips whitespace and comments and knows its line.
class newick_cursor {
public:
    newick_cursor(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    // The next significant character, or '\0' at the end.
    char peek() {
        skip();
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }
    void advance() { ++pos_; }
    bool at_end() { return peek() == '\0' && pos_ >= text_.size(); }

    // A label (quoted or not), possibly empty.
    std::string label() {
        skip();
        std::string out;
        if (pos_ < text_.size() && text_[pos_] == '\'') {
            const std::uint64_t line = line_;
            for (++pos_;; ++pos_) {
                if (pos_ >= text_.size()) fail_at(line, "quoted label is not closed");
                if (text_[pos_] == '\n') ++line_;
                if (text_[pos_] == '\'') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
                        out += '\'';
                        ++pos_;
                        continue;
                    }
                    ++pos_;
                    return out;
                }
                out += text_[pos_];
            }
        }
        while (pos_ < text_.size() && !is_delimiter(text_[pos_])) out += text_[pos_++];
        return out;
    }

    // The text of a branch length after ':'.
    double branch_length() {
        skip();
        const std::size_t from = pos_;
        while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
        const std::string_view word = text_.substr(from, pos_ - from);
        double value = 0;
        auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
        if (word.empty() || ec != std::errc() || end != word.data() + word.size() || !std::isfinite(value))
            fail("branch length '" + std::string(word) + "' is not a number");
        return value;
    }

    [[noreturn]] void fail(const std::string& message) const { fail_at(line_, message); }
    [[noreturn]] void fail_at(std::uint64_t line, const std::string& message) const {
        throw input_error_at(name_, line, "malformed Newick tree: " + message);
    }

private:
    static bool is_delimiter(char c) {
        return c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '[' || c == '\'' || c == ' ' ||
               c == '\t' || c == '\n' || c == '\r';
    }

    void skip() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') ++line_;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++pos_;
            } else if (c == '[') {
                const std::uint64_t line = line_;
                while (pos_ < text_.size() && text_[pos_] != ']') line_ += text_[pos_++] == '\n';
                if (pos_ >= text_.size()) fail_at(line, "comment '[' is not closed");
                ++pos_;
            } else {
                break;
            }
        }
    }

    std::string_view text_;
    const std::string& name_;
    std::size_t pos_ = 0;
    std::uint64_t line_ = 1;
};

}  // namespace

phylo_tree parse_newick(std::string_view text, const std::string& name) {
    newick_cursor in(text, name);
    if (in.at_end()) in.fail("no tree");
    phylo_tree tree;
    std::vector<std::int32_t> open;  // nodes whose '(' is not closed yet
    std::int32_t node = tree.add(phylo_tree::none);
    bool closed = false;  // node's children were just read: its label and length follow
    std::unordered_set<std::string> leaves;
    while (true) {
        if (!closed && in.peek() == '(') {
            in.advance();
            open.push_back(node);
            node = tree.add(node);
            continue;
        }
        std::string label = in.label();
        if (!closed && !label.empty() && !leaves.insert(label).second) in.fail("leaf label '" + label + "' appears twice");
        closed = false;
        double length = 0;
        if (in.peek() == ':') {
            in.advance();
            length = in.branch_length();
        }
        tree.set(node, std::move(label), length);
        const char c = in.peek();
        if (c == ',' || c == ')') {
            if (open.empty()) in.fail(std::string("'") + c + "' outside parentheses");
            in.advance();
            if (c == ',') {
                node = tree.add(open.back());
            } else {
                node = open.back();
                open.pop_back();
                closed = true;
            }
        } else if (c == ';') {
            if (!open.empty()) in.fail(std::to_string(open.size()) + " '(' not closed before ';'");
            in.advance();
            if (!in.at_end()) in.fail("text after the tree's ';'");
            return tree;
        } else if (c == '\0') {
            in.fail(open.empty() ? "no ';' at the end" : std::to_string(open.size()) + " '(' not closed at the end");
        } else {
            in.fail(std::string("unexpected '") + c + "'");
        }
    }
}

scoring::phylo_tree read_newick(const std::string& path) {
    auto source = byte_source::open(path);
    std::string text;
    char buffer[1 << 16];
    while (std::size_t n = source->read(buffer, sizeof buffer, 0)) text.append(buffer, n);
    return parse_newick(text, source->name());
}

}  // namespace mirhit::io
