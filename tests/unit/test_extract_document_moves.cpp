// Documents are held in vectors while a corpus is read and merged (extract_files, merge_pages):
// growing those must move documents, not copy them, and a copy must stay usable on its own.
#include <doctest/doctest.h>

#include <memory>
#include <type_traits>
#include <vector>

#include "extract_test_support.hpp"

using namespace agencygraph;
using namespace agencygraph::test;

TEST_CASE("a vector of documents moves them as it grows") {
  CHECK(std::is_nothrow_move_constructible_v<Document>);
  CHECK(std::is_nothrow_move_constructible_v<NameTable>);
  std::vector<Document> documents;
  const char* text = nullptr;
  for (int k = 0; k < 20; ++k) {
    documents.push_back(parse_text("1.推进老旧小区改造,完善配套设施建设。(牵头单位:市住建局;责任单位:市财政局)\n"));
    if (k == 0) text = documents[0].sources[0].text.data();
  }
  CHECK(documents[0].sources[0].text.data() == text);  // moved, not copied
  CHECK(documents[0].names.intern("市住建局") == documents[0].tasks[0].agencies[0].name);
}

TEST_CASE("a copied name table finds its names after the original is gone") {
  auto original = std::make_unique<Document>(parse_text(
      "1.推进老旧小区改造。(牵头单位:市住房和城乡建设局;责任单位:市财政局、市自然资源和规划局)\n"));
  const Document copy = *original;
  const std::size_t names = copy.names.size();
  original.reset();
  NameTable table = copy.names;
  for (NameId id = 0; id < names; ++id) CHECK(table.intern(std::string(copy.names[id])) == id);
  CHECK(table.size() == names);
  NameTable assigned;
  assigned = table;
  CHECK(assigned.intern("市财政局") == table.intern("市财政局"));
  CHECK(assigned.size() == names);
}
