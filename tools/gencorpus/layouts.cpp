#include "layouts.hpp"

#include <array>

#include "annotation.hpp"
#include "phrases.hpp"
#include "text_edit.hpp"

namespace agencygraph::gencorpus {
namespace {

constexpr std::array<const char*, kLayoutCount> kNames = {
    "after-line", "comma-groups", "space-table", "cell-lines", "pipe-table",
    "structured", "numbering",    "leaders",     "conventions",
};

template <std::size_t N>
std::string pick(Rng& rng, const std::array<const char*, N>& items) {
  return items[rng.index(N)];
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

// The co-responsible runs as one list: runs joined by the document's comma.
std::string co_list(const Assignment& a, const Style& style) { return join(printed_co_runs(a), style.comma()); }

struct Need {
  bool simple = false;      // one 、 run per role (prose, role verbs in code strings)
  bool force_lead = false;  // exactly one lead
  bool lead = false;        // at least one lead
  bool co = false;          // at least one co-responsible unit
};

// An assignment with what the layout needs: a table without empty cells, a sentence with a lead.
Assignment draw(Rng& rng, const LayoutInput& in, const Need& need) {
  AssignmentOptions options;
  options.style = in.style;
  options.all_formats = true;
  options.simple_lists = need.simple;
  options.force_lead = need.force_lead;
  for (int attempt = 0;; ++attempt) {
    Assignment a = choose_agencies(rng, *in.roster, options);
    if ((!need.lead || !a.leads.empty()) && (!need.co || !a.co.empty())) return a;
    if (attempt == 40) {  // keep the draw's units, only make sure the roles the layout needs are there
      if (need.lead && a.leads.empty()) {
        a.leads.push_back(a.planted_co().front());
        a.co.erase(a.co.begin());
      }
      if (need.co && a.co.empty()) continue;
      return a;
    }
  }
}

// A person who answers for tasks, as printed: 王某某, 李某, with the title a document of this level gives.
std::string person(Rng& rng, Level level, bool with_title) {
  static constexpr std::array kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
  std::string name = pick(rng, kSurnames) + (rng.chance(0.7) ? "某某" : "某");
  if (!with_title) return name;
  switch (level) {
    case Level::Nation: return name;
    case Level::Province: return name + "副省长";
    case Level::County: return name + "副县长";
    case Level::District: return name + "副区长";
    default: return name + "副市长";
  }
}

std::string deadline(Rng& rng, int year) {
  const double x = rng.unit();
  if (x < 0.4) return std::to_string(year) + "年底前";
  if (x < 0.7) return std::to_string(year) + "年6月底前";
  if (x < 0.85) return "全年";
  return "长期坚持";
}

// The document's body as it is written: lines, with the planted tasks pointing into them.
class Body {
 public:
  explicit Body(LayoutOutput& out) : out_(out) {}
  // Starts a task whose number stands on the next line.
  LayoutTask& task(std::string id, const Assignment& a, std::string format) {
    LayoutTask& t = out_.tasks.emplace_back();
    t.id = std::move(id);
    t.line = static_cast<std::uint32_t>(out_.lines.size() + 1);
    t.leads = a.planted_leads();
    t.co = a.planted_co();
    t.format = std::move(format);
    t.features = a.features;
    return t;
  }
  void line(std::string text) { out_.lines.push_back(std::move(text)); }
  void blank() { out_.lines.emplace_back(); }
  // Appends to the last line of text (blank lines after it dropped), as a page that lost its line
  // breaks glues an item on after the one before; the last task started now stands on that line.
  void glue(std::string text) {
    while (!out_.lines.empty() && out_.lines.back().empty()) out_.lines.pop_back();
    out_.lines.back() += text;
    out_.tasks.back().line = static_cast<std::uint32_t>(out_.lines.size());
  }

 private:
  LayoutOutput& out_;
};

// Section headings between tasks: 一、… every six to twenty tasks.
class Sections {
 public:
  Sections(Rng& rng, const LayoutInput& in) : rng_(rng), in_(in) {}
  bool due() { return left_-- <= 0; }
  std::string next() {
    left_ = rng_.between(6, 20) - 1;
    return in_.indent + chinese_number(++number_) + "、" + section_title(rng_, in_.style);
  }

 private:
  Rng& rng_;
  const LayoutInput& in_;
  int left_ = 0, number_ = 0;
};

std::string labelled_bracket(const Assignment& a, const LayoutInput& in) {
  const Style& s = in.style;
  std::string inner;
  if (!a.leads.empty()) inner = "牵头单位" + std::string(s.colon()) + printed_leads(a);
  if (!a.co.empty()) inner += (inner.empty() ? "" : std::string(s.semicolon())) + "责任单位" + std::string(s.colon()) + co_list(a, s);
  return std::string(s.open()) + inner + std::string(s.close());
}

// Where a list of more than 20 characters may wrap: just after its last 、 among its first 30
// characters (a line of a page's full width ends there), so that at least 20 stand before it; npos
// when there is none.
std::size_t wrap_point(const std::string& list) {
  constexpr std::size_t kFirst = 20 * 3, kLast = 30 * 3;
  std::size_t cut = std::string::npos;
  for (std::size_t at = list.find("、"); at != std::string::npos && at < kLast; at = list.find("、", at + 3))
    if (at + 3 >= kFirst && at + 3 < list.size()) cut = at + 3;
  return cut;
}

// A name with a space between its characters (牵头单位 -> 牵 头 单 位), as distributed alignment
// prints a header cell or a label; `gap` is the space (ASCII or U+3000).
std::string spaced_out(const std::string& name, std::string_view gap = " ") {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i > 0 && (static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) out += gap;
    out += name[i];
  }
  return out;
}

// 1. The annotation on the lines after the task.
void after_line(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  Sections sections(rng, in);
  const Style& s = in.style;
  const std::string prefix(level_prefix(in.level));
  for (int id = 1; id <= in.tasks; ++id) {
    if (sections.due()) body.line(sections.next()), body.blank();
    const std::string text = in.indent + std::to_string(id) + "." + task_text(rng, s, *in.roster);
    const double v = rng.unit();
    if (v < 0.35) {
      const Assignment a = draw(rng, in, {.simple = true, .force_lead = true});
      LayoutTask& t = body.task(std::to_string(id), a, "after-prose");
      const bool host = rng.chance(0.5);
      std::string prose = "此项工作由" + printed_leads(a) + (host ? "主办" : "牵头");
      if (!a.co.empty()) prose += std::string(s.comma()) + co_list(a, s) + (host ? "协办" : "配合");
      body.line(text);
      body.line(in.indent + prose + "。");
      (void)t;
    } else if (v < 0.75) {
      const Assignment a = draw(rng, in, {});
      LayoutTask& t = body.task(std::to_string(id), a, "after-labels");
      // A record of one task prints its text as a field too (工作任务：3.推进…), now and then in a
      // key-value table's cells (重点工作: | 3.推进… |, 牵头单位: | X |).
      static constexpr std::array kTaskKeys = {"工作任务", "重点工作", "主要任务", "任务内容"};
      const int record = rng.chance(0.12) ? (rng.chance(0.5) ? 1 : 2) : 0;
      const std::string task_key = kTaskKeys[rng.index(kTaskKeys.size())];
      const auto cell_value = [&](const std::string& value) { return record == 2 ? " | " + value + " |" : value; };
      if (record == 0) {
        body.line(text);
      } else {
        t.features.emplace_back(record == 1 ? "task-field" : "task-field-cells");
        body.line(in.indent + task_key + std::string(s.colon()) + cell_value(text.substr(in.indent.size())));
      }
      // A provincial document names the level before the label (省牵头单位：).
      const bool level_label = !prefix.empty() && rng.chance(0.3);
      if (level_label) t.features.emplace_back("level-label");
      // Now and then a label stands alone on its line and its units on the next (key over value).
      const bool over = record == 0 && rng.chance(0.2);
      if (over) t.features.emplace_back("label-over-value");
      // Now and then the labels are letter-spaced (牵 头 单 位：), as distributed alignment prints them.
      const bool spaced = rng.chance(0.1);
      if (spaced) t.features.emplace_back("letter-spaced-label");
      const std::string_view gap = rng.chance(0.5) ? " " : "\u3000";
      const auto field = [&](const std::string& plain_label, const std::string& value) {
        const std::string label = spaced ? spaced_out(plain_label, gap) : plain_label;
        if (over) {
          body.line(in.indent + label + (rng.chance(0.7) ? std::string(s.colon()) : std::string()));
          body.line(in.indent + value);
        } else if (const std::size_t cut = wrap_point(value); record == 0 && cut != std::string::npos && rng.chance(0.3)) {
          // A page of full width wraps a long list after a 、, as a PDF's text layer prints it.
          body.line(in.indent + label + std::string(s.colon()) + value.substr(0, cut));
          body.line(value.substr(cut));
          t.features.emplace_back("list-wrapped");
        } else {
          body.line(in.indent + label + std::string(s.colon()) + cell_value(value));
        }
      };
      if (!a.leads.empty()) field((level_label ? prefix : "") + "牵头单位", printed_leads(a));
      if (!over && rng.chance(0.25)) {
        body.line(in.indent + "完成时限" + std::string(s.colon()) + cell_value(deadline(rng, in.year)));
        t.features.emplace_back("deadline-between");
      }
      if (!a.co.empty()) field("责任单位", co_list(a, s));
    } else {
      const Assignment a = draw(rng, in, {.simple = true, .force_lead = true});
      body.task(std::to_string(id), a, "after-division");
      std::string division = "部门分工" + std::string(s.colon()) + printed_leads(a) + "牵头";
      if (!a.co.empty()) division += std::string(s.comma()) + co_list(a, s) + (rng.chance(0.5) ? "配合" : "按职责分工负责");
      body.line(text);
      body.line(in.indent + division + "。");
    }
    body.blank();
  }
}

// 2. Role lists grouped by commas: every group before a role verb takes that verb's role; now and then
// the role clauses open the item and its measure follows them.
void comma_groups(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  Sections sections(rng, in);
  const Style& s = in.style;
  static constexpr std::array kCoVerbs = {"按职责分工负责", "按职责分工负责", "配合", "负责", "参与"};
  for (int id = 1; id <= in.tasks; ++id) {
    if (sections.due()) body.line(sections.next()), body.blank();
    if (rng.chance(0.15)) {
      // The role clauses open the item, its measure follows them (X牵头，A、B配合，加快…).
      const Assignment a = draw(rng, in, {.simple = true, .force_lead = true, .co = true});
      body.task(std::to_string(id), a, "opening-clauses");
      body.line(in.indent + std::to_string(id) + "." + printed_leads(a) + "牵头" + std::string(s.comma()) + co_list(a, s) +
                "配合" + std::string(s.comma()) + task_text(rng, s, *in.roster));
      continue;
    }
    const Assignment a = draw(rng, in, {.co = true});
    LayoutTask& t = body.task(std::to_string(id), a, "comma-groups");
    if (a.co.size() >= 2) t.features.emplace_back("groups");
    std::string inner;
    if (!a.leads.empty()) {
      inner = printed_leads(a);
      if (a.leads.size() == 1 && rng.chance(0.3)) {
        inner += "等";
        t.features.emplace_back("lead-deng");
      }
      inner += "牵头" + std::string(s.comma());
    }
    inner += co_list(a, s);
    // Units after the last verb of an annotation with roles are responsible: (X牵头，A、B，C).
    if (!a.leads.empty() && rng.chance(0.2)) t.features.emplace_back("no-co-verb");
    else inner += a.leads.empty() ? "负责" : pick(rng, kCoVerbs);
    body.line(in.indent + std::to_string(id) + "." + task_text(rng, s, *in.roster) + std::string(s.open()) + inner +
              std::string(s.close()));
    body.blank();
  }
}

// The columns of a flattened table.
struct Columns {
  std::string task, lead, co;
  std::string second_co;  // a second co column after the first (参与单位 then 责任单位), or none
  bool leader = false, deadline = false;
  // No lead column: the lead is starred among the units of the co column (区政府办公室*、区财政局).
  bool starred_lead = false;
  std::vector<std::string> header() const {
    std::vector<std::string> h = {"序号", task};
    if (leader) h.emplace_back("责任领导");
    if (!starred_lead) h.push_back(lead);
    h.push_back(co);
    if (!second_co.empty()) h.push_back(second_co);
    if (deadline) h.emplace_back("完成时限");
    return h;
  }
  std::size_t co_index() const { return 2 + (leader ? 1 : 0) + (starred_lead ? 0 : 1); }
};

Columns columns(Rng& rng) {
  static constexpr std::array kTask = {"工作任务", "重点工作", "重点任务", "工作措施"};
  static constexpr std::array kLead = {"牵头单位", "牵头单位", "牵头负责部门", "牵头部门"};
  static constexpr std::array kCo = {"责任单位", "责任单位", "参与单位", "配合单位"};
  Columns c;
  c.task = pick(rng, kTask);
  c.lead = pick(rng, kLead);
  c.co = pick(rng, kCo);
  c.leader = rng.chance(0.35);
  c.deadline = rng.chance(0.6);
  return c;
}

// A table row's cells for one task; the planted leaders follow the leader column.
std::vector<std::string> row_cells(Rng& rng, const LayoutInput& in, const Columns& c, int id, const Assignment& a,
                                   LayoutTask& t, const std::string& co_cell, const std::string& second_co_cell = {}) {
  std::vector<std::string> cells = {std::to_string(id), task_text(rng, in.style, *in.roster)};
  if (c.leader) {
    cells.push_back(person(rng, in.level, rng.chance(0.2)));
    t.leaders = {cells.back()};
    t.features.emplace_back("leader-column");
  }
  if (!c.starred_lead) cells.push_back(printed_leads(a));
  cells.push_back(co_cell);
  if (!c.second_co.empty()) cells.push_back(second_co_cell);
  if (c.deadline) cells.push_back(deadline(rng, in.year));
  return cells;
}

// 3a'. Columns one space apart, as a page's table copied with its cells run together: 序号 工作任务
// 牵头单位 责任单位 [完成时限] 备注. A 备注 is now and then empty, a remark, or units that carry the task
// too; a space may follow a 、 inside a cell of units; a task's second row under a merged number
// cell has no number (…完成目标任务。 各科室).
void single_spaced_table(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  Columns c = columns(rng);
  c.leader = false;
  auto no_spaces = [](std::string text) { return replace_all(std::move(text), " ", ""); };
  std::vector<std::string> header = c.header();
  header.emplace_back("备注");
  body.line(join(header, " "));
  for (int id = 1; id <= in.tasks; ++id) {
    const Assignment a = draw(rng, in, {.lead = true, .co = true});
    LayoutTask& t = body.task(std::to_string(id), a, "single-spaced-table");
    std::vector<std::string> runs = printed_co_runs(a);
    std::string remark, second_row;
    const double x = rng.unit();
    if (runs.size() >= 2 && x < 0.25) {
      remark = runs.back();  // units in 备注
      runs.pop_back();
      t.features.emplace_back("remark-units");
    } else if (runs.size() >= 2 && x < 0.4) {
      second_row = no_spaces(task_text(rng, in.style, *in.roster)) + " " + runs.back();
      runs.pop_back();
      t.features.emplace_back("merged-number-row");
    } else if (x < 0.6) {
      remark = "按季度报送进展情况";
    }
    std::string co_cell = join(runs, in.style.comma());
    if (rng.chance(0.3) && co_cell.find("、") != std::string::npos) {
      co_cell = replace_all(std::move(co_cell), "、", "、 ");
      t.features.emplace_back("space-after-dun");
    }
    std::vector<std::string> cells = {std::to_string(id), no_spaces(task_text(rng, in.style, *in.roster)),
                                      printed_leads(a), co_cell};
    if (c.deadline) cells.push_back(deadline(rng, in.year));
    if (!remark.empty()) cells.push_back(remark);
    body.line(join(cells, " "));
    if (!second_row.empty()) body.line(second_row);
  }
}

// 3a. Columns separated by runs of spaces (a table copied from a page or a PDF).
void space_table(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  if (rng.chance(0.3)) return single_spaced_table(rng, in, out);
  Body body(out);
  Columns c = columns(rng);
  // Two co columns (牵头单位 参与单位 责任单位): every row fills both, so that no empty cell shifts
  // the columns a run of spaces separates.
  if (rng.chance(0.3)) {
    c.co = "参与单位";
    c.second_co = "责任单位";
  }
  auto gap = [&] { return std::string(static_cast<std::size_t>(rng.between(2, 6)), ' '); };
  auto print = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? gap() : "") + cells[i];
    body.line(line);
  };
  print(c.header());
  for (int id = 1; id <= in.tasks; ++id) {
    Assignment a = draw(rng, in, {.lead = true, .co = true});
    while (!c.second_co.empty() && a.co.size() < 2) a = draw(rng, in, {.lead = true, .co = true});
    LayoutTask& t = body.task(std::to_string(id), a, "space-table");
    if (c.second_co.empty()) {
      print(row_cells(rng, in, c, id, a, t, co_list(a, in.style)));
      continue;
    }
    t.features.emplace_back("two-co-columns");
    const std::vector<std::string> runs = printed_co_runs(a);
    const std::vector<std::string> rest(runs.begin() + 1, runs.end());
    print(row_cells(rng, in, c, id, a, t, runs.front(), join(rest, in.style.comma())));
  }
}

