// Weighted PageRank by power iteration, step for step NetworkX 2.8's pagerank_scipy.
//
// Each step computes, for every vertex v in turn, flow(v) = sum over in-arcs u->v (in source order)
// of x(u) * p(u,v) with p(u,v) = (1 / out_strength(u)) * w(u,v), then
// x'(v) = alpha * (flow(v) + dangling_mass / n) + (1 - alpha) / n; the dangling mass is summed over
// the dangling vertices in index order. These are the same floating-point operations whatever the
// thread count, so the values are identical bit for bit with 1 or many threads. Vertices are split
// into fixed chunks; the L1 change is summed per chunk and the chunks in order (it only decides
// when to stop).
//
// The power iteration streams the in-arcs once per step, so it is memory-bound: arcs are stored as
// (source, weight) with the weight as a float when every weight is exactly a float (task counts
// are), and x(u) is stored next to 1/out_strength(u), so each arc reads 8 bytes plus one cache line
// holding both factors of p(u,v).
#include "analysis/pagerank.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

struct State {
  double x;        // current value
  double inverse;  // 1 / out_strength, 0 for a dangling vertex
};

constexpr std::size_t kChunks = 64;

// Below this many arcs plus vertices one thread is as fast or faster: the threads meet at a barrier
// every step, and waking a waiting thread costs more than a small step (measurements in
// docs/performance.md, ninth round).
constexpr std::size_t kTeamWork = std::size_t{1} << 17;

// The weight of in-arc i, stored as a float or a double.
template <class T>
struct DirectWeight {
  const T* weight;
  double operator[](std::size_t i) const { return static_cast<double>(weight[i]); }
};

template <class Weight>
PowerIteration iterate(const SimpleDigraph& g, Weight w, double alpha, double tol, std::size_t max_iter,
                       unsigned threads) {
  const std::size_t n = g.n;
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<State> a(n), b(n);
  std::vector<Vertex> dangling;
  for (Vertex u = 0; u < n; ++u) {
    double s = 0.0;
    for (double weight : g.out.weights(u)) s += weight;
    if (s != 0.0) {
      a[u].inverse = 1.0 / s;
    } else {
      a[u].inverse = 0.0;
      dangling.push_back(u);
    }
    a[u].x = uniform;
    b[u].inverse = a[u].inverse;
  }
  // Chunk k: vertices [cut[k], cut[k+1]), about equal numbers of arcs plus vertices.
  const std::size_t chunks = std::min(kChunks, n);
  std::vector<std::size_t> cut(chunks + 1, n);
  {
    const std::size_t total = g.in.vertex.size() + n;
    std::size_t v = 0;
    for (std::size_t k = 0; k < chunks; ++k) {
      cut[k] = v;
      const std::size_t goal = total * (k + 1) / chunks;
      while (v < n && g.in.begin[v] + v < goal) ++v;
    }
    cut[chunks] = n;
  }
  std::vector<double> chunk_err[2] = {std::vector<double>(chunks), std::vector<double>(chunks)};

  PowerIteration r;
  const unsigned team = g.in.vertex.size() + n < kTeamWork ? 1u : detail::resolve_threads(threads, chunks);
  const Vertex* source = g.in.vertex.data();
  const std::size_t* begin = g.in.begin.data();
  detail::run_team(team, [&](unsigned t, auto sync) {
    State* x = a.data();  // read only during a step
    State* next = b.data();
    const std::size_t first_chunk = chunks * t / team, last_chunk = chunks * (t + 1) / team;
    for (std::size_t iteration = 1; iteration <= max_iter; ++iteration) {
      // Every thread sums the dangling mass itself, in the same order: the same value everywhere.
      double dangling_mass = 0.0;
      for (Vertex u : dangling) dangling_mass += x[u].x;
      const double teleport = dangling_mass * uniform;
      std::vector<double>& errs = chunk_err[iteration & 1];
      for (std::size_t k = first_chunk; k < last_chunk; ++k) {
        double err = 0.0;
        for (std::size_t v = cut[k]; v < cut[k + 1]; ++v) {
          double flow = 0.0;
          for (std::size_t i = begin[v]; i < begin[v + 1]; ++i) {
            const State& s = x[source[i]];
            flow += s.x * (s.inverse * w[i]);
          }
          const double value = alpha * (flow + teleport) + (1.0 - alpha) * uniform;
          next[v].x = value;
          err += std::abs(value - x[v].x);
        }
        errs[k] = err;
      }
      sync();  // every chunk of this step is written; nobody reads the previous x any more
      double err = 0.0;
      for (double e : errs) err += e;
      std::swap(x, next);
      if (err < static_cast<double>(n) * tol) {
        if (t == 0) {
          r.converged = true;
          r.iterations = iteration;
          r.values.resize(n);
          for (std::size_t v = 0; v < n; ++v) r.values[v] = x[v].x;
        }
        return;
      }
    }
    if (t == 0) {
      r.iterations = max_iter;
      r.values.resize(n);
      for (std::size_t v = 0; v < n; ++v) r.values[v] = x[v].x;
    }
  });
  return r;
}

}  // namespace

PowerIteration pagerank(const SimpleDigraph& g, double alpha, double tol, std::size_t max_iter, unsigned threads) {
  if (g.n == 0) {
    PowerIteration r;
    r.converged = true;
    return r;
  }
  // Weights as floats when all are floats exactly (task counts are), else as doubles: the same values.
  bool floats = true;
  for (double weight : g.in.weight) floats = floats && static_cast<double>(static_cast<float>(weight)) == weight;
  if (floats) {
    std::vector<float> weight(g.in.weight.begin(), g.in.weight.end());
    return iterate(g, DirectWeight<float>{weight.data()}, alpha, tol, max_iter, threads);
  }
  return iterate(g, DirectWeight<double>{g.in.weight.data()}, alpha, tol, max_iter, threads);
}

}  // namespace agencygraph::analysis
