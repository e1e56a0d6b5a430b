// The streamed `parse` JSON must be byte for byte what the nlohmann tree dumps (the format users and
// the read-back tests already know): layout, key order, escaping and U+FFFD for invalid UTF-8.
#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/io/document_json.hpp"

using namespace agencygraph;

namespace {

// What `agencygraph parse` printed before streaming: the dumped tree and a newline.
std::string dumped(const std::vector<Document>& documents) {
  return documents_to_json(documents).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string streamed(const std::vector<Document>& documents, unsigned threads = 0) {
  std::ostringstream out;
  write_documents_json(out, documents, threads);
  out << '\n';
  return out.str();
}

// Bytes a JSON writer can get wrong: every control character, quotes, backslashes, markup, and
// invalid UTF-8 of each kind (stray continuation, overlong, surrogate, above U+10FFFF, truncated).
const std::string kHostile =
    std::string("\x00\x01\x07\x08\x09\x0a\x0b\x0c\x0d\x1b\x1f\x7f", 12) +
    "\"q\" \\b\\ </script><b>&amp; / \xe2\x80\xa8 \xf0\x9f\x98\x80 "  // U+2028 and an emoji stay raw
    "\x80 \xbf\xff\xfe \xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe5\xb8 \xf0\x9f\x98 end\xe5";

}  // namespace

TEST_CASE("streamed parse JSON equals the dumped tree for the bundled examples") {
  const ExtractResult result = extract_files({std::string(AGENCYGRAPH_EXAMPLES)}, {});
  REQUIRE(result.documents.size() >= 4);
  std::size_t tasks = 0;
  for (const Document& d : result.documents) tasks += d.tasks.size();
  REQUIRE(tasks > 100);
  CHECK(streamed(result.documents) == dumped(result.documents));
}

TEST_CASE("streamed parse JSON is the same whatever the number of threads formatting documents") {
  // Documents are formatted in parallel, one per chunk, and written in order: commas, indents and the
  // order must come out as the tree dumps them, for one document, a few, and more than the workers.
  const ExtractResult result = extract_files({std::string(AGENCYGRAPH_EXAMPLES)}, {});
  std::vector<Document> many;
  for (int copy = 0; copy < 5; ++copy)
    for (const Document& d : result.documents) many.push_back(d);
  for (std::size_t count : {std::size_t{1}, std::size_t{2}, std::size_t{3}, many.size()}) {
    const std::vector<Document> documents(many.begin(), many.begin() + static_cast<std::ptrdiff_t>(count));
    const std::string expected = dumped(documents);
    CAPTURE(count);
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
      CAPTURE(threads);
      CHECK(streamed(documents, threads) == expected);
    }
  }
}

TEST_CASE("streamed parse JSON of a corpus with a document over 4 MB is written as it is made, the same bytes") {
  // Such a corpus is written on one thread, task by task, rather than a whole document per chunk.
  std::string text = "2023年枣湖县《政府工作报告》重点任务分工方案\n";
  const std::string sentence = "推进产业园区建设，完善配套设施，提升承载能力，";  // 72 bytes
  for (int k = 1; text.size() <= (std::size_t{4} << 20); ++k) {
    text += std::to_string(k) + ".";
    for (int r = 0; r < 8; ++r) text += sentence;
    text += "。(牵头单位:县发改委;责任单位:县财政局、县住建局)\n";
  }
  std::vector<Document> documents;
  documents.push_back(extract_document(Source{"big.txt", "UTF-8", text}, {}));
  documents.push_back(extract_document(Source{"small.txt", "UTF-8", "1.任务。(牵头单位:县教育局)\n"}, {}));
  REQUIRE(documents[0].tasks.size() > 6000);  // every line a task
  CHECK(streamed(documents, 2) == dumped(documents));
}

TEST_CASE("streamed parse JSON equals the dumped tree for empty input and an empty document") {
  CHECK(streamed({}) == dumped({}));
  CHECK(streamed({}) == "{\n \"documents\": []\n}\n");
  std::vector<Document> one(1);
  CHECK(streamed(one) == dumped(one));
}

TEST_CASE("streamed parse JSON escapes hostile task text exactly as nlohmann does") {
  const std::string text = "一、总体要求" + kHostile + "\n"
                           "1.推进" + kHostile + "工作。(牵头单位:市发改委" + kHostile +
                           ";责任单位:市财政局、市\"教育\\局\x01;完成时限:2023年底前" + kHostile + ")\n"
                           "2.第二项" + kHostile + "\n牵头单位:市商务局\n" + kHostile + "\n";
  ExtractOptions options;
  options.jurisdiction = "咸宁" + kHostile;
  std::vector<Document> documents;
  documents.push_back(extract_document(Source{"dir/" + kHostile + ".txt", "UTF-8", text}, options));
  REQUIRE(!documents[0].tasks.empty());
  const std::string out = streamed(documents);
  CHECK(out == dumped(documents));
  CHECK(out.find("</script>") != std::string::npos);  // JSON does not escape markup; HTML writers do
  CHECK(out.find("\\u0001") != std::string::npos);
  CHECK(out.find("\xef\xbf\xbd") != std::string::npos);
}

TEST_CASE("streamed parse JSON matches nlohmann on random bytes in every string field") {
  std::mt19937_64 random(20261123);
  // Mostly bytes near the UTF-8 boundaries, so lead bytes meet good and bad continuations.
  const std::string alphabet = std::string("\x00\x01\x1f\"\\a/\x7f", 8) +
                               "\x80\x8f\x90\x9f\xa0\xbf\xc0\xc1\xc2\xdf\xe0\xe1\xec\xed\xee\xef\xf0\xf1\xf3\xf4\xf5\xff";
  const auto noise = [&] {
    std::string s(random() % 24, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    Document d;
    const std::string body = noise() + noise() + noise();
    d.sources.push_back(Source{noise(), noise(), body});
    d.title = noise();
    if (round % 3) d.jurisdiction = noise();
    if (round % 2) d.year = static_cast<int>(random() % 3000);
    d.first_listed_is_lead = round % 5 == 0;
    d.sections.push_back({noise(), noise()});
    for (int k = 0; k < 3; ++k) {
      Task t;
      t.id = noise();
      t.line = static_cast<std::uint32_t>(random());
      t.section = static_cast<std::uint32_t>(random() % d.sections.size());
      const auto at = static_cast<std::uint32_t>(random() % (body.size() + 1));
      t.text = Span{at, static_cast<std::uint32_t>(random() % (body.size() - at + 1))};
      t.annotation = Span{0, static_cast<std::uint32_t>(body.size())};
      if (random() % 2) t.deadline = noise();
      t.remarks = {noise()};
      t.agencies.push_back(AgencyMention{d.names.intern(noise()), d.names.intern(noise()), Role::Lead, AgencyKind::Vertical});
      t.agencies.push_back(AgencyMention{d.names.intern(noise()), d.names.intern(noise()), Role::Co, AgencyKind::Collective});
      t.lead_from_first_listed = k == 1;
      d.tasks.push_back(std::move(t));
    }
    d.skipped.push_back(SkippedParagraph{0, 7, noise()});
    std::vector<Document> documents;
    documents.push_back(std::move(d));
    CAPTURE(round);
    CHECK(streamed(documents) == dumped(documents));
  }
}