// 3b. One cell per line (a Word table flattened), cells apart or separated by blank lines; a cell
// of several units may stand on consecutive lines; group rows name the leader of the rows under them.
void cell_lines(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  const Columns c = columns(rng);
  const bool blank_between = rng.chance(0.6);
  // A page's table printed with a bar after each cell, its header wrapped over two lines of cells
  // (序号 | 重点任务 | / 完成时间 | 责任部门 |) above a body of one cell per line (7 |).
  const bool bars = !blank_between && rng.chance(0.25);
  auto cell = [&](const std::vector<std::string>& lines) {
    for (const std::string& l : lines) body.line(bars ? l + " |" : l);
    if (blank_between) body.blank();
  };
  const std::vector<std::string> header = c.header();
  if (bars) {
    const std::size_t half = header.size() / 2;
    std::string first, second;
    for (std::size_t i = 0; i < header.size(); ++i) (i < half ? first : second) += header[i] + " | ";
    body.line(first.substr(0, first.size() - 1));
    body.line(second.substr(0, second.size() - 1));
  }
  for (const std::string& h : bars ? std::vector<std::string>{} : header) {
    // Header cells broken over two lines (责任 / 单位) only where blank lines mark the cells.
    if (blank_between && h.size() >= 12 && rng.chance(0.2)) cell({h.substr(0, 6), h.substr(6)});
    else cell({h});
  }
  const bool groups = rng.chance(0.3);
  // Group rows of a work report's table: a topic, then (一) and a title in cells of their own, the
  // row's other cells empty (the 广州 division tables print them so).
  const bool topic_groups = groups && blank_between && rng.chance(0.5);
  int group = 0, until_group = 0;
  for (int id = 1; id <= in.tasks; ++id) {
    if (groups && until_group-- <= 0) {
      until_group = rng.between(3, 10) - 1;
      if (topic_groups) {
        static constexpr std::array kTopics = {"强化科技创新支撑能力。", "推动经济高质量发展。", "持续改善生态环境质量。",
                                               "着力保障和改善民生。", "深化重点领域改革。"};
        static constexpr std::array kTitles = {"加强战略科技力量建设。", "培育壮大市场主体。", "打好污染防治攻坚战。",
                                               "办好人民满意的教育。", "优化营商环境。"};
        if (group % 2 == 0) {
          cell({kTopics[rng.index(kTopics.size())]});
          for (int empty = 0; empty < 3; ++empty) body.blank();
        }
        cell({std::string(in.style.open()) + chinese_number(++group) + std::string(in.style.close())});
        cell({kTitles[rng.index(kTitles.size())]});
        for (int empty = 0; empty < 3; ++empty) body.blank();
      } else {
        cell({std::string(in.style.open()) + chinese_number(++group) + std::string(in.style.close()) +
              person(rng, in.level, true) + "牵头重点工作"});
      }
    }
    const Assignment a = draw(rng, in, {.lead = true, .co = true});
    LayoutTask& t = body.task(std::to_string(id), a, "cell-lines");
    if (groups) t.features.emplace_back(topic_groups ? "topic-group-rows" : "group-rows");
    if (bars) t.features.emplace_back("bar-cells");
    const std::vector<std::string> runs = printed_co_runs(a);
    std::vector<std::string> cells = row_cells(rng, in, c, id, a, t, "");
    const std::size_t co_at = c.co_index();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != co_at) {
        cell({cells[i]});
      } else if (blank_between && runs.size() >= 2 && rng.chance(0.5)) {
        // The units of one cell on consecutive lines, only where blank lines mark the cells: without
        // them no reader can tell where the lead's cell ends.
        cell(runs);
        t.features.emplace_back("cell-on-lines");
      } else {
        cell({join(runs, in.style.comma())});
      }
    }
  }
}

