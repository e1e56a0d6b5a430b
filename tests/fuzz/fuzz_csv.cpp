// libFuzzer target for CSV/TSV table input (RFC 4180 quoting, text/csv_text.hpp): arbitrary bytes
// through the CSV-to-lines conversion must never crash or hang, every converted line must map to a
// line of the input in order, and extracting the bytes as a table keeps the extraction invariants.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_csv
//   cp -r tests/fuzz/corpus/fuzz_csv /tmp/csv && build-fuzz/tests/fuzz_csv /tmp/csv -max_total_time=60
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"
#include "text/csv_text.hpp"

namespace {

// Every line of the conversion names a line of the input, never going back.
bool lines_map_into(const agencygraph::detail::CsvText& table, std::string_view text) {
  const auto input_lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
  if (table.lines.size() != static_cast<std::size_t>(std::count(table.text.begin(), table.text.end(), '\n')) + 1)
    return false;
  for (std::size_t i = 0; i < table.lines.size(); ++i) {
    if (table.lines[i] < 1 || table.lines[i] > input_lines) return false;
    if (i > 0 && table.lines[i] < table.lines[i - 1]) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // From the start, and from the second line (a title line above the header), on raw bytes.
  if (!lines_map_into(agencygraph::detail::csv_to_tsv(bytes, 0), bytes)) __builtin_trap();
  if (const std::size_t newline = bytes.find('\n'); newline != std::string_view::npos)
    if (!lines_map_into(agencygraph::detail::csv_to_tsv(bytes, newline + 1), bytes)) __builtin_trap();
  try {
    agencygraph::DecodedText decoded = agencygraph::decode(bytes);
    const agencygraph::Document document = agencygraph::extract_document(
        {"fuzz.csv", std::move(decoded.encoding), std::move(decoded.text)}, agencygraph::ExtractOptions{});
    if (!agencygraph::test::extraction_invariants_hold(document)) __builtin_trap();
  } catch (const agencygraph::DecodeError&) {
    // Undecodable input is rejected with a message: that is the expected outcome.
  }
  return 0;
}
