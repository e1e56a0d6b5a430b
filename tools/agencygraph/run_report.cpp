#include "run_report.hpp"

#include <cstdio>
#include <mutex>

#include <unistd.h>

namespace agencygraph::cli {
namespace {
std::mutex& print_mutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

RunReport& run_report() {
  static RunReport report;
  return report;
}

Stage::~Stage() {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  run_report().stages.emplace_back(std::move(name_), elapsed.count());
}

void print_timings() {
  const RunReport& report = run_report();
  if (!report.timings) return;
  double total = 0;
  for (const auto& [name, seconds] : report.stages) total += seconds;
  std::fprintf(stderr, "timings (wall seconds):\n");
  for (const auto& [name, seconds] : report.stages)
    std::fprintf(stderr, "  %-28s %9.3f  %5.1f%%\n", name.c_str(), seconds, total > 0 ? 100 * seconds / total : 0.0);
  std::fprintf(stderr, "  %-28s %9.3f\n", "total", total);
}

Progress::Progress(const char* what)
    : what_(what),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_),
      enabled_(!run_report().quiet && isatty(STDERR_FILENO) == 1) {}

void Progress::advance(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(print_mutex());
  if (now - start_ < std::chrono::seconds(1) || now - last_print_ < std::chrono::milliseconds(100)) return;
  last_print_ = now;
  printed_ = true;
  std::fprintf(stderr, "\r\033[Kagencygraph: %s %zu/%zu", what_, done, total);
  std::fflush(stderr);
}

Progress::~Progress() {
  if (printed_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace agencygraph::cli
