// libFuzzer target for the Excel reader (lib/src/formats/xlsx_reader.hpp): a whole file, or the
// XML of workbook.xml's sheets, the first sheet, the second sheet, sharedStrings.xml and styles.xml
// packed into a package (office_fuzz_input.hpp). Any input must be read or refused with a
// FormatError, never crash or hang, and what is read must be a sound Source whose extraction keeps
// the extraction invariants.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_xlsx
//   cp -r tests/fuzz/corpus/fuzz_xlsx /tmp/xlsx && build-fuzz/tests/fuzz_xlsx /tmp/xlsx -max_total_time=600
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
    // Parts: the two sheets' XML (whole <worksheet> documents), shared strings, styles: as the
    // content of <sst> and <styleSheet>. The workbook names the sheets "一" and "Task list".
    const std::vector<std::string> parts = test::split_parts(input.substr(1), 4);
    file = test::xlsx_package_of_parts({{"一", parts[0]}, {"Task list", parts[1]}}, parts[2], parts[3]);
  }
  try {
    Source source = detail::read_source("fuzz.xlsx", file, {});
    if (source.format == "xlsx" && !test::converted_source_is_sound(source)) __builtin_trap();
    const Document document = extract_document(std::move(source), {});
    if (!test::extraction_invariants_hold(document)) __builtin_trap();
  } catch (const detail::FormatError&) {
    // refused with a reason: an expected outcome
  } catch (const DecodeError&) {
    // a whole "file" that is not a ZIP archive and not text
  }
  return 0;
}
