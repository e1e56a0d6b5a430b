// libFuzzer target for the Excel 97-2003 reader (lib/src/formats/xls_reader.hpp): the input is a whole file, read through
// read_source() as a user's file is (compound files are told apart by their streams there). The
// seed corpus (tests/fuzz/corpus/fuzz_xls) holds small real files, so that mutations start inside
// the container and reach the reader. Any input must be read or refused with a FormatError, never
// crash or hang, and what is read must be a sound Source whose extraction keeps the invariants.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_xls
//   cp -r tests/fuzz/corpus/fuzz_xls /tmp/xls && build-fuzz/tests/fuzz_xls /tmp/xls -max_total_time=600
#include <cstdint>
#include <string>
#include <string_view>

#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"
#include "formats/format_error.hpp"
#include "formats/read_source.hpp"
#include "office_fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace agencygraph;
  std::string file(reinterpret_cast<const char*>(data), size);
  try {
    Source source = detail::read_source("fuzz.xls", std::move(file), {});
    if (source.format == "xls" && !test::converted_source_is_sound(source)) __builtin_trap();
    const Document document = extract_document(std::move(source), {});
    if (!test::extraction_invariants_hold(document)) __builtin_trap();
  } catch (const detail::FormatError&) {
    // refused with a reason: an expected outcome
  } catch (const DecodeError&) {
    // bytes that are no such file and no text
  }
  return 0;
}
