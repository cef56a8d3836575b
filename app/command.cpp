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
        "INT in [" + std::to_string(low) + " - " + std::to_string(high) + "]");
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
        ->check(whole_number(1, 4096));
}

void add_access_options(CLI::App& command, scoring::plfold_options& access) {
    command.add_option("--access-window", access.window, "Accessibility (SA, access): RNAplfold window W in nt (default 80, TargetScan's)")->check(CLI::Range(5, 400))->type_name("NT");
    command.add_option("--access-span", access.max_span, "Accessibility: longest base pair, j - i (default 40: RNAplfold -L 41 today, -L 40 before ViennaRNA 2.4)")->check(CLI::Range(4, 399))->type_name("NT");
    command.add_option("--access-unpaired", access.max_unpaired, "Accessibility: longest unpaired stretch computed, u (default 20; SA needs 14, access 8)")->check(CLI::Range(1, 100))->type_name("NT");
}

std::vector<std::string> site_option_names() {
    std::vector<std::string> names(any_site_type_names.begin(), any_site_type_names.end());
    names.insert(names.end(), {"canonical", "all"});
    return names;
}

}  // namespace mirhit::app
