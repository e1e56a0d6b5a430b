// Annotation-like text the extraction did not read: what `agencygraph check` shows a researcher
// before they trust a network. Computed from a Document alone (its text, its tasks' spans and
// remarks), never by parsing again, so it reports what the parser actually did.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "agencygraph/model.hpp"

namespace agencygraph {

// A line that reads like an annotation but lies outside every task: a role label with a value
// (牵头单位：X, 责任部门:Y) or a role verb right after an agency-like name (X牵头, Y配合, Z协办, 主办,
// 参与, 协作, 负责, 按职责分工负责). A line is a task's when it holds part of a task's text or annotation,
// or lies between them. Headers of tables (牵头单位 with no value), notices about conventions
// (列第一位者为牵头单位) and people (牵头领导：王某某, 某某副市长牵头) are not annotation-like.
struct UnclaimedLine {
  std::uint32_t source = 0;  // index into Document::sources
  std::uint32_t line = 0;    // 1-based line of the file (see Source::original_line, Source::place)
  std::string text;          // the line, trimmed, as printed
  std::string role_word;     // the first role word found, as printed: 牵头单位, 配合, 按职责分工负责…
};

std::vector<UnclaimedLine> find_unclaimed_annotation_lines(const Document& document);

// A clause of a task's annotation that the parser kept as a remark (Task::remarks, naming no agency
// it understood) although it looks like part of the coding: a list of units (市财政局、各县区政府:
// agencies outside any role) or a clause holding a role word, known or not (配合, 督办, 统筹, 负总责…).
struct UnreadRemark {
  std::size_t task = 0;  // index into Document::tasks
  std::string remark;    // as printed
  std::string why;       // "a list of units" or "role word 督办"
};

std::vector<UnreadRemark> find_unread_remarks(const Document& document);

// A unit of a task whose name does not end as an agency's does (局, 委, 办, 政府, 管委会, 中心, 小组,
// a place…): text read as a unit where an annotation's layout was not understood (a table's cells
// run together: 时限, 目标任务, ( )). Collectives are not listed.
struct UnlikelyUnit {
  std::size_t task = 0;  // index into Document::tasks
  std::string name;      // as printed
};

std::vector<UnlikelyUnit> find_unlikely_units(const Document& document);

}  // namespace agencygraph