// 3c. Pipe tables; a row with an empty number continues the task above it. Some print all units in
// one column and star the lead; some space their header names out.
void pipe_table(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  Columns c = columns(rng);
  const bool outer = rng.chance(0.7);
  auto print = [&](const std::vector<std::string>& cells) {
    std::string line = outer ? "| " : "";
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? " | " : "") + cells[i];
    body.line(line + (outer ? " |" : ""));
  };
  c.starred_lead = rng.chance(0.25);
  // A page's table may space a header name out to fill its cell (牵 头 单 位).
  const bool spaced = rng.chance(0.3);
  std::vector<std::string> header = c.header();
  if (spaced)
    for (std::size_t i = 1; i < header.size(); ++i) header[i] = spaced_out(header[i]);
  print(header);
  if (rng.chance(0.5)) print(std::vector<std::string>(header.size(), "---"));
  const std::size_t co_at = c.co_index();
  for (int id = 1; id <= in.tasks; ++id) {
    const Assignment a = draw(rng, in, {.co = true});
    LayoutTask& t = body.task(std::to_string(id), a, "pipe-table");
    if (spaced) t.features.emplace_back("spaced-header");
    std::vector<std::string> runs = printed_co_runs(a);
    std::string continued;
    if (runs.size() >= 2 && rng.chance(0.2)) {
      continued = runs.back();
      runs.pop_back();
      t.features.emplace_back("continuation-row");
    }
    if (c.starred_lead && !a.leads.empty()) {
      // The leads as a comma group of their own, each starred, before the other units.
      std::vector<std::string> starred;
      for (const std::string& lead : a.leads) starred.push_back(lead + (rng.chance(0.8) ? "*" : "＊"));
      runs.insert(runs.begin(), join(starred, "、"));
      t.features.emplace_back("starred-lead");
    }
    print(row_cells(rng, in, c, id, a, t, join(runs, in.style.comma())));
    if (!continued.empty()) {
      std::vector<std::string> more(header.size(), "");
      more[co_at] = continued;
      print(more);
    }
  }
}

