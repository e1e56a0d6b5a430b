#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>

#include "annotation.hpp"
#include "html_page.hpp"
#include "phrases.hpp"
#include "rng.hpp"

namespace agencygraph::gencorpus {
namespace {

// A paragraph of the document: its lines, and the planted task if it is one.
struct Block {
  std::vector<std::string> lines;
  std::optional<PlantedTask> task;
};

struct DocumentPlan {
  int jurisdiction = 0;
  int year = 2023;
  std::optional<std::string> title;
  bool notice = false;  // a 通知/意见 with addressees and requirements before the tasks
  Style style;
  BracketStyle bracket;
  std::string indent;
  Format format = Format::Bracket;
  bool mixed = false;   // formats vary task by task
  bool crlf = false;
  bool bom = false;
  bool gb18030 = false;
};

std::string width(std::string_view half, const Style& style) {
  if (!style.full_width) return std::string(half);
  std::string out;
  for (char c : half) {
    if (c == '(') out += "（";
    else if (c == ')') out += "）";
    else out += c;
  }
  return out;
}

const Jurisdiction& province_of(const World& world, const Jurisdiction& j) {
  const Jurisdiction* at = &j;
  while (at->parent >= 0) at = &world[at->parent];
  return *at;
}

// Title templates; each names the year and the jurisdiction. Returns the notice flag too.
std::pair<std::string, bool> make_title(Rng& rng, const World& world, int index, int year, int variant, const Style& style,
                                        bool all_formats) {
  const Jurisdiction& j = world[index];
  const std::string y = std::to_string(year);
  if (j.level == Level::Nation)
    return {width("国务院关于落实" + y + "年《政府工作报告》重点工作分工的意见(国发〔" + y + "〕" +
                      std::to_string(rng.between(3, 30)) + "号)", style),
            true};
  switch (variant) {
    case 0: return {y + "年" + j.name + "《政府工作报告》重点任务责任分解方案", false};
    case 1:
      if (j.level != Level::Province)
        return {width("(" + province_of(world, j).name + ")", style) + y + "年" + j.name +
                    "《政府工作报告》确定的主要目标任务责任分解方案",
                false};
      return {y + "年" + j.name + "《政府工作报告》确定的主要目标任务责任分解方案", false};
    case 2:
      return {width(j.name + "人民政府办公室关于印发" + y + "年《政府工作报告》重点工作任务分工方案的通知(" +
                        j.stem.substr(0, 3) + "政办发〔" + y + "〕" + std::to_string(rng.between(1, 60)) + "号)",
                    style),
              true};
    case 3: return {j.name + "人民政府关于落实" + y + "年《政府工作报告》重点工作部门分工的意见", true};
    default:
      if (all_formats) return {"关于印发" + j.name + y + "年《政府工作报告》目标任务分解的通知", true};
      return {y + "年" + j.name + "《政府工作报告》重点工作任务分工方案", false};
  }
}

std::string join_lines(const std::vector<std::string>& lines, bool crlf) {
  std::string out;
  std::size_t size = 0;
  for (const std::string& l : lines) size += l.size() + 2;
  out.reserve(size);
  for (const std::string& l : lines) {
    out += l;
    out += crlf ? "\r\n" : "\n";
  }
  return out;
}

Format pick_task_format(Rng& rng, const DocumentPlan& plan) {
  if (plan.mixed) {
    static constexpr std::array kMix = {Format::Bracket, Format::Bracket, Format::OwnLines, Format::Inline, Format::RoleVerb,
                                        Format::Prose};
    return kMix[rng.index(kMix.size())];
  }
  if (plan.format == Format::Prose && !rng.chance(0.6)) return Format::Bracket;
  return plan.format;
}

// The file's bytes as the plan writes them: line breaks, then GB18030 or UTF-8 with or without BOM.
void encode(const DocumentPlan& plan, const std::vector<std::string>& lines, GeneratedFile& file) {
  std::string text = join_lines(lines, plan.crlf);
  if (plan.gb18030) {
    file.bytes = to_gb18030(text);
    file.encoding = "GB18030";
  } else {
    file.bytes = plan.bom ? "\xEF\xBB\xBF" + text : std::move(text);
    file.encoding = "UTF-8";
  }
}

std::string file_base(Rng& rng, std::size_t index) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%05zu_%016llx", index, static_cast<unsigned long long>(rng.next()));
  return std::string(buffer);
}

// Saved web pages (--formats all) are chosen from a random stream of their own, so that adding them
// left every other document of an all-formats corpus as it was.
bool is_html_page(std::uint64_t seed, std::size_t index) {
  Rng rng(mix_seed(mix_seed(seed ^ 0x48544D4C50414745ull) ^ (index * 0x9E3779B97F4A7C15ull + 1)));
  return rng.chance(0.1);
}

// Gives a task the lead of the task before it, now and then, so that the page prints one 牵头单位
// cell over both (rowspan): only a single lead for a single lead, never a unit the task already
// names among its co-responsible units.
void share_lead(Rng& rng, const std::vector<TableTask>& before, Assignment& assignment) {
  if (before.empty() || !rng.chance(0.5)) return;
  const std::vector<std::string>& previous = before.back().planted.leads;
  const std::vector<std::string> co = assignment.planted_co();
  if (previous.size() != 1 || assignment.leads.size() != 1 || std::find(co.begin(), co.end(), previous[0]) != co.end())
    return;
  if (std::find(assignment.features.begin(), assignment.features.end(), "sub-government") != assignment.features.end())
    return;
  assignment.leads = previous;
}

// A document published as a web page, its tasks in a table under section rows (html_page.hpp).
GeneratedFile html_document(Rng& rng, const DocumentPlan& plan, const Jurisdiction& jurisdiction, const Roster& roster,
                            const Options& options, std::size_t index) {
  HtmlPage page;
  page.title = plan.title;
  page.style = plan.style;
  page.charset = plan.gb18030 ? "gb2312" : "utf-8";
  page.navigation = navigation_lines(rng, jurisdiction, plan.year);
  if (plan.notice) page.preamble = notice_preamble(rng, plan.style, jurisdiction, plan.year);
  if (rng.chance(0.4)) page.preamble.push_back(targets_paragraph(rng, plan.style, plan.year));
  const int task_count = rng.between(options.tasks_min, options.tasks_max);
  for (int id = 1, section = 0; id <= task_count;) {
    TableSection& current = page.sections.emplace_back();
    current.heading = chinese_number(++section) + "、" + section_title(rng, plan.style);
    for (int left = rng.between(6, 20); left > 0 && id <= task_count; --left, ++id) {
      AssignmentOptions choose;
      choose.style = plan.style;
      choose.all_formats = true;
      Assignment assignment = choose_agencies(rng, roster, choose);
      share_lead(rng, current.tasks, assignment);
      TableTask& task = current.tasks.emplace_back();
      task.text = task_text(rng, plan.style, roster);
      task.leads = printed_leads(assignment);
      task.co_runs = printed_co_runs(assignment);
      if (rng.chance(0.5)) task.deadline = std::to_string(plan.year) + (rng.chance(0.5) ? "年底前" : "年6月底前");
      task.planted.id = id;
      task.planted.leads = assignment.planted_leads();
      task.planted.co = assignment.planted_co();
      task.planted.format = "html-table";
      task.planted.features = std::move(assignment.features);
    }
  }
  page.footer = footer_lines(rng, jurisdiction);
  const std::vector<std::string> lines = write_html_page(rng, page);

  GeneratedFile file;
  file.name = file_base(rng, index) + ".html";
  file.jurisdiction = plan.title ? std::optional<std::string>(jurisdiction.name) : std::nullopt;
  file.title = plan.title;
  if (plan.title) file.year = plan.year;
  file.format = "html-table";
  for (const TableSection& section : page.sections)
    for (const TableTask& task : section.tasks) file.tasks.push_back(task.planted);
  encode(plan, lines, file);
  return file;
}

// Documents in the layouts of --layouts: which layout is drawn from a stream of its own, so the
// choice does not move any other draw of the document.
Layout pick_layout(std::uint64_t seed, std::size_t index, const std::vector<Layout>& layouts) {
  Rng rng(mix_seed(mix_seed(seed ^ 0x4C41594F555453ull) ^ (index * 0x9E3779B97F4A7C15ull + 1)));
  return layouts[rng.index(layouts.size())];
}

// A document printed in one of layouts.hpp's layouts: navigation, title and preamble around the
// layout's body as for any text document, or the body alone where it is a file of code.
GeneratedFile layout_document(Rng& rng, Layout layout, DocumentPlan plan, const Jurisdiction& jurisdiction,
                              const Roster& roster, const Options& options, std::size_t index) {
  LayoutInput input;
  input.style = plan.style;
  input.indent = plan.indent;
  input.year = plan.year;
  input.level = jurisdiction.level;
  input.roster = &roster;
  input.tasks = rng.between(options.tasks_min, options.tasks_max);
  const LayoutOutput body = write_layout(rng, layout, input);

  std::vector<std::string> lines;
  const bool titled = plan.title && !body.whole_file && !body.untitled;
  if (!body.whole_file) {
    if (!body.untitled) {
      for (std::string& line : navigation_lines(rng, jurisdiction, plan.year)) lines.push_back(std::move(line)), lines.emplace_back();
      if (plan.title) lines.push_back(*plan.title), lines.emplace_back();
      if (plan.notice)
        for (std::string& line : notice_preamble(rng, plan.style, jurisdiction, plan.year))
          lines.push_back(std::move(line)), lines.emplace_back();
    }
    for (const std::string& line : body.preamble) lines.push_back(line), lines.emplace_back();
  }
  const auto offset = static_cast<std::uint32_t>(lines.size());
  lines.insert(lines.end(), body.lines.begin(), body.lines.end());
  if (!body.whole_file) {
    lines.emplace_back();
    for (const std::string& line : body.after) lines.push_back(line), lines.emplace_back();
    if (!body.untitled)
      for (std::string& line : footer_lines(rng, jurisdiction)) lines.push_back(std::move(line)), lines.emplace_back();
  } else {
    // Code is saved as UTF-8 with LF line ends.
    plan.gb18030 = plan.bom = plan.crlf = false;
  }

  GeneratedFile file;
  file.name = file_base(rng, index) + "." + body.extension;
  if (titled) {
    file.jurisdiction = jurisdiction.name;
    file.title = plan.title;
    file.year = plan.year;
  }
  file.format = body.format;
  for (const LayoutTask& t : body.tasks) {
    PlantedTask& task = file.tasks.emplace_back();
    task.label = t.id;
    task.line = offset + t.line;
    task.leads = t.leads;
    task.co = t.co;
    task.leaders = t.leaders;
    task.format = t.format;
    task.features = t.features;
  }
  encode(plan, lines, file);
  return file;
}

}  // namespace

