// Eigenvector centrality: NetworkX 2.8's shifted power iteration (see eigenvector.hpp), computed
// per weakly connected component.
//
// NetworkX iterates x_k = B x_{k-1} / ||B x_{k-1}||_2 with B = A^T + I over the whole graph and stops
// at the first k with ||x_k - x_{k-1}||_1 < n tol. B is block-diagonal over components, and the
// normalisation is one scalar per step, so with y_k^c = B_c^k x_0^c / ||B_c^k x_0^c||_2 (component c's
// own normalised iterate, k >= 1; y_0^c = x_0^c) the global iterate is x_k^c = s_k^c y_k^c, where the
// shares s^c follow (s_0^c = 1)
//   s_k^c = s_{k-1}^c g_k^c / G_k,  g_k^c = ||B_c y_{k-1}^c||_2,  G_k = sqrt(sum_c (s_{k-1}^c g_k^c)^2),
// and ||x_k - x_{k-1}||_1 = sum_c sum_v |s_k^c y_k^c(v) - s_{k-1}^c y_{k-1}^c(v)|. So:
//
//  1. Each component iterates y^c on its own (in parallel, in cache) until y^c stops changing
//     (max change <= kFreeze and still shrinking, or exactly 0): from then on y^c is fixed and its
//     growth g^c constant. A step's record keeps what the L1 change needs: g, ||y_{k-1}||_1,
//     ||y_k||_1 and t_lo = min over v of y_{k-1}(v) / y_k(v); for a factor t = s_k / s_{k-1} <= t_lo,
//     sum_v |t y_k(v) - y_{k-1}(v)| = ||y_{k-1}||_1 - t ||y_k||_1 without looking at y again.
//  2. A scalar pass over the steps computes G_k and the shares, and lists the (component, step)
//     pairs whose factor t exceeds t_lo (the leading components): these are recomputed exactly by
//     re-running those components' iterations (deterministic, so the same y_k).
//  3. A second scalar pass sums the L1 changes and stops at the first step below n tol.
// Components that have not stopped changing by the horizon (slow or non-convergent ones) are
// advanced further in rounds of growing horizon, up to max_iter. A graph of mostly tiny components
// (more than (n + m) / 8 of them) is iterated whole instead, as NetworkX does: the bookkeeping per
// component and step would cost more than the step. A round's records are dropped once
// its steps are checked, and every component's iterate at the round's start is kept (one vector of
// n values), so re-runs start there, not at step 0; the rounds are short enough that the records of
// one round stay within a small multiple of n. Memory thus follows the graph's size, not
// components x steps: a graph of thousands of small components that never converge (DAGs) would
// otherwise hold a record per component per step, up to max_iter. A component whose share has
// underflowed to 0 is finished: its values are 0 (NetworkX's are below 1e-300 there).
//
// The arithmetic differs from NetworkX's (per-component normalisation, shares), so values agree to
// rounding (about 1e-15 on a vector of norm 1), not bit for bit; the iteration count is the same
// unless the L1 change of the last step lies within rounding of n tol.
#include "analysis/eigenvector.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "analysis/components.hpp"
#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

// y^c stops being iterated once no entry changed by more than this in a step (and the change
// still shrank by a quarter), or none changed at all. Below it, what remains is rounding noise.
constexpr double kFreeze = 1e-15;

struct StepRecord {
  double growth;    // g_k = ||B y_{k-1}||_2
  double l1_old;    // ||y_{k-1}||_1
  double l1_new;    // ||y_k||_1
  double t_lo;      // min over v with y_k(v) > 0 of y_{k-1}(v) / y_k(v)
};

struct Component {
  std::size_t off = 0, size = 0;
  std::size_t computed = 0;         // steps 1 .. computed have been computed
  std::size_t first_kept = 0;       // records[i] is step first_kept + 1 + i (earlier ones checked and dropped)
  std::vector<StepRecord> records;
  StepRecord last{};                // step `computed`'s record
  bool frozen = false;            // y is fixed from step `computed` on
  double last_change = std::numeric_limits<double>::infinity();
  bool dead = false;              // share underflowed to 0: values 0 from then on
};

// One component's iteration on local indices of the renumbered graph.
struct LocalIteration {
  const SimpleDigraph& g;
  std::size_t off, size;

