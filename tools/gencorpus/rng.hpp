// Deterministic randomness for the corpus generator.
//
// std::mt19937_64 is specified bit for bit by the standard, but the std distributions are not
// (libstdc++ and libc++ give different numbers for the same engine state). Every draw therefore goes
// through the helpers below, so a seed gives the same corpus with any standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace agencygraph::gencorpus {

// splitmix64: turns (seed, index) into independent engine seeds, so document i is the same whatever
// the number of documents requested.
inline std::uint64_t mix_seed(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }

  // Uniform in [0, n), by rejection: no modulo bias. n must be > 0.
  std::size_t index(std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % range);
    std::uint64_t x = engine_();
    while (x >= limit) x = engine_();
    return static_cast<std::size_t>(x % range);
  }

  // Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(index(static_cast<std::size_t>(hi - lo) + 1)); }

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return unit() < p; }

  template <typename T>
  const T& pick(const std::vector<T>& items) { return items[index(items.size())]; }

  // 1 + number of failures before the first success, capped: a heavy-ish tail for list lengths.
  int geometric(double p_stop, int cap) {
    int n = 1;
    while (n < cap && !chance(p_stop)) ++n;
    return n;
  }

 private:
  std::mt19937_64 engine_;
};

// Index into a table of non-negative weights, by binary search over the cumulative sums.
class Weighted {
 public:
  Weighted() = default;
  explicit Weighted(const std::vector<double>& weights) {
    double sum = 0;
    cumulative_.reserve(weights.size());
    for (double w : weights) cumulative_.push_back(sum += w);
  }
  std::size_t draw(Rng& rng) const {
    const double x = rng.unit() * cumulative_.back();
    std::size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] > x) hi = mid; else lo = mid + 1;
    }
    return lo;
  }
  std::size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

// Zipf–Mandelbrot popularity over ranks 0..n-1: weight 1/(rank + q). Only divisions, so the table is
// the same on every IEEE platform (std::pow need not be correctly rounded).
inline Weighted zipf(std::size_t n, double q) {
  std::vector<double> weights(n);
  for (std::size_t r = 0; r < n; ++r) weights[r] = 1.0 / (static_cast<double>(r) + q);
  return Weighted(weights);
}

}  // namespace agencygraph::gencorpus