// A string literal of code: quotes and line breaks escaped the way the language does.
std::string literal(std::string text, char quote) {
  text = replace_all(std::move(text), "\\", "\\\\");
  text = replace_all(std::move(text), std::string(1, quote), std::string("\\") + quote);
  text = replace_all(std::move(text), "\n", "\\n");
  return quote + text + quote;
}

// Task text as code carries it: “quotes” as \"-escaped ASCII quotes, now and then a line break.
std::string code_text(Rng& rng, const LayoutInput& in, LayoutTask& t) {
  std::string text = task_text(rng, in.style, *in.roster);
  if (text.find("“") != std::string::npos && rng.chance(0.7)) {
    text = replace_all(replace_all(std::move(text), "“", "\""), "”", "\"");
    t.features.emplace_back("escaped-quote");
  }
  const std::size_t stop = text.find("。");
  if (stop != std::string::npos && stop + 3 < text.size() && rng.chance(0.3)) {
    text.insert(stop + 3, "\n");
    t.features.emplace_back("escaped-newline");
  }
  return text;
}

// 4. Tasks in code: JavaScript objects, a JSON array, or an SQL dump whose column holds a page.
void structured(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  out.whole_file = true;
  const double kind = rng.unit();
  if (kind < 0.4) {
    out.extension = "js";
    const char q = rng.chance(0.5) ? '"' : '\'';
    body.line("var tasks = [");
    for (int id = 1; id <= in.tasks; ++id) {
      const bool verbs = rng.chance(0.5);
      const Assignment a = draw(rng, in, {.simple = verbs, .co = !verbs});
      LayoutTask& t = body.task(std::to_string(id), a, verbs ? "js-departments" : "js-fields");
      std::string object = "  { id: " + literal(std::to_string(id), q) + ", title: " + literal(code_text(rng, in, t), q);
      if (verbs) {
        std::string roles;
        if (!a.leads.empty()) roles = printed_leads(a) + "牵头" + std::string(in.style.comma());
        roles += co_list(a, in.style) + (a.leads.empty() ? "负责" : "按职责分工负责");
        object += ", departments: " + literal(roles, q);
      } else if (rng.chance(0.3)) {
        // A front end's data names the roles in English words (provinceLeadDepartment), beside ids.
        t.features.emplace_back("english-keys");
        object += ", leadDepartment: " + literal(printed_leads(a), q) + ", leadDepartmentId: " +
                  literal(std::to_string(1000 + id), q) + ", coordinationDepartments: " + literal(co_list(a, in.style), q);
      } else {
        object += ", lead: " + literal(printed_leads(a), q) + ", co: " + literal(co_list(a, in.style), q);
      }
      body.line(object + (id < in.tasks ? " }," : " }"));
    }
    body.line("];");
  } else if (kind < 0.7) {
    out.extension = "json";
    body.line("{\"tasks\": [");
    for (int id = 1; id <= in.tasks; ++id) {
      const Assignment a = draw(rng, in, {.co = true});
      LayoutTask& t = body.task(std::to_string(id), a, "json");
      body.line(" {\"id\": " + std::to_string(id) + ", \"task\": " + literal(code_text(rng, in, t), '"') +
                ", \"牵头单位\": " + literal(printed_leads(a), '"') + ", \"责任单位\": " + literal(co_list(a, in.style), '"') +
                (id < in.tasks ? "}," : "}"));
    }
    body.line("]}");
  } else {
    // One row per section, its page in a column: tasks as <p> paragraphs, SQL's '' for a quote.
    out.extension = "sql";
    if (rng.chance(0.5)) {  // a dump as mysqldump writes it: comments and the table's definition first
      body.line("-- MySQL dump 10.13  Distrib 5.7.36, for Linux (x86_64)");
      body.line("--");
      body.line("-- Host: localhost    Database: cms");
      body.blank();
      body.line("DROP TABLE IF EXISTS `policy`;");
      body.line("CREATE TABLE `policy` (`id` int(11) NOT NULL, `html` longtext, `extra` text) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;");
      body.line("LOCK TABLES `policy` WRITE;");
    }
    int id = 1;
    for (int row = 1; id <= in.tasks; ++row) {
      std::string page;
      for (int left = rng.between(3, 12); left > 0 && id <= in.tasks; --left, ++id) {
        const Assignment a = draw(rng, in, {});
        LayoutTask& t = body.task(std::to_string(id), a, "sql-html");
        std::string text = task_text(rng, in.style, *in.roster);
        if (text.find("“") != std::string::npos && rng.chance(0.7)) {
          text = replace_all(replace_all(std::move(text), "“", "'"), "”", "'");
          t.features.emplace_back("escaped-quote");
        }
        page += "<p>" + std::to_string(id) + "." + text + labelled_bracket(a, in) + "</p>";
      }
      body.line("insert into policy (id, html) values (" + std::to_string(row) + ", '" + replace_all(page, "'", "''") +
                "', null);");
    }
  }
}

