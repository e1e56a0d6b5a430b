#include "run_report.hpp"
#include "safe_stderr.hpp"

#include <cstdio>
#include <mutex>

#include <sys/resource.h>
#include <unistd.h>

namespace agencygraph::cli {
namespace {
// getrusage's ru_maxrss is in kilobytes on Linux.
double peak_rss_mb() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// User plus system time of every thread of the process so far; with the wall time it shows how
// well a stage used the cores.
double process_cpu_seconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::mutex& print_mutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

RunReport& run_report() {
  static RunReport report;
  return report;
}

Stage::Stage(std::string name)
    : name_(std::move(name)), start_(std::chrono::steady_clock::now()), start_cpu_seconds_(process_cpu_seconds()) {}

Stage::~Stage() {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  run_report().stages.push_back(
      {std::move(name_), elapsed.count(), process_cpu_seconds() - start_cpu_seconds_, peak_rss_mb()});
}

void record_step(const std::string& stage, std::string_view name, double seconds) {
  run_report().steps.push_back({stage, std::string(name), seconds});
}

void print_timings() {
  const RunReport& report = run_report();
  if (!report.timings) return;
  double total = 0;
  double total_cpu = 0;
  for (const auto& stage : report.stages) {
    total += stage.seconds;
    total_cpu += stage.cpu_seconds;
  }
  std::fprintf(stderr,
               "timings (wall seconds; share of the wall time; CPU seconds of all threads; "
               "peak RSS of the process when the stage ended):\n");
  for (const auto& stage : report.stages) {
    std::fprintf(stderr, "  %-28s %9.3f  %5.1f%%  %6.2f cpu  %8.0f MB\n", stage.name.c_str(), stage.seconds,
                 total > 0 ? 100 * stage.seconds / total : 0.0, stage.cpu_seconds, stage.peak_rss_mb);
    for (const auto& step : report.steps)
      if (step.stage == stage.name) std::fprintf(stderr, "    %-26s %9.3f\n", step.name.c_str(), step.seconds);
  }
  std::fprintf(stderr, "  %-28s %9.3f          %6.2f cpu\n", "total", total, total_cpu);
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
  // The progress line's own escapes go around the filter that makes messages' text inert (safe_stderr.hpp).
  std::fflush(stderr);
  std::fprintf(raw_stderr(), "\r\033[Kagencygraph: %s %zu/%zu", what_, done, total);
  std::fflush(raw_stderr());
}

Progress::~Progress() {
  if (printed_) std::fprintf(raw_stderr(), "\r\033[K");
}

}  // namespace agencygraph::cli