namespace {

// Who writes a document: mostly counties and cities, some provinces, the State Council only with
// --formats all.
int random_jurisdiction(Rng& rng, const World& world, bool all_formats) {
  const double x = rng.unit();
  if (all_formats && x < 0.02) return world.of_level(Level::Nation).front();
  if (x < 0.10) return rng.pick(world.of_level(Level::Province));
  if (x < 0.45) return rng.pick(world.of_level(Level::City));
  const double k = rng.unit();
  return rng.pick(world.of_level(k < 0.55 ? Level::County : k < 0.75 ? Level::CountyCity : Level::District));
}

}  // namespace

Generator::Generator(const Options& options) : options_(options), world_(options.seed) {
  if (options.jurisdictions <= 0) return;
  // The pool is drawn once from the seed alone, with the same mix of levels as single documents, so
  // corpora of any size with one seed and one pool size share their places.
  Rng rng(mix_seed(mix_seed(options.seed) ^ 0x6A75726973ull));
  std::set<int> chosen;
  std::size_t drawable = options.all_formats ? world_.of_level(Level::Nation).size() : 0;
  for (Level level : {Level::Province, Level::City, Level::County, Level::CountyCity, Level::District})
    drawable += world_.of_level(level).size();
  const std::size_t wanted = std::min(static_cast<std::size_t>(options.jurisdictions), drawable);
  while (chosen.size() < wanted) chosen.insert(random_jurisdiction(rng, world_, options.all_formats));
  pool_.assign(chosen.begin(), chosen.end());
}

