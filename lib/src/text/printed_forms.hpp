// What every reader does to a file's text once it is read (decoded, or converted from an office file
// or a PDF), so that all formats give the parser the same forms: small form punctuation as the usual
// forms (small_forms.hpp), letter-spaced words closed up (letter_spacing.hpp).
#pragma once

#include <string>

namespace agencygraph::detail {

void normalize_printed_forms(std::string& utf8);

}  // namespace agencygraph::detail
