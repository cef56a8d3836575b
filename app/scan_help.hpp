#pragma once

namespace mirhit::app {

// The help text after `mirhit scan --help`'s options: synopsis, what it does, examples.
extern const char* const scan_footer;

}  // namespace mirhit::app