std::vector<GeneratedFile> Generator::next_document() {
  const std::size_t index = next_++;
  Rng rng(mix_seed(mix_seed(options_.seed) ^ (index * 0x9E3779B97F4A7C15ull + 1)));
  DocumentPlan plan;
  const bool all = options_.all_formats;

  auto pick_jurisdiction = [&] {
    return pool_.empty() ? random_jurisdiction(rng, world_, all) : pool_[rng.index(pool_.size())];
  };
  plan.style.full_width = rng.chance(0.5);
  // A panel of years (--years) titles every document: each names its place and year.
  const bool panel = options_.first_year > 0 && !pool_.empty();
  const bool titled = !rng.chance(0.03) || panel;
  for (int attempt = 0;; ++attempt) {
    plan.jurisdiction = pick_jurisdiction();
    plan.year = rng.between(2018, 2024);
    if (panel) {
      plan.jurisdiction = pool_[index % pool_.size()];
      plan.year = options_.first_year + static_cast<int>(index / pool_.size());
    }
    if (!titled) break;
    const int variant = attempt < 40 ? rng.between(0, 4) : 2;  // 2 has a document number: unique at last
    auto [title, notice] = make_title(rng, world_, plan.jurisdiction, plan.year, variant, plan.style, all);
    if (titles_.insert(title).second) {
      plan.title = std::move(title);
      plan.notice = notice;
      break;
    }
  }
  const Jurisdiction& jurisdiction = world_[plan.jurisdiction];
  Roster roster = make_roster(world_, plan.jurisdiction);
  if (panel && plan.year < options_.reform_year) use_names_before_reform(roster, jurisdiction);

  const double b = rng.unit();
  plan.bracket = plan.style.full_width ? BracketStyle{"（", "）"} : BracketStyle{"(", ")"};
  if (b < 0.06) plan.bracket = {"〔", "〕"};
  else if (b < 0.10) plan.bracket = {"【", "】"};
  else if (all && b < 0.13) plan.bracket = {"[", "]"};
  const double ind = rng.unit();
  plan.indent = ind < 0.45 ? "" : (all && ind < 0.65) ? "\u3000\u3000" : "  ";
  if (all) {
    const double f = rng.unit();
    if (jurisdiction.level == Level::Nation || (jurisdiction.level == Level::Province && f < 0.5)) plan.format = Format::RoleVerb;
    else if (f < 0.55) plan.format = Format::Bracket;
    else if (f < 0.65) plan.format = Format::OwnLines;
    else if (f < 0.73) plan.format = Format::Inline;
    else if (f < 0.83) plan.format = Format::RoleVerb;
    else if (f < 0.88) plan.format = Format::Prose;
    else if (f < 0.94) plan.format = Format::FirstListed;
    else plan.mixed = true;
    plan.crlf = rng.chance(0.05);
  }
  plan.gb18030 = rng.chance(options_.gb18030_share);
  if (all && !plan.gb18030) plan.bom = rng.chance(0.03);
  const std::string doc_format = plan.mixed ? "mixed" : format_name(plan.format);
  if (all && is_html_page(options_.seed, index))
    return {html_document(rng, plan, jurisdiction, roster, options_, index)};
  if (!options_.layouts.empty())
    return {layout_document(rng, pick_layout(options_.seed, index, options_.layouts), plan, jurisdiction, roster, options_, index)};

  // The header: navigation noise, title, preamble.
  std::vector<Block> header;
  for (std::string& line : navigation_lines(rng, jurisdiction, plan.year)) header.push_back({{std::move(line)}, {}});
  if (plan.title) header.push_back({{*plan.title}, {}});
  std::vector<Block> preamble;
  if (plan.notice)
    for (std::string& line : notice_preamble(rng, plan.style, jurisdiction, plan.year)) preamble.push_back({{std::move(line)}, {}});
  if (plan.format == Format::FirstListed && !plan.mixed)
    preamble.push_back({{rng.chance(0.5) ? width("(各项任务中列第一位的为牵头单位)", plan.style)
                                         : width("注:列第一位者为牵头或汇总单位。", plan.style)},
                        {}});
  if (rng.chance(0.4)) preamble.push_back({{targets_paragraph(rng, plan.style, plan.year)}, {}});

  // The body: sections, subsections, tasks.
  std::vector<Block> body;
  const int task_count = rng.between(options_.tasks_min, options_.tasks_max);
  const double sub_style = rng.unit();  // numbered (一) subsections, bare subheadings, or none
  int section = 0, subsection = 0, until_section = 0, until_subsection = 0;
  RenderContext context{plan.style, plan.bracket, all, plan.year};
  for (int id = 1; id <= task_count; ++id) {
    if (until_section-- <= 0) {
      until_section = rng.between(6, 20);
      body.push_back({{plan.indent + chinese_number(++section) + "、" + section_title(rng, plan.style)}, {}});
      until_subsection = 0;
    }
    if (sub_style < 0.75 && until_subsection-- <= 0) {
      until_subsection = rng.between(1, 6);
      if (sub_style < 0.55)
        body.push_back({{plan.indent + width("(" + chinese_number(++subsection) + ")", plan.style) + subsection_title(rng)}, {}});
      else
        body.push_back({{plan.indent + subsection_title(rng)}, {}});
    }
    const Format format = pick_task_format(rng, plan);
    AssignmentOptions choose;
    choose.style = plan.style;
    choose.all_formats = all;
    choose.simple_lists = format == Format::RoleVerb || format == Format::Prose;
    choose.force_lead = format == Format::Prose || format == Format::FirstListed;
    Assignment assignment = choose_agencies(rng, roster, choose);
    Block block;
    block.lines.push_back(plan.indent + std::to_string(id) + "." + task_text(rng, plan.style, roster));
    render(rng, format, context, assignment, block.lines, plan.indent);
    PlantedTask task;
    task.id = id;
    task.leads = assignment.planted_leads();
    task.co = assignment.planted_co();
    task.format = format_name(format);
    task.features = std::move(assignment.features);
    block.task = std::move(task);
    body.push_back(std::move(block));
  }

  // Pages: a few titled documents are split across two or three files, each repeating the title.
  std::size_t pages = 1;
  if (plan.title && !plan.notice && plan.format != Format::FirstListed && task_count >= 20 && rng.chance(0.05))
    pages = static_cast<std::size_t>(rng.between(2, 3));
  const std::string base = file_base(rng, index);

  std::vector<GeneratedFile> files;
  const std::size_t per_page = (body.size() + pages - 1) / pages;
  for (std::size_t page = 0; page < pages; ++page) {
    GeneratedFile file;
    file.name = base + (page == 0 ? "" : "_p" + std::to_string(page + 1)) + ".txt";
    file.jurisdiction = plan.title ? std::optional<std::string>(jurisdiction.name) : std::nullopt;
    file.title = plan.title;
    if (plan.title) file.year = plan.year;
    file.format = doc_format;
    std::vector<std::string> lines;
    auto emit = [&](Block& block) {
      if (block.task) {
        block.task->line = static_cast<std::uint32_t>(lines.size() + 1);
        file.tasks.push_back(*block.task);
      }
      for (std::string& line : block.lines) lines.push_back(line);
      lines.emplace_back();
    };
    for (Block& block : header) emit(block);
    if (page == 0)
      for (Block& block : preamble) emit(block);
    const std::size_t end = std::min(body.size(), (page + 1) * per_page);
    for (std::size_t i = page * per_page; i < end; ++i) emit(body[i]);
    for (std::string& line : footer_lines(rng, jurisdiction)) lines.push_back(std::move(line)), lines.emplace_back();
    encode(plan, lines, file);
    files.push_back(std::move(file));
  }
  return files;
}

