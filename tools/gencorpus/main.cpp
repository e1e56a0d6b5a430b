// agencygraph-gencorpus: writes a synthetic corpus of responsibility-decomposition documents with the
// exact extraction planted in it, and checks `agencygraph parse` output against that plant.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "check.hpp"
#include "generator.hpp"

namespace {

constexpr const char* kUsage =
    "usage: agencygraph-gencorpus --out DIR --documents N --seed S [--tasks-per-doc MIN-MAX]\n"
    "                             [--gb18030-share X] [--formats basic|all] [--jurisdictions K]\n"
    "                             [--years FIRST-LAST [--reform-year Y] [--successions FILE]]\n"
    "                             [--layouts all|NAME,...] [--planted FILE] [--force]\n"
    "       agencygraph-gencorpus --check PLANTED.json PARSE.json [--max-report N]\n"
    "\n"
    "  --out DIR            directory for the documents (created; must be empty unless --force)\n"
    "  --documents N        number of documents (a paged document gives several files)\n"
    "  --seed S             the corpus is a function of the seed; N documents are a prefix of N+1\n"
    "  --tasks-per-doc A-B  numbered tasks per document, uniform in [A, B] (default 60-180)\n"
    "  --gb18030-share X    share of documents written in GB18030 (default 0.1)\n"
    "  --formats basic|all  basic: labelled brackets, both widths, suffix sharing, 等, collectives;\n"
    "                       all: also labels on own lines, inline labels, role verbs, 主办/协办 prose,\n"
    "                       first-listed convention, [ ] brackets, alternative labels, CRLF, BOM,\n"
    "                       saved web pages with the tasks in an HTML table (merged cells)\n"
    "  --jurisdictions K    documents come from K jurisdictions only, drawn once from the seed: a larger\n"
    "                       corpus then adds years of the same places, not new places (default: all)\n"
    "  --years FIRST-LAST   with --jurisdictions K: the same K places every year, document i by place i mod K\n"
    "                       for year FIRST + i / K (so --documents K*years gives each place each year);\n"
    "                       documents before the reform year print six departments' old names\n"
    "                       (国土资源局 for 自然资源和规划局, ...), listed in the succession table\n"
    "  --reform-year Y      the year the new names are printed from (default: the middle of --years)\n"
    "  --successions FILE   where --years writes its succession table (default: successions.tsv beside\n"
    "                       the planted extraction)\n"
    "  --layouts all|NAME,...  every document is printed in one of these layouts (docs/layouts.md), chosen\n"
    "                       per document; the planted tasks then carry their printed ids and leaders:\n"
    "                         after-line    此项工作由X主办… / 牵头单位：X + 责任单位：… / 部门分工：X牵头…\n"
    "                                       on the lines after the task, a deadline line between, 省牵头单位：\n"
    "                         comma-groups  (X等牵头，A、B，甲区、乙区政府按职责分工负责): comma groups\n"
    "                         space-table   columns separated by runs of spaces under a header row\n"
    "                         cell-lines    one cell per line, units of a cell on consecutive lines,\n"
    "                                       group rows (（一）王某某副市长牵头重点工作)\n"
    "                         pipe-table    | 序号 | 工作任务 | … |, rows with an empty number continuing a task\n"
    "                         structured    JavaScript objects, JSON, an SQL dump holding a page (\\\" \\n '')\n"
    "                         numbering     一是 ① (1) 1、 1) 1* 2.1, excerpts starting mid-document, headings\n"
    "                                       that are tasks, tasks wrapped over lines\n"
    "                         leaders       牵头领导/责任领导/分管领导：王某某, 由王某某副市长负责: leaders\n"
    "                         conventions   列第一位者为牵头单位，下同 in the preamble, in a task, as a footnote;\n"
    "                                       无牵头单位的，责任单位即为牵头单位\n"
    "                       (documents of --formats basic|all without --layouts are unchanged)\n"
    "  --planted FILE       where to write the planted extraction (default DIR/planted.json)\n"
    "  --check P J          compare `agencygraph parse` JSON J with planted extraction P; exit 1 on mismatch\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "agencygraph-gencorpus: %s\n%s", message.c_str(), kUsage);
  std::exit(2);
}