// 5. Numbering variants, an excerpt that starts mid-document, headings that are tasks, wrapped tasks.
void numbering(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  const Style& s = in.style;
  enum Kind { Paren, Dun, RightParen, Star, Circled, YiShi, Excerpt, Levels };
  const Kind kind = static_cast<Kind>(rng.index(8));
  static constexpr std::array kCircled = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
                                          "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"};
  int tasks = in.tasks;
  if (kind == Circled || kind == YiShi) tasks = std::min(tasks, 20);
  const int first = kind == Excerpt ? rng.between(5, 80) : 1;
  if (kind == Excerpt) out.untitled = true;
  // Headings that are tasks: (一) with an annotation; only where the tasks are not numbered (一) too.
  const bool annotated_headings = rng.chance(0.4);
  int heading = 0, until_heading = 0;
  int in_section = 0;  // Levels: the task's number under its heading (2.1, 2.2, …)
  bool glued_heading_before = false;  // a heading was printed before this item
  for (int n = first; n < first + tasks; ++n) {
    if (until_heading-- <= 0) {
      glued_heading_before = true;
      until_heading = rng.between(3, 12) - 1;
      in_section = 0;
      const std::string number = std::string(s.open()) + chinese_number(++heading) + std::string(s.close());
      if (annotated_headings && rng.chance(0.6)) {
        const Assignment a = draw(rng, in, {});
        LayoutTask& t = body.task(chinese_number(heading), a, "annotated-heading");
        body.line(in.indent + number + subsection_title(rng) + "。" + task_text(rng, s, *in.roster) + labelled_bracket(a, in));
        (void)t;
      } else {
        body.line(in.indent + number + subsection_title(rng));
      }
      body.blank();
    }
    std::string label, id = std::to_string(n);
    switch (kind) {
      case Paren: label = std::string(s.open()) + id + std::string(s.close()); break;
      case Dun: label = id + "、"; break;
      case RightParen: label = id + ")"; break;
      case Star: label = id + "*"; break;
      case Circled: label = id = kCircled[static_cast<std::size_t>(n - 1)]; break;
      case YiShi: label = id = chinese_number(n) + "是"; break;
      case Excerpt: label = id + "."; break;
      case Levels:  // tasks numbered under their section: 2.1 , 2.1、, 2.1．
        id = std::to_string(heading) + "." + std::to_string(++in_section);
        label = id + std::array{" ", "、", "．"}[rng.index(3)];
        break;
    }
    const Assignment a = draw(rng, in, {});
    LayoutTask& t = body.task(id, a, std::string("numbering-") + std::array{"paren", "dun", "rparen", "star", "circled", "yishi", "excerpt", "levels"}[kind]);
    std::string text = task_text(rng, s, *in.roster);
    // Now and then an item is glued on after the one before's annotation (a page that lost its line
    // breaks): numbers in sequence after a closing bracket, not after a heading.
    const bool may_glue = (kind == Paren || kind == Dun || kind == Excerpt) && n > first && until_heading + 1 < 12 &&
                          !glued_heading_before;
    glued_heading_before = false;
    if (may_glue && rng.chance(0.12)) {
      t.features.emplace_back("glued-item");
      body.glue((rng.chance(0.5) ? " " : "") + label + text + labelled_bracket(a, in));
      body.blank();
      continue;
    }
    if (rng.chance(0.2) && text.size() > 30) {
      // A task wrapped over lines before its annotation (text copied from a PDF): cut after a character.
      std::size_t cut = text.size() / 2;
      while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
      body.line(in.indent + label + text.substr(0, cut));
      text = text.substr(cut);
      t.features.emplace_back("wrapped");
    } else {
      text = label + text;
      text.insert(0, in.indent);
    }
    body.line(text + labelled_bracket(a, in));
    body.blank();
  }
}

