#include "phrases.hpp"

#include <array>

namespace agencygraph::gencorpus {
namespace {

template <std::size_t N>
std::string pick(Rng& rng, const std::array<const char*, N>& items) {
  return items[rng.index(N)];
}

constexpr std::array kVerbs = {
    "深入推进", "加快推进", "持续实施", "全面落实", "积极创建", "着力提升", "大力发展", "稳步推进",
    "健全完善", "持续优化", "扎实开展", "全力抓好", "统筹推进", "加快建设", "巩固提升", "深化",
    "启动实施", "加强", "积极推进", "全面推行", "有序推进", "持续深化", "认真落实", "探索建立",
};

constexpr std::array kObjects = {
    "老旧小区改造", "农村人居环境整治", "高标准农田建设", "义务教育优质均衡发展", "营商环境建设",
    "数字政府建设", "招商引资工作", "科技创新平台建设", "乡村振兴战略", "河湖长制", "医疗卫生服务体系建设",
    "养老服务体系建设", "城市更新行动", "交通基础设施建设", "产业园区提质扩容", "新型城镇化建设",
    "生态环境保护修复", "长江岸线综合整治", "垃圾分类收集处理", "农业面源污染治理", "扬尘污染防治",
    "国有企业改革", "财政预算绩效管理", "政府债务风险防控", "金融风险排查化解", "安全生产专项整治",
    "食品药品安全监管", "社会信用体系建设", "“放管服”改革", "“一网通办”改革", "“双减”政策落实",
    "公立医院综合改革", "学前教育普惠发展", "职业教育产教融合", "全民健身设施建设", "公共文化服务体系建设",
    "非物质文化遗产保护传承", "全域旅游示范区创建", "县域商业体系建设", "农村寄递物流体系建设",
    "电子商务进农村", "外贸稳规模优结构", "工业技改提能", "专精特新企业培育", "高新技术企业培育",
    "人才引进和培养", "创业担保贷款发放", "高校毕业生就业服务", "城乡居民医保参保", "社会救助兜底保障",
    "退役军人服务保障", "未成年人关爱保护", "平安建设", "基层治理体系建设", "信访矛盾源头化解",
    "防汛抗旱能力建设", "森林防火网格化管理", "自然灾害综合风险普查", "耕地保护和粮食安全",
    "农村集体产权制度改革", "水系连通工程", "污水处理厂扩建", "城市燃气管道更新改造", "海绵城市建设",
    "智慧城市建设", "5G基站建设", "充电桩布局建设", "公共资源交易平台整合", "政务服务事项标准化",
};

constexpr std::array kMeasures = {
    "完善工作机制", "强化要素保障", "加大资金投入", "压实工作责任", "推动政策落地见效",
    "形成齐抓共管的工作格局", "确保按时序推进", "建立健全长效机制", "提升群众满意度", "补齐短板弱项",
    "做好项目储备和前期工作", "加强督促检查", "营造良好发展环境", "推动提质增效", "加强统筹协调",
};

constexpr std::array kMetrics = {
    "全年新增城镇就业{n}人以上", "完成投资{n}亿元", "新建{n}个示范点", "新增规上工业企业{n}家",
    "新改建农村公路{n}公里", "覆盖率达到{p}%", "增长{p}%左右", "新认定国家高新技术企业{n}家",
    "完成造林{n}万亩", "新增普惠性学位{n}个", "改造老旧小区{n}个", "新建5G基站{n}个",
    "引进亿元以上项目{n}个", "实现税收{n}亿元", "建成标准化村卫生室{n}个", "培训高素质农民{n}人次",
};

constexpr std::array kBrands = {
    "强县工程示范区", "中部地区制造业强县", "“两山”理念实践创新示范样板", "国家新型能源之都",
    "省级全域旅游示范区", "乡村振兴示范片区", "现代农业产业园", "县域经济发展标杆",
};

constexpr std::array kParenNotes = {"含续建项目", "PPP项目", "试点", "不含棚改", "二期", "含跨年度项目"};

constexpr std::array kSectionTitles = {
    "坚决打好三大攻坚战,决胜全面建成小康社会", "坚定不移贯彻新发展理念,加快推动高质量发展",
    "突出改革创新,千方百计推进科教人才兴{L}", "打好民生改善持久战,在共享发展成果上取得更大成效",
    "打好安全稳定保卫战,在创新社会治理上取得更多亮点", "全面推进乡村振兴,加快农业农村现代化",
    "持续扩大内需,推动经济平稳健康发展", "深化改革开放,激发市场主体活力", "加强生态文明建设,推动绿色低碳发展",
    "加强政府自身建设,提升治理能力", "推进新型城镇化,提升城市功能品质", "坚持项目为王,夯实发展后劲",
};

constexpr std::array kSubsectionTitles = {
    "更大力度强科创。", "办好人民满意教育。", "协调发展社会事业。", "夯实社会保障基础。", "完善基层治理体系。",
    "强化科技创新支撑。", "实施人才强市工程。", "做大做强县域经济。", "着力扩大有效投资。", "促进消费提质扩容。",
    "持续优化营商环境。", "推进农业现代化。", "建设宜居宜业和美乡村。", "守牢安全发展底线。", "加快交通强市建设。",
};

constexpr std::array kNavigation = {
    "首页 | 政务公开 | 政务服务 | 互动交流 | 走进{J}", "当前位置:首页 > 政务公开 > 政策文件",
    "索引号:{n}/{Y}-00{n}  发布机构:{J}人民政府办公室  发文日期:{Y}-02-{d}", "字体:[ 大 中 小 ]  打印本页  关闭窗口",
    "分享到: 微信 微博 QQ空间", "【字体:大 中 小】【打印】【关闭】", "网站地图导航菜单", "无障碍浏览 长者模式",
};

constexpr std::array kFooters = {
    "本文仅代表作者观点,不代表本站立场。 凡注明为本站原创作品的,未经许可,不得转载;源于网络的作品,若对您造成了侵权,请联系本站,我们会第一时间予以处理。",
    "本文地址:/zwgk/zcwj/{n}.html", "留言与评论(共有 条评论)", "验证码:", "上一篇:关于做好春节期间安全生产工作的通知",
    "下一篇:{J}{Y}年国民经济和社会发展统计公报", "【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页",
    "网站标识码:42{n}  ICP备案号:鄂ICP备05003{n}号  公网安备 42{n}号", "版权所有:{J}人民政府  技术支持:{J}大数据中心",
    "相关链接: 中国政府网 | 省政府门户网站 | 市州政府网站",
};

std::string fill(std::string text, Rng& rng, const Jurisdiction* j, int year) {
  auto replace = [&](std::string_view key, auto make) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      const std::string value = make();
      text.replace(at, key.size(), value);
      at += value.size();
    }
  };
  replace("{n}", [&] { return std::to_string(rng.between(2, 3600)); });
  replace("{p}", [&] { return std::to_string(rng.between(1, 95)) + (rng.chance(0.3) ? "." + std::to_string(rng.between(1, 9)) : ""); });
  replace("{d}", [&] { return std::to_string(rng.between(10, 28)); });
  replace("{Y}", [&] { return std::to_string(year); });
  if (j) replace("{J}", [&] { return j->name; });
  return text;
}

