// libFuzzer target for the Word reader (lib/src/formats/docx_reader.hpp): a whole file, or the XML
// of document.xml, numbering.xml and styles.xml packed into a package (office_fuzz_input.hpp).
// Any input must be read or refused with a FormatError, never crash or hang, and what is read must
// be a sound Source whose extraction keeps the extraction invariants.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_docx
//   cp -r tests/fuzz/corpus/fuzz_docx /tmp/docx && build-fuzz/tests/fuzz_docx /tmp/docx -max_total_time=600
#include <cstdint>
#include <string>
#include <string_view>

#include "../unit/office_packages.hpp"
#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"
#include "formats/format_error.hpp"
#include "office_fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace agencygraph;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.empty()) return 0;
  std::string file;
  if (input[0] == 'Z') {
    file = input.substr(1);
  } else {
    const std::vector<std::string> parts = test::split_parts(input.substr(1), 3);
    file = test::docx_from_document(parts[0], parts[1], parts[2], true);
  }
  try {
    Source source = detail::read_source("fuzz.docx", file, {});
    if (source.format == "docx" && !test::converted_source_is_sound(source)) __builtin_trap();
    const Document document = extract_document(std::move(source), {});
    if (!test::extraction_invariants_hold(document)) __builtin_trap();
  } catch (const detail::FormatError&) {
    // refused with a reason: an expected outcome
  } catch (const DecodeError&) {
    // a whole "file" that is not a ZIP archive and not text
  }
  return 0;
}