  // y_0 = x_0 restricted to the component (every entry 1/n, share 1), so that the first step is
  // NetworkX's first step; from y_1 on, y is normalised.
  void start(std::span<double> y) const {
    std::fill(y.begin(), y.end(), 1.0 / static_cast<double>(g.n));
  }
  // z = B y / ||B y||; returns ||B y||.
  double step(std::span<const double> y, std::span<double> z) const {
    const auto local_off = static_cast<Vertex>(off);
    double squares = 0.0;
    for (std::size_t v = 0; v < size; ++v) {
      double value = y[v];
      const std::size_t row = off + v;
      for (std::size_t i = g.in.begin[row]; i < g.in.begin[row + 1]; ++i) {
        value += y[g.in.vertex[i] - local_off] * g.in.weight[i];
      }
      z[v] = value;
      squares += value * value;
    }
    const double norm = std::sqrt(squares);  // > 0: B >= I and y != 0
    for (std::size_t v = 0; v < size; ++v) z[v] /= norm;
    return norm;
  }
};

StepRecord record(double growth, std::span<const double> y_old, std::span<const double> y_new) {
  StepRecord r{growth, 0.0, 0.0, std::numeric_limits<double>::infinity()};
  for (std::size_t v = 0; v < y_new.size(); ++v) {
    r.l1_old += y_old[v];
    r.l1_new += y_new[v];
    if (y_new[v] > 0.0) r.t_lo = std::min(r.t_lo, y_old[v] / y_new[v]);
  }
  return r;
}

// sum_v |t y_new(v) - y_old(v)|
double l1_change(double t, std::span<const double> y_old, std::span<const double> y_new) {
  double sum = 0.0;
  for (std::size_t v = 0; v < y_new.size(); ++v) sum += std::abs(t * y_new[v] - y_old[v]);
  return sum;
}

// NetworkX's iteration itself, over the whole (renumbered) graph: x0 = 1/n, x' = (A^T + I) x / ||.||_2,
// stop at the first step whose L1 change is below n tol. O(n + m) per step and O(n) memory. Values are
// indexed by the original vertex.
PowerIteration whole_graph_iteration(const SimpleDigraph& g, const ComponentOrder& order, double tol,
                                     std::size_t max_iter) {
  const std::size_t n = g.n;
  PowerIteration r;
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n);
  const double threshold = static_cast<double>(n) * tol;
  for (std::size_t k = 1; k <= max_iter; ++k) {
    double squares = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      double value = x[v];
      for (std::size_t i = g.in.begin[v]; i < g.in.begin[v + 1]; ++i) value += x[g.in.vertex[i]] * g.in.weight[i];
      next[v] = value;
      squares += value * value;
    }
    const double norm = std::sqrt(squares);
    double err = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      next[v] /= norm;
      err += std::abs(next[v] - x[v]);
    }
    x.swap(next);
    if (err < threshold) {
      r.converged = true;
      r.iterations = k;
      r.values.assign(n, 0.0);
      for (std::size_t p = 0; p < n; ++p) r.values[order.vertex[p]] = x[p];
      return r;
    }
  }
  r.iterations = max_iter;
  r.values.assign(n, 0.0);
  return r;
}

// The per-component scheme's bookkeeping (a step record, a share, perhaps a re-run entry) costs
// about as much per component and step as this many vertices or arcs of a plain step: a graph with
// more components than (n + m) / kComponentCost (thousands of one-task components) is iterated whole.
constexpr std::size_t kComponentCost = 8;

// An L1 change that needs the vectors: component c at step k, factor t, previous share s.
struct Exact {
  std::size_t step, component;
  double t, share;
  double value = 0.0;
};

}  // namespace

