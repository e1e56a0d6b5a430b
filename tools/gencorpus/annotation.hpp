// Who answers for a task, and how the document prints it.
//
// An Assignment is the truth: leads and co-responsible units as a correct extraction lists them (names
// after list splitting, suffix sharing and 等-splitting). Rendering prints it in one of the formats of
// DOMAIN.md; the printed form is what the parser sees.
#pragma once

#include <string>
#include <vector>

#include "rng.hpp"
#include "style.hpp"
#include "world.hpp"

namespace agencygraph::gencorpus {

// A run of names printed together, joined by 、: "荆州开发区、纪南文旅区管委会" is one run with a
// shared suffix; "市公安局、市信访局等市政府有关部门" one run with a 等 tail.
struct Run {
  std::vector<std::string> items;  // as printed (without the shared suffix)
  std::string shared_suffix;       // printed once after the last item, belongs to every item
  std::string tail;                // "", "等", "等单位", or "等" + collective
  std::string tail_collective;     // the collective named by the tail, if any
  bool join_last_with_ji = false;  // "A、B及C"
};

struct Assignment {
  std::vector<std::string> leads;  // printed as one 、 run
  std::vector<Run> co;             // runs joined by , or ，
  std::vector<std::string> features;

  std::vector<std::string> planted_leads() const { return leads; }
  std::vector<std::string> planted_co() const;
};

// The annotation format of a task.
enum class Format {
  Bracket,      // (牵头单位:…;责任单位:…) in ( ) （ ） 〔 〕 【 】 [ ]
  OwnLines,     // 牵头单位:… / 责任单位:… on lines of their own under the task
  Inline,       // …。责任单位：A、B。
  RoleVerb,     // （A、B牵头，C按职责分工负责）
  Prose,        // 此项工作由A主办,B、C协办。
  FirstListed,  // (责任单位:A、B、C) under a stated first-listed-is-lead convention
};
const char* format_name(Format format);

struct AssignmentOptions {
  Style style;                // names with brackets take the document's bracket width
  bool all_formats = false;   // 及 joins and the like
  bool simple_lists = false;  // one run per role, no suffix sharing or 等+collective (role verbs, prose)
  bool force_lead = false;    // exactly one lead (first-listed, prose)
};

Assignment choose_agencies(Rng& rng, const Roster& roster, const AssignmentOptions& options);

// The names as a table's cells print them: the leads as one 、 run; each co-responsible run.
std::string printed_leads(const Assignment& assignment);
std::vector<std::string> printed_co_runs(const Assignment& assignment);

// How a document prints its labelled brackets.
struct BracketStyle {
  std::string open, close;
};

struct RenderContext {
  Style style;
  BracketStyle bracket;
  bool all_formats = false;
  int year = 2023;
};

// Appends the annotation to the task's first line and/or adds lines after it. `lines` holds the task
// line last; features of the rendering are added to the assignment.
void render(Rng& rng, Format format, const RenderContext& context, Assignment& assignment, std::vector<std::string>& lines,
            const std::string& indent);

}  // namespace agencygraph::gencorpus
