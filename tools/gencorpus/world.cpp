#include "world.hpp"

#include "text_edit.hpp"

#include <array>
#include <set>

namespace agencygraph::gencorpus {
namespace {

// Syllables for place names. Left out on purpose: characters that are list or role words (等 和 及 与
// 各), level or organ suffixes (市 县 区 省 局 委 办 厅 部 镇 乡), and 开 高 新 经 文 (zone names),
// so a generated place name never contains a separator or looks like a suffix.
constexpr std::array kSyllables = {
    "安", "宁", "平", "江", "河", "山", "阳", "兴", "华", "昌", "德", "丰", "泰", "源", "清", "南",
    "北", "东", "川", "峰", "林", "州", "城", "武", "龙", "凤", "桂", "嘉", "鱼", "通", "崇", "咸",
    "荆", "沙", "岳", "松", "竹", "柳", "梅", "石", "云", "金", "玉", "宝", "海", "湖", "泉", "溪",
    "永", "长", "汉", "襄", "宜", "恩", "施", "荣", "远", "定", "丹", "黄", "白", "青", "红", "吉",
    "庆", "福", "祥", "隆", "盛", "洪", "潜", "仙", "桃", "鹤", "房", "谷", "保", "康", "利", "监",
    "陵", "滨", "岭", "桥", "赤", "壁", "羊", "孝", "随", "枣", "麻", "蕲", "浠", "罗", "英", "秭",
};

// Department templates for cities and counties, most popular first: "city form|county form" (one
// form: both). {P} is the level prefix (市/县/区), {S} the stem (荆州), {J} the full name (荆州市).
constexpr std::array kLocalDepartments = {
    "{P}发改委|{P}发改局", "{P}财政局", "{P}教育局", "{P}住建局", "{P}自然资源和规划局",
    "{P}农业农村局", "{P}人社局", "{P}经信局", "{P}生态环境局", "{P}交通运输局",
    "{P}卫健委|{P}卫健局", "{P}商务局", "{P}文旅局", "{P}民政局", "{P}水利和湖泊局|{P}水利局",
    "{P}市场监管局", "{P}公安局", "{P}应急管理局", "{P}科技局|{P}科经局", "{P}城管委|{P}城管执法局",
    "{P}审计局", "{P}统计局", "{P}医保局", "{P}林业局", "{P}国资委|{P}国资局", "{P}司法局",
    "{P}退役军人事务局", "{P}乡村振兴局", "{P}地方金融工作局|{P}金融办", "{P}行政审批局",
    "{P}政务服务和大数据管理局", "{P}委组织部", "{P}委宣传部", "{P}信访局", "{P}委政法委",
    "{P}招商和投资促进局|{P}招商服务中心", "{P}体育局|{P}文体局", "{P}粮食和物资储备局",
    "{P}机关事务管理局", "{P}人防办", "{P}外事办|{P}外侨办", "{P}住房公积金中心", "{P}公共资源交易中心",
    "{P}委统战部", "{P}委编办", "{P}委网信办", "{P}委农办", "{P}纪委监委", "{P}文明办", "{P}食安办",
    "{P}妇联", "{P}总工会", "{P}科协", "{P}残联", "{P}工商联", "{P}红十字会", "团{P}委", "{P}税务局",
    "{P}气象局", "{P}消防救援支队|{P}消防救援大队", "{P}城发集团", "{P}交投集团", "{P}文旅集团",
    "{P}水务集团", "{P}融媒体中心", "{P}疾控中心", "{P}人民医院", "{P}中医医院", "{P}妇幼保健院",
    "{P}烟草专卖局", "{P}邮政管理局|{P}邮政分公司", "{P}档案馆", "{P}委党校", "{P}公路事业发展中心",
    "{P}数据局", "{P}营商办", "{P}能源局", "{P}移民局", "{P}供销社", "{P}地震局", "{P}国动办",
};

constexpr std::array kProvinceDepartments = {
    "{P}发改委", "{P}财政厅", "{P}教育厅", "{P}住建厅", "{P}自然资源厅", "{P}农业农村厅", "{P}人社厅",
    "{P}经信厅", "{P}生态环境厅", "{P}交通运输厅", "{P}卫健委", "{P}商务厅", "{P}文旅厅", "{P}民政厅",
    "{P}水利厅", "{P}市场监管局", "{P}公安厅", "{P}应急厅", "{P}科技厅", "{P}审计厅", "{P}统计局",
    "{P}医保局", "{P}林业局", "{P}国资委", "{P}司法厅", "{P}退役军人厅", "{P}乡村振兴局",
    "{P}地方金融监管局", "{P}政务管理办", "{P}委组织部", "{P}委宣传部", "{P}信访局", "{P}委政法委",
    "{P}粮食局", "{P}能源局", "{P}体育局", "{P}机关事务管理局", "{P}人防办", "{P}外办", "{P}药监局",
    "{P}知识产权局", "{P}委统战部", "{P}委编办", "{P}委网信办", "{P}纪委监委", "{P}农业厅", "{P}文化厅",
    "{P}妇联", "{P}总工会", "{P}科协", "{P}残联", "{P}工商联", "团{P}委", "{P}税务局", "{P}气象局",
    "{P}通信管理局", "{P}邮政管理局", "{P}交投集团", "{P}联投集团", "{P}地质局", "{P}消防救援总队",
};

// State Council style: ministries print without a prefix.
constexpr std::array kNationDepartments = {
    "发展改革委", "财政部", "教育部", "科技部", "工业和信息化部", "人力资源社会保障部", "自然资源部",
    "生态环境部", "住房城乡建设部", "交通运输部", "农业农村部", "商务部", "民政部", "公安部",
    "国家卫生健康委", "水利部", "文化和旅游部", "人民银行", "市场监管总局", "国务院国资委", "应急部",
    "司法部", "审计署", "税务总局", "海关总署", "金融监管总局", "证监会", "国家统计局", "国家医保局",
    "国家能源局", "国家知识产权局", "国家林草局", "国家乡村振兴局", "退役军人事务部", "国家网信办",
    "中央宣传部", "中央组织部", "全国总工会", "全国妇联", "中国科协", "中国残联", "国铁集团",
};

// Institutions, enterprises, schools and vertical agencies, some with brackets in the name.
constexpr std::array kLocalOthers = {
    "{S}供电公司", "{S}职业技术学院", "{S}职教(集团)学校", "人行{J}中心支行|人行{J}支行",
    "银保监会{S}监管分局|{S}银保监组", "{P}商务局({P}粮食和物资储备局)", "{S}海关", "{S}技师学院",
    "{P}行政审批局({P}政务服务中心)", "中国移动{S}分公司", "{S}开放大学", "{P}中心医院",
    "{P}不动产登记中心", "{S}日报社|{P}广播电视台", "{P}机场建设管理有限公司|{P}城投公司",
    "{P}第一高级中学", "国网{S}供电公司", "{P}邮政公司", "{P}公交集团", "{P}农商行",
};

constexpr std::array kProvinceOthers = {
    "国网{S}省电力公司", "人民银行{S}分行", "{S}银保监局", "{S}大学", "{S}科技学院",
    "{S}健康职业学院", "{P}商务厅({P}粮食局)", "{S}海关", "{P}机场集团", "{S}日报社",
};

constexpr std::array kNationOthers = {
    "国家开发银行", "中国农业发展银行", "国家电网有限公司", "中国国家铁路集团有限公司", "中国科学院",
};

// Leading groups and committees whose member units act as one collective.
constexpr std::array kGroupTopics = {
    "推进科技创新领导小组成员单位", "委人才工作领导小组成员单位", "扶贫攻坚领导小组各成员单位",
    "乡村振兴领导小组成员单位", "安全生产委员会成员单位", "食品安全委员会各成员单位",
    "河湖长制工作领导小组成员单位", "优化营商环境领导小组成员单位", "招商引资工作领导小组成员单位",
    "全面深化改革委员会成员单位", "未成年人保护工作领导小组成员单位", "残疾人工作委员会成员单位",
    "工业强{P}工作领导小组成员单位", "环境保护督察反馈意见整改攻坚指挥部各成员单位",
    "防汛抗旱指挥部各成员单位", "创建全国文明城市工作指挥部各成员单位",
};

// Picks the city or county form of a "city|county" template and fills its placeholders.
std::string specialise(std::string_view pattern, const Jurisdiction& j) {
  const std::size_t bar = pattern.find('|');
  const bool county_like = j.level == Level::County || j.level == Level::CountyCity || j.level == Level::District;
  std::string form(bar == std::string_view::npos ? pattern
                   : county_like                 ? pattern.substr(bar + 1)
                                                 : pattern.substr(0, bar));
  form = replace_all(std::move(form), "{P}", level_prefix(j.level));
  form = replace_all(std::move(form), "{S}", j.stem);
  return replace_all(std::move(form), "{J}", j.name);
}

template <std::size_t N>
std::vector<std::string> specialise_all(const std::array<const char*, N>& patterns, const Jurisdiction& j) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const char* p : patterns) {
    std::string name = specialise(p, j);
    if (seen.insert(name).second) out.push_back(std::move(name));
  }
  return out;
}