// 6. Leaders: people who answer for a task are kept as leaders, never as agencies.
// Tasks grouped under headings that name their lead (一、县发改局牵头工作(3项)), the items without an
// annotation of their own; now and then a group under a person's heading (某某副市长牵头重点工作),
// whose items carry their annotations, or under a heading that is a unit's name ((一)县发改局：), whose
// items are that unit's duties.
void lead_groups(Rng& rng, const LayoutInput& in, Body& body) {
  static constexpr std::array kGroupWords = {"牵头工作", "牵头的重点任务", "牵头重点工作", "牵头事项"};
  int group = 0;
  for (int id = 1; id <= in.tasks;) {
    const int size = std::min(rng.between(2, 6), in.tasks - id + 1);
    const std::string number = chinese_number(++group) + "、";
    if (rng.chance(0.25)) {
      body.line(number + person(rng, in.level, true) + "牵头重点工作");
      for (int k = 0; k < size; ++k, ++id) {
        const Assignment a = draw(rng, in, {});
        body.task(std::to_string(id), a, "person-heading");
        body.line(in.indent + std::to_string(id) + "." + task_text(rng, in.style, *in.roster) + labelled_bracket(a, in));
      }
      continue;
    }
    Assignment lead = draw(rng, in, {.simple = true, .force_lead = true});
    lead.co.clear();
    if (rng.chance(0.3)) {
      // A responsibility list grouped by unit: a heading that is the unit's name owns the duties under
      // it as their one responsible unit ((一)县发改局：, 二、县财政局).
      Assignment owner;
      owner.co.push_back(Run{{lead.leads.front()}, {}, {}, {}, false});
      const bool paren = rng.chance(0.5);
      body.line((paren ? std::string(in.style.open()) + chinese_number(group) + std::string(in.style.close()) : number) +
                lead.leads.front() + (rng.chance(0.5) ? std::string(in.style.colon()) : std::string()));
      for (int k = 0; k < size; ++k, ++id) {
        body.task(std::to_string(id), owner, "unit-heading");
        body.line(in.indent + std::to_string(id) + "." + task_text(rng, in.style, *in.roster));
      }
      continue;
    }
    std::string heading = number + printed_leads(lead) + pick(rng, kGroupWords);
    if (rng.chance(0.6)) heading += std::string(in.style.open()) + std::to_string(size) + "项" + std::string(in.style.close());
    body.line(heading);
    for (int k = 0; k < size; ++k, ++id) {
      body.task(std::to_string(id), lead, "lead-heading");
      body.line(in.indent + std::to_string(id) + "." + task_text(rng, in.style, *in.roster));
    }
  }
}

