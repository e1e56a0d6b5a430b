#include "annotation.hpp"

#include <array>
#include <set>

namespace agencygraph::gencorpus {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string to_style(std::string name, const Style& style) {
  if (!style.full_width) return name;
  std::string out;
  for (char c : name) {
    if (c == '(') out += "（";
    else if (c == ')') out += "）";
    else out += c;
  }
  return out;
}

bool has_bracket(std::string_view name) {
  return name.find('(') != std::string_view::npos || name.find("（") != std::string_view::npos;
}

// The government of a sub-jurisdiction: counties and districts have 人民政府 (or 政府), towns 人民政府,
// 街道 an 办事处.
std::string government_suffix(std::string_view place, bool short_form) {
  if (ends_with(place, "街道")) return "办事处";
  return short_form ? "政府" : "人民政府";
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

std::string print_run(const Run& run) {
  std::string out;
  for (std::size_t i = 0; i < run.items.size(); ++i) {
    if (i) out += (i + 1 == run.items.size() && run.join_last_with_ji) ? "及" : "、";
    out += run.items[i];
  }
  return out + run.shared_suffix + run.tail;
}

std::string print_runs(const std::vector<Run>& runs, const Style& style) {
  std::string out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (i) out += style.comma();
    out += print_run(runs[i]);
  }
  return out;
}

void add_feature(Assignment& a, const char* feature) {
  for (const std::string& f : a.features)
    if (f == feature) return;
  a.features.emplace_back(feature);
}

}  // namespace

const char* format_name(Format format) {
  switch (format) {
    case Format::Bracket: return "bracket";
    case Format::OwnLines: return "own-lines";
    case Format::Inline: return "inline";
    case Format::RoleVerb: return "role-verb";
    case Format::Prose: return "prose";
    case Format::FirstListed: return "first-listed";
  }
  return "?";
}

std::vector<std::string> Assignment::planted_co() const {
  std::vector<std::string> out;
  for (const Run& run : co) {
    for (const std::string& item : run.items) out.push_back(item + run.shared_suffix);
    if (!run.tail_collective.empty()) out.push_back(run.tail_collective);
  }
  return out;
}

std::string printed_leads(const Assignment& assignment) { return join(assignment.leads, "、"); }

std::vector<std::string> printed_co_runs(const Assignment& assignment) {
  std::vector<std::string> runs;
  for (const Run& run : assignment.co) runs.push_back(print_run(run));
  return runs;
}

