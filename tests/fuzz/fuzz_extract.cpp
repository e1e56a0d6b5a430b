// libFuzzer target: arbitrary bytes through decode and extraction must never crash or hang, and
// the result must hold the invariants the writers rely on (see check_extraction_invariants). The
// same text read with its tasks handed over one batch at a time as they are found
// (ExtractOptions::on_tasks, with the smallest batches) must give the same tasks and skipped
// paragraphs as the document read whole.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_extract && build-fuzz/tests/fuzz_extract examples/ -max_total_time=60
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"

namespace {

using agencygraph::Document;
using agencygraph::Task;

// A task as the writers show it: comparable across documents whose name tables differ.
std::string reading(const Document& document, const Task& task) {
  std::string out = task.id + '|' + std::to_string(task.line) + '|' + std::to_string(task.section) + '|' +
                    std::string(document.text(task)) + '|' + std::string(document.view(task, task.annotation));
  for (const agencygraph::AgencyMention& mention : task.agencies)
    out += '|' + std::string(document.name(mention.name)) + (mention.role == agencygraph::Role::Lead ? "+" : "-");
  return out;
}

bool same_in_batches(const std::string& text, const std::string& encoding, const Document& whole) {
  std::vector<std::string> streamed;
  agencygraph::ExtractOptions options;
  options.tasks_per_batch = 1;
  options.on_tasks = [&](const Document& so_far, std::vector<Task>& batch) {
    for (const Task& task : batch) streamed.push_back(reading(so_far, task));
  };
  const Document rest = agencygraph::extract_document({"fuzz.txt", encoding, text}, options);
  if (!rest.tasks.empty() || streamed.size() != whole.tasks.size() || rest.skipped.size() != whole.skipped.size())
    return false;
  for (std::size_t k = 0; k < streamed.size(); ++k)
    if (streamed[k] != reading(whole, whole.tasks[k])) return false;
  for (std::size_t k = 0; k < whole.skipped.size(); ++k)
    if (rest.skipped[k].line != whole.skipped[k].line || rest.skipped[k].reason != whole.skipped[k].reason) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    agencygraph::DecodedText decoded = agencygraph::decode(bytes);
    const Document document =
        agencygraph::extract_document({"fuzz.txt", decoded.encoding, decoded.text}, agencygraph::ExtractOptions{});
    if (!agencygraph::test::extraction_invariants_hold(document)) __builtin_trap();
    if (!same_in_batches(decoded.text, decoded.encoding, document)) __builtin_trap();
  } catch (const agencygraph::DecodeError&) {
    // Undecodable input is rejected with a message: that is the expected outcome.
  }
  return 0;
}
