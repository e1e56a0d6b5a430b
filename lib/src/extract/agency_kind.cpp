#include "agencygraph/agency_kind.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace agencygraph {
namespace {

// The words whose presence anywhere in a name decides its kind, by the rule they serve.
enum WordClass : unsigned {
  kCollectiveWord = 1u << 0,
  kPartyWord = 1u << 1,
  kPeoplesWord = 1u << 2,
  kEnterpriseWord = 1u << 3,
  kSchoolWord = 1u << 4,
  kVerticalWord = 1u << 5,
  kGovernmentOfficeWord = 1u << 6,  // 政府办: a government's office, not the government
};

struct Word {
  std::string_view text;
  WordClass word_class;
};

constexpr std::array kWords = {
    // Collectives.
    Word{"成员单位", kCollectiveWord}, Word{"有关部门", kCollectiveWord}, Word{"相关部门", kCollectiveWord},
    Word{"有关单位", kCollectiveWord}, Word{"相关单位", kCollectiveWord}, Word{"各部门", kCollectiveWord},
    Word{"各单位", kCollectiveWord}, Word{"直各部门", kCollectiveWord},
    // Party organs.
    Word{"组织部", kPartyWord}, Word{"宣传部", kPartyWord}, Word{"统战部", kPartyWord}, Word{"政法委", kPartyWord},
    Word{"纪委", kPartyWord}, Word{"监委", kPartyWord}, Word{"党委", kPartyWord},
    // People's organisations.
    Word{"妇联", kPeoplesWord}, Word{"总工会", kPeoplesWord}, Word{"工会", kPeoplesWord}, Word{"科协", kPeoplesWord},
    Word{"残联", kPeoplesWord}, Word{"团市委", kPeoplesWord}, Word{"团县委", kPeoplesWord},
    Word{"团区委", kPeoplesWord}, Word{"共青团", kPeoplesWord}, Word{"侨联", kPeoplesWord}, Word{"文联", kPeoplesWord},
    Word{"工商联", kPeoplesWord},
    // State enterprises.
    Word{"集团", kEnterpriseWord}, Word{"公司", kEnterpriseWord}, Word{"有限", kEnterpriseWord},
    Word{"银行", kEnterpriseWord},
    // Schools.
    Word{"大学", kSchoolWord}, Word{"学院", kSchoolWord}, Word{"学校", kSchoolWord}, Word{"中学", kSchoolWord},
    Word{"小学", kSchoolWord}, Word{"幼儿园", kSchoolWord}, Word{"党校", kSchoolWord},
    // Vertically managed agencies.
    Word{"海关", kVerticalWord}, Word{"税务", kVerticalWord}, Word{"人行", kVerticalWord}, Word{"人民银行", kVerticalWord},
    Word{"银保监", kVerticalWord}, Word{"证监", kVerticalWord}, Word{"气象局", kVerticalWord},
    Word{"供电", kVerticalWord}, Word{"邮政", kVerticalWord}, Word{"烟草", kVerticalWord}, Word{"海事", kVerticalWord},
    Word{"铁路", kVerticalWord},
    // Government offices.
    Word{"政府办", kGovernmentOfficeWord},
};

// The words grouped by their first character (every word starts with a three-byte ideograph),
// so that each position of a name is compared with the few words that can start there.
class WordIndex {
 public:
  WordIndex() {
    for (const Word& word : kWords) {
      const char32_t c = first_char(word.text);
      auto group = std::find_if(groups_.begin(), groups_.end(), [&](const Group& g) { return g.first == c; });
      if (group == groups_.end()) group = groups_.insert(groups_.end(), Group{c, {}});
      group->words.push_back(&word);
      starts_[c >> 6] |= std::uint64_t{1} << (c & 63);
    }
  }

  // The classes of the words found in `name`: the same as a substring search for each word,
  // found in one pass over the name.
  unsigned classes_in(std::string_view name) const {
    unsigned classes = 0;
    for (std::size_t i = 0; i + 3 <= name.size(); ++i) {
      const auto lead = static_cast<unsigned char>(name[i]);
      if (lead < 0xE0 || lead > 0xEF) continue;  // not the lead byte of a three-byte character
      for (const Word* word : starting_with(first_char(name.substr(i))))
        if (name.compare(i, word->text.size(), word->text) == 0) classes |= word->word_class;
    }
    return classes;
  }

 private:
  struct Group {
    char32_t first;
    std::vector<const Word*> words;
  };

  // The code point of a three-byte sequence's bits (the caller checks the bytes in full).
  static char32_t first_char(std::string_view s) {
    return static_cast<char32_t>(((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F));
  }

  std::span<const Word* const> starting_with(char32_t c) const {
    if (!(starts_[c >> 6] >> (c & 63) & 1)) return {};
    for (const Group& group : groups_)
      if (group.first == c) return group.words;
    return {};
  }

  std::vector<Group> groups_;
  std::array<std::uint64_t, 0x10000 / 64> starts_{};  // the first characters, as a bitmap
};

const WordIndex kWordIndex;

constexpr std::array<std::string_view, 7> kInstitutionEndings = {"中心", "医院", "保健院", "馆", "研究院", "站", "所"};

template <std::size_t N>
bool ends_with_any(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (s.ends_with(w)) return true;
  return false;
}

}  // namespace

AgencyKind classify_agency(std::string_view name) {
  const unsigned words = kWordIndex.classes_in(name);
  if (name.starts_with("各") || (words & kCollectiveWord) || name.ends_with("有关部门")) return AgencyKind::Collective;
  if (name.ends_with("管委会") || name.ends_with("管理委员会")) return AgencyKind::ParkCommittee;
  if (name.ends_with("政府") && !(words & kGovernmentOfficeWord)) return AgencyKind::Government;
  if (name.ends_with("街道办事处") || name.ends_with("乡") || name.ends_with("镇")) return AgencyKind::Government;
  if (words & kPeoplesWord) return AgencyKind::PeoplesOrganisation;
  if (name.starts_with("市委") || name.starts_with("县委") || name.starts_with("区委") || name.starts_with("省委") ||
      name.starts_with("州委") || name.starts_with("中央") || (words & kPartyWord))
    return AgencyKind::PartyOrgan;
  if (name.ends_with("学校") || name.ends_with("大学") || name.ends_with("学院")) return AgencyKind::School;
  if (words & kVerticalWord) return AgencyKind::Vertical;
  if (words & kEnterpriseWord) return AgencyKind::StateEnterprise;
  if (words & kSchoolWord) return AgencyKind::School;
  if (ends_with_any(name, kInstitutionEndings)) return AgencyKind::Institution;
  return AgencyKind::Department;
}

}  // namespace agencygraph
