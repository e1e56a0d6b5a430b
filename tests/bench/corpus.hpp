// Documents for the micro-benchmarks, generated in memory by the corpus generator (same seed as
// bench.sh), so every benchmark measures the same realistic text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "generator.hpp"

namespace agencygraph::bench {

constexpr std::uint64_t kSeed = 20240521;

// The UTF-8 texts of the first `count` generated files.
inline std::vector<std::string> generated_texts(std::size_t count, bool all_formats = false) {
  gencorpus::Options options;
  options.seed = kSeed;
  options.gb18030_share = 0;
  options.all_formats = all_formats;
  gencorpus::Generator generator(options);
  std::vector<std::string> texts;
  while (texts.size() < count)
    for (gencorpus::GeneratedFile& file : generator.next_document())
      if (texts.size() < count) texts.push_back(std::move(file.bytes));
  return texts;
}

inline std::size_t total_bytes(const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  return bytes;
}

// Extracted documents, one per generated file.
inline std::vector<Document> extracted_documents(std::size_t count) {
  std::vector<Document> documents;
  documents.reserve(count);
  std::size_t i = 0;
  for (std::string& text : generated_texts(count)) {
    documents.push_back(extract_document(Source{"doc" + std::to_string(i++) + ".txt", "UTF-8", std::move(text)}, {}));
  }
  return documents;
}

}  // namespace agencygraph::bench
