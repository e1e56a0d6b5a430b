// How pages become documents, written once for merge_pages (extract_files.cpp) and NetworkBuilder
// (network_builder.cpp): which earlier document a page continues (PageGrouping), and the rule of
// restarts_numbering() (extract.hpp), over whatever record of the earlier document's tasks the caller
// keeps: merge_pages has the documents, NetworkBuilder only each task's number and a hash of its text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "agencygraph/extract.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph::detail {

// Where each input document goes: a further page of the latest earlier document with its (non-empty)
// title and jurisdiction when is_further_page() says so, else a document of its own.
class PageGrouping {
 public:
  struct Placement {
    std::uint32_t document;  // the merged document it goes into
    bool is_page;            // true: a further page of `document`; false: `document` is new
  };
  // `next` is the index a new document would get; restarts(i) tells whether `document` restarts the
  // numbering of merged document i (asked only of the candidate).
  template <class Restarts>
  Placement place(const Document& document, std::uint32_t next, Restarts restarts) {
    if (document.title && !document.title->empty()) {
      auto [it, inserted] = by_title_.try_emplace({*document.title, document.jurisdiction.value_or("")}, next);
      if (!inserted) {
        if (is_further_page(document, {it->second == last_, restarts(it->second)})) {
          last_ = it->second;
          return {last_, true};
        }
        it->second = next;  // a document of its own, which later pages may follow
      }
    }
    last_ = next;
    return {next, false};
  }

 private:
  std::map<std::pair<std::string, std::string>, std::uint32_t> by_title_;  // -> the latest document
  std::uint32_t last_ = UINT32_MAX;  // where the previous input went
};

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