std::string unique_stem(Rng& rng, std::set<std::string>& used_names, std::string_view suffix) {
  for (;;) {
    std::string stem = random_stem(rng);
    if (used_names.insert(stem + std::string(suffix)).second) return stem;
  }
}

}  // namespace

std::string_view level_prefix(Level level) {
  switch (level) {
    case Level::Nation: return "";
    case Level::Province: return "省";
    case Level::City: return "市";
    case Level::County: return "县";
    case Level::CountyCity: return "市";
    case Level::District: return "区";
  }
  return "";
}

std::string random_stem(Rng& rng) {
  for (;;) {
    const std::size_t a = rng.index(kSyllables.size()), b = rng.index(kSyllables.size());
    if (a != b) return std::string(kSyllables[a]) + kSyllables[b];
  }
}

World::World(std::uint64_t seed) : by_level_(6) {
  Rng rng(mix_seed(seed ^ 0x5EED0F3011DULL));
  std::set<std::string> used;
  auto add = [&](Jurisdiction j) {
    const int id = static_cast<int>(all_.size());
    by_level_[static_cast<std::size_t>(j.level)].push_back(id);
    if (j.parent >= 0) all_[static_cast<std::size_t>(j.parent)].children.push_back(id);
    all_.push_back(std::move(j));
    return id;
  };
  auto parks_for = [&](const std::string& stem, int count) {
    std::vector<std::string> parks;
    const std::array<std::string, 5> kinds = {stem + "开发区", stem + "高新区", random_stem(rng) + "文旅区",
                                              stem + "经开区", random_stem(rng) + "新区"};
    std::vector<std::size_t> order = {0, 1, 2, 3, 4};
    for (int k = 0; k < count; ++k) {
      const std::size_t at = static_cast<std::size_t>(k) + rng.index(order.size() - static_cast<std::size_t>(k));
      std::swap(order[static_cast<std::size_t>(k)], order[at]);
      parks.push_back(kinds[order[static_cast<std::size_t>(k)]]);
    }
    return parks;
  };

  add({"国务院", "国务院", Level::Nation, -1, {}, {}, {}});
  // 31 provinces x 7-11 cities x 8-12 counties and districts: about 3100 jurisdictions.
  for (int p = 0; p < 31; ++p) {
    const std::string pstem = unique_stem(rng, used, "省");
    const int province = add({pstem + "省", pstem, Level::Province, -1, {}, {}, {}});
    const int cities = rng.between(7, 11);
    for (int c = 0; c < cities; ++c) {
      const std::string cstem = unique_stem(rng, used, "市");
      const int city = add({cstem + "市", cstem, Level::City, province, {}, {}, parks_for(cstem, rng.between(0, 3))});
      const int counties = rng.between(8, 12);
      for (int k = 0; k < counties; ++k) {
        const double kind = rng.unit();
        const Level level = kind < 0.55 ? Level::County : kind < 0.75 ? Level::CountyCity : Level::District;
        const std::string suffix(level == Level::County ? "县" : level == Level::CountyCity ? "市" : "区");
        const std::string kstem = unique_stem(rng, used, suffix);
        Jurisdiction j{kstem + suffix, kstem, level, city, {}, {}, parks_for(kstem, rng.between(0, 2) / 2)};
        std::set<std::string> towns;
        const int town_count = rng.between(6, 14);
        while (static_cast<int>(towns.size()) < town_count) {
          const double t = rng.unit();
          const char* tsuffix = level == Level::District ? "街道" : t < 0.6 ? "镇" : t < 0.85 ? "乡" : "街道";
          towns.insert(random_stem(rng) + tsuffix);
        }
        j.towns.assign(towns.begin(), towns.end());
        add(std::move(j));
      }
    }
  }
}

