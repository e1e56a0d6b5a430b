// libFuzzer target: arbitrary bytes through decode and extraction must never crash or hang, and
// the result must hold the invariants the writers rely on (see check_extraction_invariants).
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_extract && build-fuzz/tests/fuzz_extract examples/ -max_total_time=60
#include <cstdint>
#include <string_view>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    agencygraph::DecodedText decoded = agencygraph::decode(bytes);
    const agencygraph::Document document = agencygraph::extract_document(
        {"fuzz.txt", std::move(decoded.encoding), std::move(decoded.text)}, agencygraph::ExtractOptions{});
    if (!agencygraph::test::extraction_invariants_hold(document)) __builtin_trap();
  } catch (const agencygraph::DecodeError&) {
    // Undecodable input is rejected with a message: that is the expected outcome.
  }
  return 0;
}
