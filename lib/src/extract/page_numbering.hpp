// The rule of restarts_numbering() (extract.hpp), over whatever record of the earlier document's tasks
// the caller keeps: merge_pages has the documents, NetworkBuilder only each task's number and a hash
// of its text.
#pragma once

#include <string_view>

namespace agencygraph::detail {

// `earlier` is a range of the earlier document's tasks; number(task) gives a task's number and
// same_text(task) whether its text is that of the page's first task, numbered `first_number`.
template <class Tasks, class Number, class SameText>
bool numbering_restarts(std::string_view first_number, const Tasks& earlier, Number number, SameText same_text) {
  if (first_number.empty()) return false;  // a task without a number never restarts
  bool number_taken = false;
  for (const auto& task : earlier) {
    if (number(task) != first_number) continue;
    if (same_text(task)) return false;  // the task the pages were cut at, printed twice
    number_taken = true;
  }
  return number_taken;
}

}  // namespace agencygraph::detail