void leaders(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  if (rng.chance(0.3)) return lead_groups(rng, in, body);
  Sections sections(rng, in);
  const Style& s = in.style;
  static constexpr std::array kLabels = {"牵头领导", "责任领导", "分管领导"};
  for (int id = 1; id <= in.tasks; ++id) {
    if (sections.due()) body.line(sections.next()), body.blank();
    const std::string text = in.indent + std::to_string(id) + "." + task_text(rng, s, *in.roster);
    const double v = rng.unit();
    if (v < 0.4) {
      const Assignment a = draw(rng, in, {});
      LayoutTask& t = body.task(std::to_string(id), a, "leader-bracket");
      t.leaders = {person(rng, in.level, rng.chance(0.3))};
      const std::string b = labelled_bracket(a, in);
      const std::size_t open = s.open().size();
      body.line(text + std::string(s.open()) + pick(rng, kLabels) + std::string(s.colon()) + t.leaders[0] +
                std::string(s.semicolon()) + b.substr(open));
    } else if (v < 0.7) {
      const Assignment a = draw(rng, in, {.simple = true, .force_lead = true});
      LayoutTask& t = body.task(std::to_string(id), a, "leader-prose");
      t.leaders = {person(rng, in.level, true)};
      std::string prose = "由" + t.leaders[0] + "负责" + std::string(s.comma()) + printed_leads(a) + "牵头";
      if (!a.co.empty()) prose += std::string(s.comma()) + co_list(a, s) + "配合";
      body.line(text);
      body.line(in.indent + prose + std::string(s.comma()) + "抓好落实。");
    } else if (v < 0.85) {
      const Assignment a = draw(rng, in, {});
      LayoutTask& t = body.task(std::to_string(id), a, "leader-lines");
      t.leaders = {person(rng, in.level, rng.chance(0.3))};
      body.line(text);
      body.line(in.indent + pick(rng, kLabels) + std::string(s.colon()) + t.leaders[0]);
      if (!a.leads.empty()) body.line(in.indent + "牵头单位" + std::string(s.colon()) + printed_leads(a));
      if (!a.co.empty()) body.line(in.indent + "责任单位" + std::string(s.colon()) + co_list(a, s));
    } else {
      const Assignment a = draw(rng, in, {});
      body.task(std::to_string(id), a, "leader-none");
      body.line(text + labelled_bracket(a, in));
    }
    body.blank();
  }
}

