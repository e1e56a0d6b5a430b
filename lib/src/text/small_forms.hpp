// Small form variants (U+FE50-U+FE6B: ﹐ ﹑ ﹒ ﹔ ﹕ ﹙ ﹚ …): punctuation some editors and forum
// software print instead of the usual forms (1﹒全省生产总值…). A reader takes ﹒ for a full stop; so
// must the parser, whose numbers and separators are the usual forms.
#pragma once

#include <string>

namespace agencygraph::detail {

// Rewrites them, in place, as the full-width or ideographic form of the same punctuation (three
// bytes each in UTF-8, as they are: nothing moves): ﹒ as ．, ﹑ as 、, ﹙ ﹚ as （ ）.
void widen_small_forms(std::string& utf8);

}  // namespace agencygraph::detail