PowerIteration eigenvector_centrality(const SimpleDigraph& g, const ComponentOrder& order, double tol,
                                      std::size_t max_iter, unsigned threads) {
  const std::size_t n = g.n;
  PowerIteration r;
  if (n == 0) {
    r.converged = true;
    return r;
  }
  const std::size_t count = order.count();
  if (count * kComponentCost > n + g.arc_count()) return whole_graph_iteration(g, order, tol, max_iter);
  std::vector<Component> comps(count);
  for (std::size_t c = 0; c < count; ++c) {
    comps[c].off = order.begin[c];
    comps[c].size = order.size(c);
  }
  std::vector<double> y(n);  // by position: each component's current iterate
  for (const Component& c : comps) {
    LocalIteration{g, c.off, c.size}.start(std::span(y).subspan(c.off, c.size));
  }
  // Shares: y_0 is x_0 itself, so s_0 = 1 for every component.
  std::vector<double> share(count, 1.0);

  const std::vector<std::size_t> by_size = detail::largest_first(order);
  const std::size_t largest = order.largest();
  const double threshold = static_cast<double>(n) * tol;
  // Each component's iterate at the start of the current round (step `done`): re-runs start there.
  std::vector<double> checkpoint = y;
  // A round computes at most `window_cap` steps per component, so that its records (and the L1
  // changes listed for re-runs) stay within about 16 per vertex however many components there are.
  const std::size_t window_cap = std::max<std::size_t>(8, 16 * n / count);

  // Advances every live component that still changes to step `horizon` (or until it freezes).
  auto advance = [&](std::size_t horizon) {
    detail::parallel_for_each(
        count, threads, [largest] { return std::vector<double>(largest); },
        [&](std::vector<double>& z, std::size_t i) {
          Component& c = comps[by_size[i]];
          if (c.frozen || c.dead) return;
          const LocalIteration it{g, c.off, c.size};
          const std::span<double> yc = std::span(y).subspan(c.off, c.size);
          const std::span<double> zc = std::span(z).first(c.size);
          while (c.computed < horizon) {
            const double growth = it.step(yc, zc);
            c.last = record(growth, yc, zc);
            c.records.push_back(c.last);
            ++c.computed;
            double change = 0.0;
            for (std::size_t v = 0; v < c.size; ++v) change = std::max(change, std::abs(zc[v] - yc[v]));
            std::copy(zc.begin(), zc.end(), yc.begin());
            if (change == 0.0 || (change <= kFreeze && change <= 0.75 * c.last_change)) {
              c.frozen = true;
              break;
            }
            c.last_change = change;
          }
        },
        1);
  };

  // The growth of component c at step k (its last one once frozen), or -1 if c has no step k yet.
  auto step_record = [](const Component& c, std::size_t k) -> const StepRecord& {
    return c.records[k - 1 - c.first_kept];
  };
  auto growth_at = [&](const Component& c, std::size_t k) {
    if (k <= c.computed) return step_record(c, k).growth;
    return c.frozen ? c.last.growth : -1.0;
  };
  // One scalar step k from `s` (shares at k-1): G_k, then for each live component c
  // visit(c, g_k^c, G_k, s_{k-1}^c) before its share becomes s_k^c = s_{k-1}^c g_k^c / G_k.
  auto scalar_step = [&](std::size_t k, std::vector<double>& s, auto visit) {
    double top = 0.0;
    for (std::size_t c = 0; c < count; ++c) {
      if (s[c] != 0.0) top = std::max(top, growth_at(comps[c], k));
    }
    double squares = 0.0;
    for (std::size_t c = 0; c < count; ++c) {
      if (s[c] == 0.0) continue;
      const double scaled = s[c] * (growth_at(comps[c], k) / top);
      squares += scaled * scaled;
    }
    const double total = top * std::sqrt(squares);  // G_k
    for (std::size_t c = 0; c < count; ++c) {
      if (s[c] == 0.0) continue;
      const double gc = growth_at(comps[c], k);
      visit(c, gc, total, s[c]);
      s[c] *= gc / total;
    }
  };

  std::size_t done = 0;  // steps whose L1 change has been checked
  std::size_t window = std::min<std::size_t>(256, window_cap);
  std::size_t horizon = 0;
  std::size_t round_start = 0;  // the step of `checkpoint`
  std::size_t converged_at = 0;
  for (;;) {
    round_start = done;
    horizon = std::min(max_iter, done + window);
    advance(horizon);

    // Pass 2: shares up to the horizon, and the L1 changes that need the vectors.
    std::vector<Exact> exact;
    {
      std::vector<double> s = share;
      for (std::size_t k = done + 1; k <= horizon; ++k) {
        scalar_step(k, s, [&](std::size_t c, double gc, double total, double before) {
          const double t = gc / total;
          if (k <= comps[c].computed && t > step_record(comps[c], k).t_lo) exact.push_back({k, c, t, before});
        });
      }
    }
    // Re-run the components concerned (each up to its last listed step), in parallel. entries
    // lists each component's entries (in step order) after the others': [entry_begin[c], ...).
    {
      std::vector<std::size_t> entry_begin(count + 1, 0), entries(exact.size());
      for (const Exact& e : exact) ++entry_begin[e.component + 1];
      for (std::size_t c = 0; c < count; ++c) entry_begin[c + 1] += entry_begin[c];
      {
        std::vector<std::size_t> next(entry_begin.begin(), entry_begin.end() - 1);
        for (std::size_t i = 0; i < exact.size(); ++i) entries[next[exact[i].component]++] = i;
      }
      std::vector<std::size_t> rerun;
      for (std::size_t c = 0; c < count; ++c) {
        if (entry_begin[c + 1] > entry_begin[c]) rerun.push_back(c);
      }
      detail::parallel_for_each(
          rerun.size(), threads, [largest] { return std::vector<double>(2 * largest); },
          [&](std::vector<double>& work, std::size_t i) {
            const std::size_t c = rerun[i];
            const LocalIteration it{g, comps[c].off, comps[c].size};
            std::span<double> a = std::span(work).first(comps[c].size);
            std::span<double> b = std::span(work).subspan(largest, comps[c].size);
            // A component listed here had not frozen before this round: its checkpoint is at round_start.
            const auto from = std::span(checkpoint).subspan(comps[c].off, comps[c].size);
            std::copy(from.begin(), from.end(), a.begin());
            std::size_t k = round_start;
            for (std::size_t j = entry_begin[c]; j < entry_begin[c + 1]; ++j) {
              Exact& e = exact[entries[j]];
              while (k < e.step) {
                it.step(a, b);
                std::swap(a, b);
                ++k;
              }
              e.value = e.share * l1_change(e.t, b, a);  // b: y_{k-1}, a: y_k
            }
          },
          1);
    }
    // Pass 3: the L1 change of each step, in component order; stop at the first below n tol.
    {
      std::size_t next_exact = 0;
      for (std::size_t k = done + 1; k <= horizon && converged_at == 0; ++k) {
        double err = 0.0;
        scalar_step(k, share, [&](std::size_t c, double gc, double total, double before) {
          const Component& comp = comps[c];
          if (k <= comp.computed) {
            const StepRecord& step = step_record(comp, k);
            const double t = gc / total;
            if (t > step.t_lo) {
              err += exact[next_exact++].value;
            } else {
              err += before * (step.l1_old - t * step.l1_new);
            }
          } else {  // frozen: y fixed, only the share moves
            err += before * (std::abs(gc - total) / total) * comp.last.l1_new;
          }
        });
        for (std::size_t c = 0; c < count; ++c) {
          if (share[c] == 0.0) comps[c].dead = true;
        }
        done = k;
        if (err < threshold) converged_at = k;
      }
    }
    if (converged_at != 0 || done >= max_iter) break;
    // The round's steps are checked: drop their records, and start the next round from here.
    for (Component& c : comps) {
      c.records.clear();
      c.first_kept = c.computed;
    }
    checkpoint = y;
    window = std::min(window_cap, 3 * horizon);
    bool all_fixed = true;
    for (const Component& c : comps) all_fixed = all_fixed && (c.dead || c.frozen);
    if (all_fixed) {
      // Nothing changes direction any more: only the shares move, step by step.
      for (std::size_t k = done + 1; k <= max_iter && converged_at == 0; ++k) {
        double err = 0.0;
        scalar_step(k, share, [&](std::size_t c, double gc, double total, double before) {
          err += before * (std::abs(gc - total) / total) * comps[c].last.l1_new;
        });
        done = k;
        if (err < threshold) converged_at = k;
      }
      break;
    }
  }

  if (converged_at == 0) {
    r.iterations = max_iter;
    r.values.assign(n, 0.0);
    return r;
  }
  r.converged = true;
  r.iterations = converged_at;
  r.values.assign(n, 0.0);
  // y holds each component's iterate at `computed` (frozen: from then on); components that went
  // further than the converged step had not frozen at the last round's start: they are re-run to it
  // from their checkpoint.
  detail::parallel_for_each(
      count, threads, [largest] { return std::vector<double>(2 * largest); },
      [&](std::vector<double>& work, std::size_t c) {
        const Component& comp = comps[c];
        if (share[c] == 0.0) return;
        std::span<const double> yc = std::span(y).subspan(comp.off, comp.size);
        std::span<double> a = std::span(work).first(comp.size);
        if (comp.computed > converged_at) {
          std::span<double> b = std::span(work).subspan(largest, comp.size);
          const LocalIteration it{g, comp.off, comp.size};
          const auto from = std::span(checkpoint).subspan(comp.off, comp.size);
          std::copy(from.begin(), from.end(), a.begin());
          for (std::size_t k = round_start; k < converged_at; ++k) {
            it.step(a, b);
            std::swap(a, b);
          }
          yc = a;
        }
        for (std::size_t v = 0; v < comp.size; ++v) r.values[order.vertex[comp.off + v]] = share[c] * yc[v];
      },
      1);
  return r;
}

PowerIteration eigenvector_centrality(const SimpleDigraph& g, double tol, std::size_t max_iter, unsigned threads) {
  const ComponentOrder order = component_order(g);
  return eigenvector_centrality(renumber(g, order), order, tol, max_iter, threads);
}

}  // namespace agencygraph::analysis