Assignment choose_agencies(Rng& rng, const Roster& roster, const AssignmentOptions& options) {
  Assignment a;
  std::set<std::string> used;
  const Style& style = options.style;
  auto take = [&](std::string name) -> std::string {
    name = to_style(std::move(name), style);
    return used.insert(name).second ? name : std::string();
  };
  auto department = [&](const Weighted& popularity) -> std::string {
    for (int tries = 0; tries < 64; ++tries) {
      std::string name = take(roster.departments[popularity.draw(rng)]);
      if (!name.empty()) return name;
    }
    return {};
  };

  // Leads: usually one department; sometimes none, several, or a sub-jurisdiction's government.
  int lead_count = 1;
  if (!options.force_lead) {
    const double x = rng.unit();
    lead_count = x < 0.18 ? 0 : x < 0.85 ? 1 : x < 0.97 ? 2 : 3;
  }
  for (int i = 0; i < lead_count; ++i) {
    std::string name;
    if (i == 0 && !roster.subs.empty() && rng.chance(0.07)) {
      const std::string& place = rng.pick(roster.subs);
      name = take(place + government_suffix(place, false));
      if (!name.empty()) add_feature(a, "sub-government");
    }
    if (name.empty()) name = department(roster.lead_popularity);
    if (!name.empty()) a.leads.push_back(std::move(name));
  }
  if (a.leads.size() >= 2) add_feature(a, "multi-lead");
  if (a.leads.empty()) add_feature(a, "no-lead");

  const bool lead_only = !a.leads.empty() && rng.chance(0.08);
  if (!lead_only) {
    // Run 1: departments, the most common co-responsible units.
    if (rng.chance(0.85)) {
      Run run;
      const int size = rng.geometric(0.28, 14);
      for (int i = 0; i < size; ++i) {
        std::string name = department(roster.department_popularity);
        if (!name.empty()) run.items.push_back(std::move(name));
      }
      if (!run.items.empty()) {
        const double t = rng.unit();
        if (t < 0.06) {
          run.tail = "等";
          add_feature(a, "deng");
        } else if (t < 0.08) {
          run.tail = "等单位";
          add_feature(a, "deng");
        } else if (t < 0.12 && run.items.size() >= 2 && !options.simple_lists &&
                   !used.count(roster.relevant_collective)) {
          run.tail_collective = take(roster.relevant_collective);
          run.tail = "等" + run.tail_collective;
          add_feature(a, "deng-collective");
        }
        if (options.all_formats && run.tail.empty() && run.items.size() >= 2 && rng.chance(0.08)) {
          run.join_last_with_ji = true;
          add_feature(a, "ji");
        }
        a.co.push_back(std::move(run));
      }
    }
    // Run 2: institutions, enterprises, schools, vertical agencies.
    if (!roster.others.empty() && rng.chance(0.18)) {
      Run run;
      const int size = rng.between(1, 3);
      for (int i = 0; i < size; ++i) {
        std::string name = take(rng.pick(roster.others));
        if (name.empty()) continue;
        if (has_bracket(name)) add_feature(a, "bracket-name");
        run.items.push_back(std::move(name));
      }
      if (!run.items.empty()) a.co.push_back(std::move(run));
    }
    // Run 3: governments below: a collective, a leading group's members, or named governments.
    if (rng.chance(0.5)) {
      Run run;
      const double kind = rng.unit();
      if (kind < 0.55 || roster.subs.empty()) {
        std::string name = take(rng.pick(roster.collectives));
        if (has_bracket(name)) add_feature(a, "bracket-name");
        if (!name.empty()) run.items.push_back(std::move(name));
        add_feature(a, "collective");
      } else if (kind < 0.75) {
        std::string name = take(rng.pick(roster.groups));
        if (!name.empty()) run.items.push_back(std::move(name));
        add_feature(a, "collective");
      } else {
        // Named governments; towns and 街道 are not grouped together (different suffixes).
        const int size = options.simple_lists ? 1 : rng.geometric(0.45, 5);
        const bool short_form = rng.chance(0.5);
        const bool share = size >= 2 && rng.chance(0.8);
        std::string suffix;
        for (int i = 0; i < size; ++i) {
          const std::string& place = rng.pick(roster.subs);
          const std::string place_suffix = government_suffix(place, short_form);
          if (share && !suffix.empty() && place_suffix != suffix) continue;
          if (used.count(place + place_suffix)) continue;
          used.insert(place + place_suffix);
          suffix = place_suffix;
          run.items.push_back(share ? place : place + place_suffix);
        }
        if (share && !run.items.empty()) {
          if (run.items.size() >= 2) add_feature(a, "suffix-shared");
          run.shared_suffix = suffix;
        }
        add_feature(a, "sub-government");
      }
      if (!run.items.empty()) a.co.push_back(std::move(run));
    }
    // Run 4: development zones' committees, usually grouped under one 管委会.
    if (!roster.parks.empty() && !options.simple_lists && rng.chance(0.25)) {
      Run run;
      const int size = rng.between(1, static_cast<int>(roster.parks.size()));
      const bool share = size >= 2 && rng.chance(0.85);
      for (int i = 0; i < size; ++i) {
        const std::string& park = roster.parks[static_cast<std::size_t>(i)];
        used.insert(park + "管委会");
        run.items.push_back(share ? park : park + "管委会");
      }
      if (share) {
        run.shared_suffix = "管委会";
        add_feature(a, "suffix-shared");
      }
      add_feature(a, "park");
      a.co.push_back(std::move(run));
    }
  }
  if (a.leads.empty() && a.co.empty()) {
    Run run;
    run.items.push_back(department(roster.department_popularity));
    a.co.push_back(std::move(run));
  }
  if (!a.leads.empty() && a.co.empty()) add_feature(a, "lead-only");
  // Role-verb and prose lists are printed as one 、 run: merge the runs (simple lists have no shared
  // suffix or 等+collective; a plain 等 is kept only when it ends the whole list).
  if (options.simple_lists && a.co.size() > 1) {
    Run merged;
    for (const Run& run : a.co)
      for (const std::string& item : run.items) merged.items.push_back(item + run.shared_suffix);
    a.co = {std::move(merged)};
  }
  return a;
}

