// The synthetic corpus: documents of the kinds in DOMAIN.md, each with the exact extraction planted in
// it. Document i depends only on (seed, i) and the titles of documents before it, so a smaller corpus
// is a prefix of a larger one with the same seed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "layouts.hpp"
#include "world.hpp"

namespace agencygraph::gencorpus {

struct Options {
  std::uint64_t seed = 1;
  int tasks_min = 60;   // a full decomposition has 60-180 numbered tasks (荆州 2020: 114, ~36 KB)
  int tasks_max = 180;
  double gb18030_share = 0.1;
  bool all_formats = false;  // --formats all: the formats whose parser coverage is not yet confirmed
  // > 0: every document is written by one of this many jurisdictions, drawn once from the seed, so
  // that a larger corpus adds years of the same places (the memory-growth benchmark); 0: any.
  int jurisdictions = 0;
  // --years FIRST-LAST (with jurisdictions > 0): document i is written by the (i mod K)-th place of the
  // pool for year FIRST + i / K, so K x years documents give every place every year; documents before
  // `reform_year` print the departments' old names (local_renamings). 0: years drawn from 2018-2024.
  int first_year = 0, last_year = 0;
  int reform_year = 0;
  // --layouts: every document is printed in one of these layouts (layouts.hpp), chosen per document
  // from a random stream of its own; empty: the annotation formats of --formats only.
  std::vector<Layout> layouts;
};

struct PlantedTask {
  int id = 0;
  std::string label;  // the id as printed when it is not id's digits (①, 一是, 五); written instead of id
  std::vector<std::string> leaders;  // people answering for the task; written (and checked) with --layouts
  std::uint32_t line = 0;  // 1-based line of the task number
  std::vector<std::string> leads, co;
  std::string format;
  std::vector<std::string> features;
};

// One file: a whole document or one page of it.
struct GeneratedFile {
  std::string name;       // 00012_8c84960a7773ab04.txt
  std::string bytes;      // encoded content
  std::string encoding;   // "UTF-8" or "GB18030"
  std::string format;     // the document's dominant annotation format
  std::optional<std::string> jurisdiction, title;
  std::optional<int> year;
  std::vector<PlantedTask> tasks;
};

class Generator {
 public:
  explicit Generator(const Options& options);
  // The files of the next document (usually one; a paged document gives two or three).
  std::vector<GeneratedFile> next_document();
  const World& world() const { return world_; }
  const std::vector<int>& pool() const { return pool_; }

 private:
  Options options_;
  World world_;
  std::set<std::string> titles_;
  std::vector<int> pool_;  // the jurisdictions documents are drawn from; empty: all
  std::size_t next_ = 0;
};

// The succession table of --years' renamings (successions.tsv: old<TAB>new<TAB>year), a line per level
// prefix the pool's local places use.
std::string successions_tsv(const Generator& generator, const Options& options);

// UTF-8 -> GB18030 through ICU; throws std::runtime_error on failure.
std::string to_gb18030(const std::string& utf8);

// Streams planted.json (the shape of tests/data/gold/seeds.gold.json, one task per line) so a large
// corpus never holds its whole plant as a JSON tree.
class PlantedWriter {
 public:
  PlantedWriter(const std::string& path, const Options& options, std::size_t documents);
  void add(const GeneratedFile& file);
  void close();  // throws std::runtime_error if anything could not be written

 private:
  std::string path_;
  bool leaders_ = false;  // --layouts: every task says who leads it, if anyone
  std::FILE* out_ = nullptr;
  bool first_ = true;
};

}  // namespace agencygraph::gencorpus
