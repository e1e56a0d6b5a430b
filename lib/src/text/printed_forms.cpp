#include "printed_forms.hpp"

#include "letter_spacing.hpp"
#include "small_forms.hpp"

namespace agencygraph::detail {

void normalize_printed_forms(std::string& utf8) {
  widen_small_forms(utf8);
  close_up_letter_spacing(utf8);
}

}  // namespace agencygraph::detail