std::string with_width(std::string text, const Style& style) {
  if (!style.full_width) return text;
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case ',': out += "，"; break;
      case ':': out += "："; break;
      case ';': out += "；"; break;
      case '(': out += "（"; break;
      case ')': out += "）"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string chinese_number(int n) {
  static constexpr std::array kDigits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigits[static_cast<std::size_t>(n)];
  std::string out = n / 10 == 1 ? "" : kDigits[static_cast<std::size_t>(n / 10)];
  out += "十";
  out += kDigits[static_cast<std::size_t>(n % 10)];
  return out;
}

std::string task_text(Rng& rng, const Style& style, const Roster& roster) {
  const int sentences = rng.geometric(0.42, 5);
  std::string text;
  std::size_t last_object = kObjects.size(), last_measure = kMeasures.size();
  for (int s = 0; s < sentences; ++s) {
    const double kind = rng.unit();
    if (kind < 0.08 && !roster.subs.empty()) {
      text += "支持" + rng.pick(roster.subs) + "打造" + pick(rng, kBrands);
    } else if (kind < 0.14) {
      text += fill(pick(rng, kMetrics), rng, nullptr, 0);
    } else {
      std::size_t object = rng.index(kObjects.size());
      if (object == last_object) object = (object + 1) % kObjects.size();
      last_object = object;
      text += pick(rng, kVerbs) + kObjects[object];
      if (rng.chance(0.07)) text += std::string(style.open()) + pick(rng, kParenNotes) + std::string(style.close());
      const int clauses = rng.between(0, 3);
      for (int c = 0; c < clauses; ++c) {
        text += style.comma();
        if (rng.chance(0.5)) {
          std::size_t measure = rng.index(kMeasures.size());
          if (measure == last_measure) measure = (measure + 1) % kMeasures.size();
          last_measure = measure;
          text += kMeasures[measure];
        } else {
          text += "力争" + fill(pick(rng, kMetrics), rng, nullptr, 0);
        }
      }
    }
    text += "。";
  }
  return text;
}

std::string section_title(Rng& rng, const Style& style) {
  std::string title = pick(rng, kSectionTitles);
  const std::size_t at = title.find("{L}");
  if (at != std::string::npos) title.replace(at, 3, "市");
  return with_width(std::move(title), style);
}

std::string subsection_title(Rng& rng) { return pick(rng, kSubsectionTitles); }

std::vector<std::string> notice_preamble(Rng& rng, const Style& style, const Jurisdiction& j, int year) {
  std::vector<std::string> out;
  const std::string lp(level_prefix(j.level));
  if (j.level == Level::Nation) {
    out.push_back(with_width("各省、自治区、直辖市人民政府,国务院各部委、各直属机构:", style));
    out.push_back(with_width("为做好" + std::to_string(year) + "年《政府工作报告》确定的重点工作,现就有关部门分工提出如下意见:", style));
    out.push_back("国务院");
    out.push_back(std::to_string(year) + "年3月" + std::to_string(rng.between(10, 28)) + "日");
    return out;
  }
  const std::string subs = j.level == Level::Province ? "各市、州、县人民政府" : j.level == Level::City ? "各县、市、区人民政府" : "各乡镇人民政府";
  out.push_back(with_width(subs + "," + lp + "政府各部门:", style));
  out.push_back(with_width("《政府工作报告》已经" + std::to_string(year) + "年" + j.name + "人民代表大会审议通过。经" + lp +
                               "政府同意,现将《政府工作报告》中的重点工作任务进行责任分解并印发给你们,请认真抓好贯彻落实。",
                           style));
  if (rng.chance(0.7)) {
    out.push_back("一、提高政治站位,加强组织领导");
    out.push_back(with_width("《政府工作报告》中的各项任务是今年全" + lp +
                                 "工作的重点。各地各部门要周密部署,对照责任分工,结合实际,制定详细的工作实施方案,明确时间表、路线图和责任人。",
                             style));
    out.push_back("二、改进作风,狠抓工作落实");
    out.push_back(with_width("各牵头单位要加大督促和协调力度,加强与责任单位的沟通联系,及时解决工作推进中的问题和困难。各责任单位要积极配合,主动作为,形成齐头并进的强大工作合力。",
                             style));
    out.push_back("三、加强督办,强化结果运用");
    out.push_back(with_width(lp + "政府办公室将加强过程管理,对重大事项一事一通报,全面落实情况半年一通报,并将督查情况作为各地各部门年度考核的重要依据。",
                             style));
  }
  out.push_back(j.name + "人民政府办公室");
  out.push_back(std::to_string(year) + "年" + std::to_string(rng.between(1, 3)) + "月" + std::to_string(rng.between(1, 28)) + "日");
  out.push_back("《政府工作报告》重点工作责任分解");
  return out;
}

std::string targets_paragraph(Rng& rng, const Style& style, int year) {
  return with_width(std::to_string(year) + "年经济社会发展的主要预期目标:地区生产总值增长" + std::to_string(rng.between(5, 9)) +
                        "%左右,固定资产投资增长" + std::to_string(rng.between(6, 12)) +
                        "%,社会消费品零售总额增长" + std::to_string(rng.between(6, 12)) +
                        "%;居民人均可支配收入增幅与经济发展同步,城镇登记失业率控制在4.5%以内。",
                    style);
}

// `count` distinct lines of a table, in table order (pages print their furniture in a fixed order).
template <std::size_t N>
std::vector<std::string> some_lines(Rng& rng, const std::array<const char*, N>& table, int count, const Jurisdiction& j,
                                    int year) {
  std::vector<std::string> out;
  int left = count;
  for (std::size_t i = 0; i < N && left > 0; ++i) {
    // Selection sampling: each line is kept with probability left / remaining.
    if (rng.index(N - i) < static_cast<std::size_t>(left)) {
      out.push_back(fill(table[i], rng, &j, year));
      --left;
    }
  }
  return out;
}

std::vector<std::string> navigation_lines(Rng& rng, const Jurisdiction& j, int year) {
  return some_lines(rng, kNavigation, rng.between(1, 4), j, year);
}

std::vector<std::string> footer_lines(Rng& rng, const Jurisdiction& j) {
  return some_lines(rng, kFooters, rng.between(1, 5), j, 2023);
}

}  // namespace agencygraph::gencorpus
