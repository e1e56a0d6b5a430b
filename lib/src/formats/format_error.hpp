// The error every reader in formats/ throws for a file it cannot read.
#pragma once

#include <stdexcept>

namespace agencygraph::detail {

// what() is one line: the problem and, where there is one, its place in the file ("sheet 'Sheet1':
// more than 1,000,000 rows", "table 3: tables nested more than 16 deep"), without the path: the
// caller reports it as "path: what()". A distinct type, so that callers and fuzz targets tell a
// file rejected with a reason from a failure of the reader itself.
class FormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace agencygraph::detail