void render(Rng& rng, Format format, const RenderContext& context, Assignment& a, std::vector<std::string>& lines,
            const std::string& indent) {
  const Style& style = context.style;
  std::string& line = lines.back();
  const std::string leads = join(a.leads, "、");
  const std::string co = print_runs(a.co, style);
  bool any_bracket_name = false;
  for (const std::string& l : a.leads) any_bracket_name |= has_bracket(l);
  for (const Run& r : a.co)
    for (const std::string& item : r.items) any_bracket_name |= has_bracket(item);
  if (any_bracket_name) add_feature(a, "bracket-name");

  switch (format) {
    case Format::Bracket:
    case Format::FirstListed: {
      BracketStyle bracket = context.bracket;
      // Offices switch to 〔 〕 where a name already holds ( ) (the 咸宁 document does).
      if (any_bracket_name && (bracket.open == "(" || bracket.open == "（") && rng.chance(0.4)) bracket = {"〔", "〕"};
      if (bracket.open != "(" && bracket.open != "（") add_feature(a, "bracket-kind");
      std::string colon(style.colon());
      if (context.all_formats && rng.chance(0.05)) {
        colon = style.full_width ? ":" : "：";
        add_feature(a, "mixed-width");
      }
      std::string role_separator(style.semicolon());
      bool line_break = false;
      const double s = rng.unit();
      if (s < 0.03) {
        role_separator = style.comma();
        add_feature(a, "comma-roles");
      } else if (context.all_formats && s < 0.06) {
        role_separator = "  ";
        add_feature(a, "space-roles");
      } else if (context.all_formats && s < 0.09) {
        line_break = true;
        add_feature(a, "linebreak-roles");
      }
      std::string co_label = "责任单位";
      if (context.all_formats && rng.chance(0.15)) {
        static constexpr std::array kLabels = {"配合单位", "参与单位", "责任部门", "协办单位"};
        co_label = kLabels[rng.index(kLabels.size())];
        add_feature(a, "alt-label");
      }
      std::string first, second;
      if (format == Format::FirstListed) {
        // One 责任单位 list, the lead first; only the document's statement makes it the lead.
        std::vector<Run> runs = a.co;
        if (!runs.empty() && runs.front().shared_suffix.empty() && runs.front().tail_collective.empty())
          runs.front().items.insert(runs.front().items.begin(), a.leads.front());
        else
          runs.insert(runs.begin(), Run{{a.leads.front()}, "", "", "", false});
        first = "责任单位" + colon + print_runs(runs, style);
      } else {
        if (!a.leads.empty()) first = "牵头单位" + colon + leads;
        if (!a.co.empty()) (first.empty() ? first : second) = co_label + colon + co;
      }
      if (context.all_formats && rng.chance(0.08)) {
        const std::string deadline = "完成时限" + colon + std::to_string(context.year) + "年" +
                                     (rng.chance(0.5) ? "12月底前" : "6月底前");
        if (second.empty()) second = deadline;
        else second += role_separator + deadline;
        add_feature(a, "deadline");
      }
      if (second.empty()) {
        line += bracket.open + first + bracket.close;
      } else if (line_break) {
        line += bracket.open + first;
        lines.push_back(indent + second + bracket.close);
      } else {
        line += bracket.open + first + role_separator + second + bracket.close;
      }
      break;
    }
    case Format::OwnLines: {
      if (!a.leads.empty()) lines.push_back(indent + "牵头单位" + std::string(style.colon()) + leads);
      if (!a.co.empty()) lines.push_back(indent + "责任单位" + std::string(style.colon()) + co);
      break;
    }
    case Format::Inline: {
      if (!a.leads.empty()) {
        line += "牵头单位" + std::string(style.colon()) + leads;
        if (!a.co.empty()) line += std::string(style.semicolon());
      }
      if (!a.co.empty()) line += "责任单位" + std::string(style.colon()) + co;
      line += "。";
      break;
    }
    case Format::RoleVerb: {
      static constexpr std::array kLeadVerbs = {"牵头", "牵头", "牵头", "牵头", "牵头", "牵头", "牵头", "牵头落实", "牵头负责"};
      static constexpr std::array kCoVerbs = {"按职责分工负责", "按职责分工负责", "按职责分工负责", "配合", "参与", "协作"};
      static constexpr std::array kAloneVerbs = {"按职责分工负责", "按职责分工负责", "分别负责"};
      std::string inner;
      if (!a.leads.empty()) inner = leads + kLeadVerbs[rng.index(kLeadVerbs.size())];
      if (!a.co.empty()) {
        if (!inner.empty()) inner += style.comma();
        inner += co + (a.leads.empty() ? kAloneVerbs[rng.index(kAloneVerbs.size())] : kCoVerbs[rng.index(kCoVerbs.size())]);
      }
      if (rng.chance(0.25)) {
        inner += style.comma();
        inner += rng.chance(0.5) ? std::to_string(context.year) + "年底前完成" : std::string("年内持续推进");
        add_feature(a, "deadline");
      }
      line += std::string(style.open()) + inner + std::string(style.close());
      break;
    }
    case Format::Prose: {
      line += "此项工作由" + leads + "主办";
      if (!a.co.empty()) line += std::string(style.comma()) + co + "协办";
      line += "。";
      break;
    }
  }
}

}  // namespace agencygraph::gencorpus
