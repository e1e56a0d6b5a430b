// The prose around the annotations: task sentences, headings, preambles, and the navigation and
// footer noise of scraped government pages.
#pragma once

#include <string>
#include <vector>

#include "rng.hpp"
#include "style.hpp"
#include "world.hpp"

namespace agencygraph::gencorpus {

// Chinese numerals 1..99: 一, 十, 十六, 二十三.
std::string chinese_number(int n);

// One task's text: one to three sentences ending in 。. Brackets may occur inside (含续建项目), never
// at the end, so the annotation is always the last bracket group.
std::string task_text(Rng& rng, const Style& style, const Roster& roster);

// "一、…" section heading text (without the numeral) and "(一)…" subsection text.
std::string section_title(Rng& rng, const Style& style);
std::string subsection_title(Rng& rng);

// Paragraphs before the tasks of a 通知-style document (addressees, requirements, date).
std::vector<std::string> notice_preamble(Rng& rng, const Style& style, const Jurisdiction& j, int year);
// The "main targets" paragraph some documents print before the first section.
std::string targets_paragraph(Rng& rng, const Style& style, int year);

std::vector<std::string> navigation_lines(Rng& rng, const Jurisdiction& j, int year);
std::vector<std::string> footer_lines(Rng& rng, const Jurisdiction& j);

}  // namespace agencygraph::gencorpus
