#include "small_forms.hpp"

#include <array>
#include <cstring>
#include <string_view>

namespace agencygraph::detail {
namespace {

// The usual form of U+FE50 + k, in UTF-8; empty where the code point is unassigned or no punctuation
// of a text (﹘ ﹟ ﹠ …, left as they are).
constexpr std::array<std::string_view, 0x1C> kUsualForms = {
    "，", "、", "．", "", "；", "：", "？", "！", "",  "（", "）", "｛", "｝", "〔",
    "〕", "",   "",   "", "",   "",   "",   "",   "", "",   "",   "",   "",   ""};

}  // namespace

void widen_small_forms(std::string& utf8) {
  // Their encodings are EF B9 90 to EF B9 9E: a search for the two bytes EF B9 passes over the rest.
  for (std::size_t at = utf8.find("\xEF\xB9"); at != std::string::npos; at = utf8.find("\xEF\xB9", at + 1)) {
    if (at + 2 >= utf8.size()) return;
    const auto third = static_cast<unsigned char>(utf8[at + 2]);
    if (third < 0x90 || third >= 0x90 + kUsualForms.size()) continue;
    const std::string_view usual = kUsualForms[third - 0x90];
    if (usual.size() == 3) std::memcpy(utf8.data() + at, usual.data(), 3);
  }
}

}  // namespace agencygraph::detail