// 7. Conventions a document states, holding from where they are stated.
void conventions(Rng& rng, const LayoutInput& in, LayoutOutput& out) {
  Body body(out);
  Sections sections(rng, in);
  const Style& s = in.style;
  enum Kind { Preamble, Midway, Unlabelled, Footnote };
  const Kind kind = static_cast<Kind>(rng.index(4));
  static constexpr std::array kFirst = {"列第一位者为牵头单位", "排在第一位的部门为牵头部门", "排在首位的为牵头单位"};
  if (kind == Preamble) out.preamble.push_back(pick(rng, kFirst) + std::string(s.comma()) + "下同。");
  if (kind == Unlabelled) out.preamble.push_back("无牵头单位的" + std::string(s.comma()) + "责任单位即为牵头单位。");
  const int declared_at = kind == Midway ? rng.between(1, std::max(1, in.tasks / 2)) : 1;
  bool first_listed = kind == Preamble || kind == Footnote;
  for (int id = 1; id <= in.tasks; ++id) {
    if (sections.due()) body.line(sections.next()), body.blank();
    std::string line = in.indent + std::to_string(id) + "." + task_text(rng, s, *in.roster);
    if (kind == Midway && id == declared_at) first_listed = true;
    if (kind == Unlabelled) {
      Assignment a = draw(rng, in, {});
      LayoutTask& t = body.task(std::to_string(id), a, "unlabelled-lead");
      if (a.leads.empty()) {
        t.leads = t.co;  // 责任单位 alone: all of them lead
        t.co.clear();
      }
      body.line(line + labelled_bracket(a, in));
    } else if (!(kind == Midway && id == declared_at) && rng.chance(0.2)) {
      const Assignment a = draw(rng, in, {});
      LayoutTask& t = body.task(std::to_string(id), a, "labelled");
      if (first_listed && t.leads.empty()) {  // 责任单位 alone under the convention: its first unit leads
        t.leads = {t.co.front()};
        t.co.erase(t.co.begin());
      }
      body.line(line + labelled_bracket(a, in));
    } else {
      // One list, the lead first when there is a lead; before a declaration the list names no lead.
      const Assignment a = draw(rng, in, {.force_lead = true});
      // The lead joins the first run with 、 unless that run shares a suffix or ends in 等+collective.
      std::string list = a.leads.front();
      const std::vector<std::string> runs = printed_co_runs(a);
      for (std::size_t i = 0; i < runs.size(); ++i)
        list += (i == 0 && a.co[0].shared_suffix.empty() && a.co[0].tail_collective.empty() ? std::string("、") : std::string(s.comma())) + runs[i];
      LayoutTask& t = body.task(std::to_string(id), a, kind == Midway ? "declared-midway" : kind == Footnote ? "footnote" : "declared-preamble");
      if (!first_listed) {
        t.co.insert(t.co.begin(), t.leads.front());
        t.leads.clear();
      }
      if (kind == Midway && id == declared_at) {
        line += std::string(s.open()) + list + "负责。" + pick(rng, kFirst) + std::string(s.comma()) + "下同" + std::string(s.close());
        t.features.emplace_back("declaration");
      } else {
        line += std::string(s.open()) + "责任单位" + std::string(s.colon()) + list + std::string(s.close());
      }
      body.line(line);
    }
    body.blank();
  }
  if (kind == Footnote) out.after.push_back("注" + std::string(s.colon()) + "列第一位的为牵头单位。");
}

}  // namespace

const char* layout_name(Layout layout) { return kNames[static_cast<std::size_t>(layout)]; }

std::optional<Layout> layout_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (name == kNames[i]) return static_cast<Layout>(i);
  return std::nullopt;
}

std::string layout_names() { return join(std::vector<std::string>(kNames.begin(), kNames.end()), ", "); }

LayoutOutput write_layout(Rng& rng, Layout layout, const LayoutInput& input) {
  LayoutOutput out;
  out.format = std::string("layout:") + layout_name(layout);
  switch (layout) {
    case Layout::AfterLine: after_line(rng, input, out); break;
    case Layout::CommaGroups: comma_groups(rng, input, out); break;
    case Layout::SpaceTable: space_table(rng, input, out); break;
    case Layout::CellLines: cell_lines(rng, input, out); break;
    case Layout::PipeTable: pipe_table(rng, input, out); break;
    case Layout::Structured: structured(rng, input, out); break;
    case Layout::Numbering: numbering(rng, input, out); break;
    case Layout::Leaders: leaders(rng, input, out); break;
    case Layout::Conventions: conventions(rng, input, out); break;
  }
  return out;
}

}  // namespace agencygraph::gencorpus
