// Whether a document is written in traditional characters (and so folded as traditional).
#pragma once

#include <string_view>

namespace agencygraph::detail {

// True when the UTF-8 text holds any traditional-only form of an annotation word
// (Folder::is_traditional_marker: 單 牽 責 負 職 協 參).
bool has_traditional_markers(std::string_view text);

}  // namespace agencygraph::detail
