#include "text/common_hanzi.hpp"

#include <bitset>
#include <cstdint>

#include <unicode/utf8.h>

namespace agencygraph::detail {
namespace {

// The 200 commonest CJK ideographs of the seed documents, by count. Made with:
//   python3 -c "import glob,collections; c=collections.Counter(ch for f in sorted(glob.glob(
//   '../shared/corpus/seeds/*.txt')) for ch in open(f,encoding='utf-8').read() if '\u4e00'<=ch<='\u9fff');
//   print(''.join(k for k,_ in sorted(c.items(),key=lambda kv:(-kv[1],kv[0]))[:200]))"
constexpr std::string_view kCommonHanzi =
    "市区位单局政荆州县发任责府业委新建头牵管人各高会文和开工旅保进设南实化民纪推全务大加城改动教育作成农"
    "生展强技资制项一中体理公健创科持力治学的划源家施等村重医国规目社合好完湖服监行安地心提水造深经场落产"
    "企年通信基支能快护点增态有法自范办商防入机级升院以就部上事品环系续个善本财质园度打整然示领三员域程门"
    "住关分卫小康校联面利导方江用老计集乡才控督稳群量优共境扩抓招省综镇长定引物立统网职主养咸培平性确融运";

constexpr char32_t kFirstIdeograph = 0x4E00;
constexpr char32_t kLastIdeograph = 0x9FFF;

using IdeographSet = std::bitset<kLastIdeograph - kFirstIdeograph + 1>;

IdeographSet make_common_set() {
  IdeographSet set;
  const auto* s = reinterpret_cast<const std::uint8_t*>(kCommonHanzi.data());
  for (std::size_t i = 0; i < kCommonHanzi.size();) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    set.set(static_cast<std::size_t>(c) - kFirstIdeograph);
  }
  return set;
}

}  // namespace

HanziSample sample_hanzi(std::string_view utf8) {
  static const IdeographSet common = make_common_set();
  constexpr std::size_t kSample = 1000;
  HanziSample sample;
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto n = static_cast<std::int64_t>(utf8.size());
  for (std::int64_t i = 0; i < n && sample.ideographs < kSample;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < static_cast<UChar32>(kFirstIdeograph) || c > static_cast<UChar32>(kLastIdeograph)) continue;
    ++sample.ideographs;
    sample.common += common[static_cast<std::size_t>(c) - kFirstIdeograph] ? 1 : 0;
  }
  return sample;
}

bool reads_as_chinese(std::string_view utf8) {
  const HanziSample sample = sample_hanzi(utf8);
  return sample.ideographs >= 100 && sample.common * 10 >= sample.ideographs * 3;
}

}  // namespace agencygraph::detail
