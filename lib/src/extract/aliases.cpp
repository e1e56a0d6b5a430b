#include "agencygraph/aliases.hpp"

#include <array>
#include <fstream>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace agencygraph {
namespace {

// Long and short forms of one agency, as `variant -> canonical`, applied to the name after its
// level prefix (市/县/区/省/…/国家): 市发展和改革委员会 -> 市发改委. The canonical form is the short one
// most documents print. Extend with --aliases FILE for local names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 31> kBuiltin = {{
    {"发展和改革委员会", "发改委"},
    {"发展改革委员会", "发改委"},
    {"发展改革委", "发改委"},
    {"发展和改革局", "发改局"},
    {"发展改革局", "发改局"},
    {"政务服务和大数据局", "政务服务和大数据管理局"},
    {"政数局", "政务服务和大数据管理局"},
    {"住房公积金管理中心", "住房公积金中心"},
    {"公积金中心", "住房公积金中心"},
    {"人力资源和社会保障局", "人社局"},
    {"人力资源社会保障局", "人社局"},
    {"人力资源社会保障部", "人社部"},
    {"住房和城乡建设局", "住建局"},
    {"住房城乡建设局", "住建局"},
    {"住房城乡建设部", "住建部"},
    {"经济和信息化局", "经信局"},
    {"经济信息化局", "经信局"},
    {"卫生健康委员会", "卫健委"},
    {"卫生健康委", "卫健委"},
    {"卫生健康局", "卫健局"},
    {"市场监督管理局", "市场监管局"},
    {"文化和旅游局", "文旅局"},
    {"文化旅游局", "文旅局"},
    {"自然资源规划局", "自然资源和规划局"},
    {"医疗保障局", "医保局"},
    {"科学技术局", "科技局"},
    {"国有资产监督管理委员会", "国资委"},
    {"城市管理委员会", "城管委"},
    {"退役军人局", "退役军人事务局"},
    {"生态环境保护局", "生态环境局"},
    {"统计调查局", "统计局"},
}};

constexpr std::array<std::string_view, 10> kLevelPrefixes = {"国家", "省", "市", "县", "区", "州", "旗", "镇", "乡",
                                                             "盟"};

// The index in kBuiltin of `variant`, or kBuiltin.size(): every new name is looked up, so by hash
// rather than by comparing it with each variant.
std::size_t builtin_index(std::string_view variant) {
  static const std::unordered_map<std::string_view, std::size_t> index = [] {
    std::unordered_map<std::string_view, std::size_t> map;
    for (std::size_t k = 0; k < kBuiltin.size(); ++k) map.emplace(kBuiltin[k].first, k);  // first entry wins
    return map;
  }();
  const auto it = index.find(variant);
  return it == index.end() ? kBuiltin.size() : it->second;
}

std::string apply_builtin(std::string_view name) {
  std::string_view prefix;
  std::string_view stem = name;
  for (std::string_view level : kLevelPrefixes) {
    if (name.starts_with(level)) {
      prefix = name.substr(0, level.size());
      stem = name.substr(level.size());
      break;
    }
  }
  // The first entry of kBuiltin that is the stem or the whole name.
  const std::size_t by_stem = builtin_index(stem);
  const std::size_t by_name = builtin_index(name);
  if (by_stem <= by_name && by_stem < kBuiltin.size())
    return std::string(prefix) + std::string(kBuiltin[by_stem].second);
  if (by_name < kBuiltin.size()) return std::string(kBuiltin[by_name].second);
  std::string result(name);
  // 荆州区政府 and 荆州区人民政府 are one government; 开发区管理委员会 and 开发区管委会 one committee.
  if (result.ends_with("管理委员会")) result.replace(result.size() - std::string_view("管理委员会").size(),
                                                     std::string_view("管理委员会").size(), "管委会");
  if (result.ends_with("政府") && !result.ends_with("人民政府") &&
      result.find("有关") == std::string::npos && result.size() > std::string_view("政府").size())
    result.insert(result.size() - std::string_view("政府").size(), "人民");
  return result;
}

}  // namespace

AliasTable AliasTable::extending_builtin() { return AliasTable{}; }

AliasTable AliasTable::without_builtin() {
  AliasTable table;
  table.builtin_ = false;
  return table;
}

void AliasTable::add(std::string_view variant, std::string_view canonical) {
  user_[std::string(variant)] = std::string(canonical);
}

void AliasTable::load_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open alias file");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size() || line.find('\t', tab + 1) != std::string::npos)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 'variant<TAB>canonical'");
    const std::string variant = line.substr(0, tab), target = line.substr(tab + 1);
    // A cycle (A -> B on one line, B -> A on another) would silently swap the two names, since an
    // alias is applied once: the line that closes it is an error.
    if (variant != target) {
      std::string chain = variant + " -> " + target;
      std::string at = target;
      for (std::size_t step = 0; step <= user_.size(); ++step) {
        const auto it = user_.find(at);
        if (it == user_.end() || it->first == it->second) break;
        at = it->second;
        chain += " -> " + at;
        if (at == variant)
          throw std::runtime_error(path + ":" + std::to_string(number) + ": alias cycle " + chain +
                                   ": give each name one canonical form");
      }
    }
    add(variant, target);
  }
}

std::string AliasTable::canonical(std::string_view folded_name) const {
  // Most tables have no user aliases: then the lookups, and the key they copy, are skipped.
  if (!user_.empty())
    if (auto it = user_.find(std::string(folded_name)); it != user_.end()) return it->second;
  std::string result = builtin_ ? apply_builtin(folded_name) : std::string(folded_name);
  if (!user_.empty())
    if (auto it = user_.find(result); it != user_.end()) return it->second;
  return result;
}

}  // namespace agencygraph
