#include "agencygraph/agency_kind.hpp"

#include <array>

namespace agencygraph {
namespace {

bool contains(std::string_view s, std::string_view word) { return s.find(word) != std::string_view::npos; }

template <std::size_t N>
bool contains_any(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (contains(s, w)) return true;
  return false;
}

template <std::size_t N>
bool ends_with_any(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (s.ends_with(w)) return true;
  return false;
}

constexpr std::array<std::string_view, 8> kCollectiveWords = {"成员单位", "有关部门", "相关部门", "有关单位",
                                                              "相关单位", "各部门", "各单位", "直各部门"};
constexpr std::array<std::string_view, 4> kParty = {"组织部", "宣传部", "统战部", "政法委"};
constexpr std::array<std::string_view, 12> kPeoples = {"妇联", "总工会", "工会", "科协", "残联", "团市委",
                                                       "团县委", "团区委", "共青团", "侨联", "文联", "工商联"};
constexpr std::array<std::string_view, 4> kEnterprise = {"集团", "公司", "有限", "银行"};
constexpr std::array<std::string_view, 7> kSchool = {"大学", "学院", "学校", "中学", "小学", "幼儿园", "党校"};
constexpr std::array<std::string_view, 12> kVertical = {"海关", "税务", "人行", "人民银行", "银保监", "证监",
                                                        "气象局", "供电", "邮政", "烟草", "海事", "铁路"};
constexpr std::array<std::string_view, 7> kInstitution = {"中心", "医院", "保健院", "馆", "研究院", "站", "所"};

}  // namespace

AgencyKind classify_agency(std::string_view name) {
  if (name.starts_with("各") || contains_any(name, kCollectiveWords) || name.ends_with("有关部门"))
    return AgencyKind::Collective;
  if (name.ends_with("管委会") || name.ends_with("管理委员会")) return AgencyKind::ParkCommittee;
  if (name.ends_with("政府") && !contains(name, "政府办")) return AgencyKind::Government;
  if (name.ends_with("街道办事处") || name.ends_with("乡") || name.ends_with("镇")) return AgencyKind::Government;
  if (contains_any(name, kPeoples)) return AgencyKind::PeoplesOrganisation;
  if (name.starts_with("市委") || name.starts_with("县委") || name.starts_with("区委") || name.starts_with("省委") ||
      name.starts_with("州委") || name.starts_with("中央") || contains_any(name, kParty) || contains(name, "纪委") ||
      contains(name, "监委") || contains(name, "党委"))
    return AgencyKind::PartyOrgan;
  if (name.ends_with("学校") || name.ends_with("大学") || name.ends_with("学院")) return AgencyKind::School;
  if (contains_any(name, kVertical)) return AgencyKind::Vertical;
  if (contains_any(name, kEnterprise)) return AgencyKind::StateEnterprise;
  if (contains_any(name, kSchool)) return AgencyKind::School;
  if (ends_with_any(name, kInstitution)) return AgencyKind::Institution;
  return AgencyKind::Department;
}

}  // namespace agencygraph
