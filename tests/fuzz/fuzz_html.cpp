// libFuzzer target for the HTML converter: arbitrary bytes, read as a page whether they look like
// one or not, must never crash or hang; every line of the result maps to a line of the input, the
// text is valid UTF-8 where the input was, and extracting the page keeps the extraction invariants.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_html
//   mkdir -p /tmp/pages && cp tests/data/html/* /tmp/pages && build-fuzz/tests/fuzz_html /tmp/pages -max_total_time=60
// (a scratch copy of the pages: libFuzzer adds the inputs it finds to its first corpus directory).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"
#include "text/html_text.hpp"

namespace {

bool lines_map_into(const agencygraph::detail::HtmlText& page, std::string_view html) {
  const auto input_lines = static_cast<std::uint32_t>(std::count(html.begin(), html.end(), '\n') + 1);
  if (page.lines.size() != static_cast<std::size_t>(std::count(page.text.begin(), page.text.end(), '\n')) + 1)
    return false;
  return std::all_of(page.lines.begin(), page.lines.end(),
                     [&](std::uint32_t line) { return line >= 1 && line <= input_lines; });
}

// The converter copies text between tags byte for byte and encodes what entities decode to, and
// drops control characters: valid UTF-8 stays valid and nothing reads as binary.
bool valid_utf8(const std::string& text) {
  try {
    agencygraph::decode(text, std::string("UTF-8"));
    return true;
  } catch (const agencygraph::DecodeError&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Raw bytes first: the converter must stay memory-safe even on text the decoder would reject.
  if (!lines_map_into(agencygraph::detail::html_to_text(bytes), bytes)) __builtin_trap();
  try {
    agencygraph::DecodedText decoded = agencygraph::decode(bytes);
    const agencygraph::detail::HtmlText page = agencygraph::detail::html_to_text(decoded.text);
    if (!lines_map_into(page, decoded.text)) __builtin_trap();
    if (!valid_utf8(page.text)) __builtin_trap();
    agencygraph::Source source{"fuzz.html", std::move(decoded.encoding), page.text};
    source.original_lines = page.lines;  // as extract_document would set them for a page it detects
    const agencygraph::Document document = agencygraph::extract_document(std::move(source), {});
    if (!agencygraph::test::extraction_invariants_hold(document)) __builtin_trap();
  } catch (const agencygraph::DecodeError&) {
    // Undecodable input is rejected with a message: that is the expected outcome.
  }
  return 0;
}