std::string successions_tsv(const Generator& generator, const Options& options) {
  std::set<std::string> prefixes;
  for (const int j : generator.pool()) {
    const Level level = generator.world()[j].level;
    if (level != Level::Nation && level != Level::Province) prefixes.insert(std::string(level_prefix(level)));
  }
  std::string out =
      "# Successions of the departments agencygraph-gencorpus renamed in this corpus (--years): old name, new name,\n"
      "# the year the new name is printed from. For `agencygraph compare|trend --successions`.\n";
  for (const std::string& prefix : prefixes)
    for (const Renaming& renaming : local_renamings()) {
      std::string before = renaming.before, after = renaming.after;
      before.replace(before.find("{P}"), 3, prefix);
      after.replace(after.find("{P}"), 3, prefix);
      out += before + "\t" + after + "\t" + std::to_string(options.reform_year) + "\n";
    }
  return out;
}

std::string to_gb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t length = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("GB18030 conversion failed: ") + u_errorName(status));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

namespace {

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
  return out + "]";
}

template <typename T>
std::string optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value).dump() : std::string("null");
}

}  // namespace

PlantedWriter::PlantedWriter(const std::string& path, const Options& options, std::size_t documents)
    : path_(path), leaders_(!options.layouts.empty()) {
  out_ = std::fopen(path.c_str(), "wb");
  if (!out_) throw std::runtime_error(path + ": cannot write");
  nlohmann::ordered_json header = {
      {"about",
       "Planted extraction of a synthetic corpus written by agencygraph-gencorpus, in the shape of "
       "tests/data/gold/seeds.gold.json. Names are as printed except: a shared suffix is distributed over grouped "
       "place names (荆州开发区、纪南文旅区管委会 -> 荆州开发区管委会, 纪南文旅区管委会), a trailing 等/等单位 is "
       "dropped, and 'A、B等市政府有关部门' is A, B and the collective 市政府有关部门. co holds the co-responsible units "
       "in document order; leads is empty where the task names no lead (under a stated first-listed convention "
       "the first unit is the lead). jurisdiction/year/title are null where no title line is printed. format and "
       "features say how each task's annotation was printed."},
      {"generator",
       {{"seed", options.seed},
        {"documents", documents},
        {"tasks_per_document", std::to_string(options.tasks_min) + "-" + std::to_string(options.tasks_max)},
        {"gb18030_share", options.gb18030_share},
        {"formats", options.all_formats ? "all" : "basic"}}},
  };
  if (!options.layouts.empty()) {
    std::vector<std::string> names;
    for (const Layout layout : options.layouts) names.emplace_back(layout_name(layout));
    header["generator"]["layouts"] = names;
    header["about"] = header["about"].get<std::string>() +
                      " With --layouts, id is the number as printed (a string) and leaders lists the people "
                      "answering for the task (checked too).";
  }
  if (options.jurisdictions > 0) header["generator"]["jurisdictions"] = options.jurisdictions;
  if (options.first_year > 0) {
    header["generator"]["years"] = std::to_string(options.first_year) + "-" + std::to_string(options.last_year);
    header["generator"]["reform_year"] = options.reform_year;
  }
  std::string text = header.dump(1);
  text.pop_back();  // reopen the object: "}" -> ", "documents": {"
  while (!text.empty() && text.back() == '\n') text.pop_back();
  text += ",\n \"documents\": {";
  std::fputs(text.c_str(), out_);
}

