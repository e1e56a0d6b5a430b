// What a run tells about itself on stderr: per-stage wall times (--timings) and, on a terminal,
// a progress line for runs longer than a second (silenced by --quiet).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agencygraph::cli {

struct RunReport {
  bool timings = false;
  bool quiet = false;
  struct StageRecord {
    std::string name;
    double seconds = 0;
    double cpu_seconds = 0;  // user + system time of all the process's threads during the stage
    double peak_rss_mb = 0;  // the process's peak resident set size when the stage ended
  };
  std::vector<StageRecord> stages;  // in order
  struct StepRecord {
    std::string stage;  // the stage it is part of
    std::string name;
    double seconds = 0;
  };
  std::vector<StepRecord> steps;  // parts of a stage (analyse's measures), printed under it
};

RunReport& run_report();

// Times one stage of the run, from construction to destruction.
class Stage {
 public:
  explicit Stage(std::string name);
  ~Stage();
  Stage(const Stage&) = delete;
  Stage& operator=(const Stage&) = delete;

 private:
  std::string name_;
  std::chrono::steady_clock::time_point start_;
  double start_cpu_seconds_;
};

// Records a step of `stage` (printed indented under it by print_timings).
void record_step(const std::string& stage, std::string_view name, double seconds);

// Prints the stage table on stderr when --timings was given.
void print_timings();

// Reports progress of a stage: `done` of `total` items; thread-safe; prints only on a terminal,
// only after the first second, at most ten times a second, and never with --quiet.
class Progress {
 public:
  explicit Progress(const char* what);
  ~Progress();
  void advance(std::size_t done, std::size_t total);

 private:
  const char* what_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
  bool enabled_;
  bool printed_ = false;
};

}  // namespace agencygraph::cli