Roster make_roster(const World& world, int index) {
  const Jurisdiction& j = world[index];
  Roster r;
  const std::string prefix(level_prefix(j.level));
  switch (j.level) {
    case Level::Nation:
      r.departments = specialise_all(kNationDepartments, j);
      r.others = specialise_all(kNationOthers, j);
      r.collectives = {"各有关部门", "各地区", "国务院各部门", "各省级人民政府"};
      r.relevant_collective = "国务院有关部门";
      break;
    case Level::Province:
      r.departments = specialise_all(kProvinceDepartments, j);
      r.others = specialise_all(kProvinceOthers, j);
      r.collectives = {"各市州人民政府", "省直有关部门", "省政府各部门", "各市州政府"};
      r.relevant_collective = "省政府有关部门";
      break;
    case Level::City:
      r.departments = specialise_all(kLocalDepartments, j);
      r.others = specialise_all(kLocalOthers, j);
      r.collectives = {"各县市区政府", "各县市区人民政府", "市政府各部门", "市直各部门"};
      r.relevant_collective = "市政府有关部门";
      break;
    case Level::County:
    case Level::CountyCity:
      r.departments = specialise_all(kLocalDepartments, j);
      r.others = specialise_all(kLocalOthers, j);
      r.collectives = {"各乡镇人民政府", prefix + "直各部门", prefix + "政府各部门", "各乡镇(场)"};
      r.relevant_collective = prefix + "政府有关部门";
      break;
    case Level::District:
      r.departments = specialise_all(kLocalDepartments, j);
      r.others = specialise_all(kLocalOthers, j);
      r.collectives = {"各街道办事处", "区直各部门", "各街道", "区政府各部门"};
      r.relevant_collective = "区政府有关部门";
      break;
  }
  // Zipf over ranks with a flattened head (q = 2.5): 发改委 and 财政局 lead, the tail stays alive.
  r.department_popularity = zipf(r.departments.size(), 2.5);
  r.lead_popularity = zipf(r.departments.size(), 1.0);
  if (j.level != Level::Nation) {
    for (const char* topic : kGroupTopics) {
      std::string name = specialise(topic, j);
      r.groups.push_back(prefix + name);
    }
  } else {
    r.groups = {"国务院安全生产委员会成员单位", "国务院食品安全委员会成员单位"};
  }
  for (int child : j.children) r.subs.push_back(world[child].name);
  if (r.subs.empty()) r.subs = j.towns;
  r.parks = j.parks;
  return r;
}

const std::vector<Renaming>& local_renamings() {
  static const std::vector<Renaming> renamings = {
      {"{P}国土资源局", "{P}自然资源和规划局"}, {"{P}农业局", "{P}农业农村局"},
      {"{P}环境保护局", "{P}生态环境局"},       {"{P}安全生产监督管理局", "{P}应急管理局"},
      {"{P}工商局", "{P}市场监管局"},           {"{P}卫计委", "{P}卫健委"},
  };
  return renamings;
}

void use_names_before_reform(Roster& roster, const Jurisdiction& jurisdiction) {
  if (jurisdiction.level == Level::Nation || jurisdiction.level == Level::Province) return;
  for (const Renaming& renaming : local_renamings()) {
    const std::string after = specialise(renaming.after, jurisdiction);
    const std::string before = specialise(renaming.before, jurisdiction);
    for (std::string& name : roster.departments)
      if (name == after) name = before;
  }
}

}  // namespace agencygraph::gencorpus
