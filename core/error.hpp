#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace mirhit {

// Bad input or a failed run: reported as "mirhit: error: <what>" with exit code 1.
class input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "FILE:LINE: message", the one format every input error uses.
inline input_error input_error_at(const std::string& file, std::uint64_t line, const std::string& message) {
    return input_error(file + ":" + std::to_string(line) + ": " + message);
}

}  // namespace mirhit
