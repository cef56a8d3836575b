#include "app/command.hpp"

#include <charconv>
#include <filesystem>

#include "core/site.hpp"
#include "core/text.hpp"
#include "engine/shard.hpp"

namespace mirhit::app {

namespace {

bool is_threads_option(const std::string& arg) { return arg == "-t" || arg == "--threads"; }

}  // namespace

std::string recorded_command_line(int argc, char** argv, std::vector<std::string>* output_options) {
    std::string out = "mirhit";
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (is_threads_option(arg) || (output_options && arg == "--shard")) {
            ++i;
            continue;
        }
        if (arg.starts_with("--threads=") || (arg.starts_with("-t") && arg.size() > 2 && arg[2] != '-')) continue;
        if (arg == "-q" || arg == "--quiet") continue;  // progress only
        if (output_options && arg.starts_with("--shard=")) continue;
        std::string word = shell_quote(arg);
        if (output_options && engine::output_of_option(arg)) {
            if (arg == "-o" || arg == "--output" || arg == "--gene-summary" || arg == "--claims")
                if (i + 1 < argc) word += " " + shell_quote(argv[++i]);
            output_options->push_back(word);
        }
        out += " " + word;
    }
    return out;
}

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
    auto text = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    return CLI::Validator(
        [=](std::string& value) -> std::string {
            std::uint64_t n = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || end != value.data() + value.size() || n < low || n > high)
                return "'" + value + "' is not " + text;
            return {};
        },
        "");
}

bool same_output(const std::string& a, const std::string& b) {
    if (a == "-" || b == "-") return a == b;
    std::error_code ec;
    if (std::filesystem::exists(a, ec) && !std::filesystem::is_regular_file(a, ec)) return false;
    // absolute() first: libstdc++ leaves a relative path with no existing part as it is.
    auto canonical = [&](const std::string& p) { return std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec); };
    return canonical(a) == canonical(b);
}

void add_threads_option(CLI::App& command, unsigned& threads) {
    command.add_option("-t,--threads", threads, "Worker threads (default: all cores); output is the same for any number")
        ->check(whole_number(1, 4096))
        ->type_name("N");
}

void add_quiet_option(CLI::App& command, bool& quiet) {
    command.add_flag("-q,--quiet", quiet, "No progress report on standard error");
}

void add_utr_option(CLI::App& command, std::vector<std::string>& files) {
    command.add_option("--utr", files, "3'UTR FASTA file (plain or gzip; '-' = standard input); repeat for more")
        ->allow_extra_args(false)
        ->type_name("FILE");
}

void join_utr_files(std::vector<std::string>& files, const std::vector<std::string>& more) {
    files.insert(files.end(), more.begin(), more.end());
}

std::string help_formatter::make_option_opts(const CLI::Option* opt) const {
    std::string out = CLI::Formatter::make_option_opts(opt);
    const std::string full = opt->get_type_name();
    if (opt->get_type_size() == 0 || full.empty() || !out.starts_with(" " + full)) return out;
    // CLI11 appends each validator's description to the type (NT:INT in [5 - 400]).
    std::string type = full.substr(0, full.find(':'));
    if (type == "TEXT") type = opt->get_positional() ? "FILE" : "VALUE";
    if (type == "UINT" || type == "INT") type = "N";
    return " " + type + out.substr(1 + full.size());
}

void add_access_options(CLI::App& command, scoring::plfold_options& access) {
    command.add_option("--access-window", access.window, "Accessibility (SA, access): RNAplfold window W in nt (default 80, TargetScan's)")->check(CLI::Range(5, 400).description(""))->type_name("NT");
    command.add_option("--access-span", access.max_span, "Accessibility: longest base pair, j - i (default 40: RNAplfold -L 41 today, -L 40 before ViennaRNA 2.4)")->check(CLI::Range(4, 399).description(""))->type_name("NT");
    command.add_option("--access-unpaired", access.max_unpaired, "Accessibility: longest unpaired stretch computed, u (default 20; SA needs 14, access 8)")->check(CLI::Range(1, 100).description(""))->type_name("NT");
}

std::vector<std::string> site_option_names() {
    std::vector<std::string> names(any_site_type_names.begin(), any_site_type_names.end());
    names.insert(names.end(), {"canonical", "all"});
    return names;
}

}  // namespace mirhit::app
