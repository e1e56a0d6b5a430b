// libFuzzer target for the --aliases file (AliasTable::load_tsv): arbitrary bytes must either load
// or be refused with a "FILE:LINE: problem" message (never crash or hang), and once loaded, every
// variant's canonical form is found in bounded time (no cycle survives loading) and is not empty.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_aliases
//   cp -r tests/fuzz/corpus/fuzz_aliases /tmp/aliases && build-fuzz/tests/fuzz_aliases /tmp/aliases -max_total_time=60
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "agencygraph/aliases.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // load_tsv reads a file: the input goes into one of this process's own.
  static const std::string path = "/tmp/fuzz_aliases." + std::to_string(::getpid()) + ".tsv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  agencygraph::AliasTable table = agencygraph::AliasTable::extending_builtin();
  try {
    table.load_tsv(path);
  } catch (const std::runtime_error& e) {
    // Refused: the message starts with the file and a line number.
    const std::string_view message = e.what();
    if (!message.starts_with(path + ":")) __builtin_trap();
    return 0;
  }
  // Loaded: each line's variant resolves, through user aliases and built-in forms, to a name.
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos && tab > 0)
      if (table.canonical(line.substr(0, tab)).empty()) __builtin_trap();
    start = end + 1;
  }
  return 0;
}
