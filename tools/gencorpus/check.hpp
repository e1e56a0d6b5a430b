// Compares `agencygraph parse` output with the planted extraction, task by task.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace agencygraph::gencorpus {

struct CheckOptions {
  std::size_t max_report = 40;  // detail lines printed; the summary always counts everything
};

// Returns 0 when every planted task was extracted exactly (leads and co in order, line, document
// title/jurisdiction/year) and nothing else was; 1 otherwise. Throws std::runtime_error on unreadable
// or malformed JSON.
int check(const std::string& planted_path, const std::string& parse_path, const CheckOptions& options, std::ostream& out);

}  // namespace agencygraph::gencorpus
