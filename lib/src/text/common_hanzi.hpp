// Whether decoded text reads as Chinese: a quick test that lets GB18030 files be taken without ICU's
// charset detector, which costs about half a millisecond per file (a tenth of the CPU time of reading
// a national corpus) because all its recognizers, single-byte ones included, run on every sample.
#pragma once

#include <cstddef>
#include <string_view>

namespace agencygraph::detail {

// Of the first 1,000 CJK ideographs (U+4E00-U+9FFF) of `utf8`: how many there were, and how many of
// them are among the 200 commonest in the seed documents.
struct HanziSample {
  std::size_t ideographs = 0;
  std::size_t common = 0;
};
HanziSample sample_hanzi(std::string_view utf8);

// True when at least 100 of the first 1,000 CJK ideographs of `utf8` were found and at least 30% of
// them are among the 200 commonest in the seed documents (the 政府工作报告 分工方案 of
// ../shared/corpus). Government documents score 0.64-0.83 on their first 1,500 characters; Korean
// EUC-KR, Japanese EUC-JP or Shift_JIS and traditional Big5 text misread as GB18030 score below 0.05,
// so the margin is wide. False only means "ask the detector".
bool reads_as_chinese(std::string_view utf8);

}  // namespace agencygraph::detail
