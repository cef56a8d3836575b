#include "tests/test_support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

extern char** environ;

namespace mirhit::test {

std::filesystem::path temp_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto dir = std::filesystem::path(::testing::TempDir()) / "mirhit_tests" /
               (std::string(info->test_suite_name()) + "." + info->name() + "." + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_gzip(const std::filesystem::path& path, const std::string& content) {
    gzFile f = gzopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + path.string());
    gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
    gzclose(f);
}

run_result run_mirhit(const std::vector<std::string>& args, const std::string& input, const std::filesystem::path& cwd) {
    static int runs = 0;
    auto dir = std::filesystem::path(::testing::TempDir()) / "mirhit_tests" /
               ("run." + std::to_string(::getpid()) + "." + std::to_string(++runs));
    std::filesystem::create_directories(dir);
    auto in_path = dir / "stdin", out_path = dir / "stdout", err_path = dir / "stderr";
    write_file(in_path, input);
    std::vector<std::string> argv_text = {MIRHIT_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot run " + std::string(MIRHIT_BINARY));
    int status = 0;
    ::waitpid(pid, &status, 0);
    run_result result{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(out_path),
                      read_file(err_path)};
    std::filesystem::remove_all(dir);
    return result;
}

std::vector<std::string> data_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.starts_with("##")) lines.push_back(line);
    return lines;
}

std::filesystem::path shared_data(const std::filesystem::path& sub) {
    const char* env = std::getenv("MIRHIT_SHARED");
    const std::filesystem::path dir = (env && *env) ? std::filesystem::path(env) : std::filesystem::path(MIRHIT_SHARED_DIR);
    std::error_code ec;
    return std::filesystem::exists(dir / sub, ec) ? dir / sub : std::filesystem::path();
}

}  // namespace mirhit::test