long long to_number(const std::string& option, const std::string& text) {
  try {
    std::size_t used = 0;
    const long long value = std::stoll(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  usage_error(option + ": not a number: " + text);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace agencygraph::gencorpus;
  std::vector<std::string> args(argv + 1, argv + argc);
  Options options;
  std::string out_dir, planted_path, successions_path;
  long long documents = -1;
  bool have_seed = false, force = false;
  std::vector<std::string> check_files;
  CheckOptions check_options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) usage_error(a + " needs a value");
      return args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--out") {
      out_dir = value();
    } else if (a == "--documents") {
      documents = to_number(a, value());
    } else if (a == "--seed") {
      options.seed = static_cast<std::uint64_t>(to_number(a, value()));
      have_seed = true;
    } else if (a == "--tasks-per-doc") {
      const std::string& range = value();
      const std::size_t dash = range.find('-');
      if (dash == std::string::npos) usage_error("--tasks-per-doc: expected MIN-MAX, got " + range);
      options.tasks_min = static_cast<int>(to_number(a, range.substr(0, dash)));
      options.tasks_max = static_cast<int>(to_number(a, range.substr(dash + 1)));
      if (options.tasks_min < 1 || options.tasks_max < options.tasks_min || options.tasks_max > 10000)
        usage_error("--tasks-per-doc: need 1 <= MIN <= MAX <= 10000, got " + range);
    } else if (a == "--gb18030-share") {
      const std::string& text = value();
      char* end = nullptr;
      options.gb18030_share = std::strtod(text.c_str(), &end);
      if (*end || options.gb18030_share < 0 || options.gb18030_share > 1) usage_error("--gb18030-share: need 0..1, got " + text);
    } else if (a == "--formats") {
      const std::string& f = value();
      if (f != "basic" && f != "all") usage_error("--formats: basic or all, got " + f);
      options.all_formats = f == "all";
    } else if (a == "--layouts") {
      const std::string& list = value();
      options.layouts.clear();
      if (list == "all") {
        for (int l = 0; l < kLayoutCount; ++l) options.layouts.push_back(static_cast<Layout>(l));
      } else {
        for (std::size_t start = 0; start <= list.size();) {
          std::size_t comma = list.find(',', start);
          if (comma == std::string::npos) comma = list.size();
          const std::string name = list.substr(start, comma - start);
          const std::optional<Layout> layout = layout_from_name(name);
          if (!layout) usage_error("--layouts: unknown layout '" + name + "' (all, or some of: " + layout_names() + ")");
          options.layouts.push_back(*layout);
          start = comma + 1;
        }
      }
    } else if (a == "--jurisdictions") {
      const long long k = to_number(a, value());
      if (k < 1 || k > 100000) usage_error("--jurisdictions: need 1..100000, got " + std::to_string(k));
      options.jurisdictions = static_cast<int>(k);
    } else if (a == "--years") {
      const std::string& range = value();
      const std::size_t dash = range.find('-');
      if (dash == std::string::npos) usage_error("--years: expected FIRST-LAST, got " + range);
      options.first_year = static_cast<int>(to_number(a, range.substr(0, dash)));
      options.last_year = static_cast<int>(to_number(a, range.substr(dash + 1)));
      if (options.first_year < 1949 || options.last_year > 2100 || options.last_year < options.first_year)
        usage_error("--years: need 1949 <= FIRST <= LAST <= 2100, got " + range);
    } else if (a == "--successions") {
      successions_path = value();
    } else if (a == "--reform-year") {
      options.reform_year = static_cast<int>(to_number(a, value()));
    } else if (a == "--planted") {
      planted_path = value();
    } else if (a == "--force") {
      force = true;
    } else if (a == "--check") {
      check_files.push_back(value());
      check_files.push_back(value());
    } else if (a == "--max-report") {
      check_options.max_report = static_cast<std::size_t>(to_number(a, value()));
    } else {
      usage_error("unknown argument: " + a);
    }
  }

  try {
    if (!check_files.empty()) return check(check_files[0], check_files[1], check_options, std::cout);

    if (out_dir.empty() || documents < 0 || !have_seed) usage_error("--out, --documents and --seed are required");
    if (options.first_year > 0) {
      if (options.jurisdictions <= 0) usage_error("--years needs --jurisdictions K: the places that recur");
      const long long span = options.last_year - options.first_year + 1;
      if (documents > span * options.jurisdictions)
        usage_error("--years: --documents " + std::to_string(documents) + " is more than " +
                    std::to_string(options.jurisdictions) + " places x " + std::to_string(span) + " years");
      if (options.reform_year == 0) options.reform_year = options.first_year + static_cast<int>(span / 2);
    } else if (options.reform_year != 0) {
      usage_error("--reform-year is for --years");
    }
    namespace fs = std::filesystem;
    if (fs::exists(out_dir) && !fs::is_empty(out_dir) && !force)
      usage_error(out_dir + ": not empty (use --force to write into it anyway)");
    fs::create_directories(out_dir);
    if (planted_path.empty()) planted_path = (fs::path(out_dir) / "planted.json").string();

    const auto start = std::chrono::steady_clock::now();
    Generator generator(options);
    PlantedWriter planted(planted_path, options, static_cast<std::size_t>(documents));
    std::size_t files = 0, bytes = 0, gb18030 = 0, tasks = 0;
    for (long long d = 0; d < documents; ++d) {
      for (const GeneratedFile& file : generator.next_document()) {
        const fs::path path = fs::path(out_dir) / file.name;
        std::ofstream out(path, std::ios::binary);
        out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
        if (!out) throw std::runtime_error(path.string() + ": cannot write");
        ++files;
        bytes += file.bytes.size();
        gb18030 += file.encoding == "GB18030";
        tasks += file.tasks.size();
        planted.add(file);
      }
    }
    planted.close();
    if (options.first_year > 0) {
      const fs::path path = successions_path.empty() ? fs::path(planted_path).parent_path() / "successions.tsv"
                                                     : fs::path(successions_path);
      std::ofstream out(path, std::ios::binary);
      out << successions_tsv(generator, options);
      if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "agencygraph-gencorpus: %lld documents, %zu files (%zu GB18030), %zu tasks, %.1f MB in %s; planted "
                 "extraction in %s (%.2f s, %.0f MB/s)\n",
                 documents, files, gb18030, tasks, static_cast<double>(bytes) / 1e6, out_dir.c_str(), planted_path.c_str(),
                 seconds, static_cast<double>(bytes) / 1e6 / (seconds > 0 ? seconds : 1e-9));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "agencygraph-gencorpus: %s\n", e.what());
    return 2;
  }
}