void PlantedWriter::add(const GeneratedFile& file) {
  std::string text = first_ ? "\n  " : ",\n  ";
  first_ = false;
  text += quoted(file.name) + ": {\"jurisdiction\": " + optional_json(file.jurisdiction) + ", \"year\": " +
          optional_json(file.year) + ", \"title\": " + optional_json(file.title) + ", \"encoding\": " +
          quoted(file.encoding) + ", \"format\": " + quoted(file.format) + ", \"tasks\": [";
  for (std::size_t i = 0; i < file.tasks.size(); ++i) {
    const PlantedTask& t = file.tasks[i];
    text += i ? ",\n   " : "\n   ";
    text += "{\"id\": " + (t.label.empty() ? std::to_string(t.id) : quoted(t.label)) + ", \"line\": " +
            std::to_string(t.line) + ", \"leads\": " + quoted_list(t.leads) + ", \"co\": " + quoted_list(t.co) +
            (leaders_ ? ", \"leaders\": " + quoted_list(t.leaders) : std::string()) + ", \"format\": " + quoted(t.format) +
            ", \"features\": " + quoted_list(t.features) + "}";
  }
  text += file.tasks.empty() ? "]}" : "\n  ]}";
  std::fwrite(text.data(), 1, text.size(), out_);
}

void PlantedWriter::close() {
  if (!out_) return;
  std::fputs(first_ ? "}\n}\n" : "\n }\n}\n", out_);
  const bool failed = std::ferror(out_) != 0;
  if (std::fclose(out_) != 0 || failed) {
    out_ = nullptr;
    throw std::runtime_error(path_ + ": cannot write");
  }
  out_ = nullptr;
}

}  // namespace agencygraph::gencorpus
