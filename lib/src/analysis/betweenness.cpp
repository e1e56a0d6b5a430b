// Brandes' betweenness (2001), unweighted (BFS) or with distance 1/weight (Dijkstra).
//
// Every sweep runs inside one weakly connected component on component-local indices (see
// ComponentOrder), so its scratch space has the component's size and stays in cache; the sums over
// sources are formed by detail::component_source_sum in a fixed order.
//
// Accumulation: NetworkX adds delta(v) += sigma(v) * (1 + delta(w)) / sigma(w) over the successors
// w of v on shortest paths from the source. Here each vertex pulls the same sum in one go,
//   delta(v) = sigma(v) * sum over successors w, in increasing index order, of coeff(w),
//   coeff(w) = (1 + delta(w)) / sigma(w),
// processing vertices in non-increasing distance, which needs no write to another vertex's record.
// The result equals NetworkX's up to rounding (the factor sigma(v) is applied once to the sum);
// sigma itself is an integer and exact whatever the order of its additions.
//
// Unweighted sweeps in a component of up to 64 * kMaxWords vertices whose arcs are not too sparse
// use bitsets of the component's vertices: a BFS level is the OR of its vertices' out-neighbour
// sets minus the visited set, and the shortest-path predecessors (successors) of a vertex are its
// in- (out-) neighbour set ANDed with the previous (next) level, so only arcs of the shortest-path
// DAG are visited one by one. The other components use the CSR lists. Both visit successors in
// increasing index order and sum sigma exactly, so they give the same bits.
#include "analysis/betweenness.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>

#include "analysis/components.hpp"
#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

using Word = std::uint64_t;
constexpr std::size_t kMaxWords = 8;  // bitset sweeps for components of up to 512 vertices
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// x if keep, else +0.0, without a branch (the compiler turns `keep ? x : 0.0` and `x * keep` into
// jumps, which mispredict when `keep` has no pattern). Adding +0.0 to a sum of non-negative numbers
// changes none of its bits.
inline double keep_if(bool keep, double x) {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) & (std::uint64_t{0} - std::uint64_t{keep}));
}

struct HeapEntry {
  double dist;
  Vertex v;
};

// Dial-style buckets of width `width` <= half the component's shortest arc, in a ring of `size`
// (a power of two) buckets covering more than the longest arc. A vertex reached through an arc of
// the current bucket lands at least two buckets later, so the lowest non-empty bucket holds only
// final distances and its vertices are on no shortest path through each other: they are settled
// together, in any order. Entries are lazy (a shorter path adds another; stale ones are skipped).
struct Buckets {
  double width = 0.0, inverse_width = 0.0;
  std::size_t size = 0;                // ring size, a power of two
  std::vector<std::int32_t> head;      // by ring slot: first entry, -1 if none
  std::vector<Word> nonempty;          // by ring slot
  std::vector<Vertex> entry_vertex;    // entries: vertex and next entry in its bucket
  std::vector<std::int32_t> entry_next;
  std::size_t entries = 0;
  std::uint64_t current = 0;           // absolute index of the bucket being settled

  // Sets the geometry for arcs of lengths [shortest, longest]; false if the ring would be too big.
  bool prepare(double shortest, double longest, std::size_t arcs) {
    if (!(shortest > 0.0) || !(longest / shortest < 2048.0)) return false;
    width = shortest / 2.0;
    inverse_width = 1.0 / width;
    size = std::bit_ceil(static_cast<std::size_t>(longest / width) + 3);
    head.assign(size, -1);
    nonempty.assign((size + 63) / 64, 0);
    if (entry_vertex.size() < arcs + 1) {
      entry_vertex.resize(arcs + 1);
      entry_next.resize(arcs + 1);
    }
    return true;
  }
  std::uint64_t index(double d) const { return static_cast<std::uint64_t>(d * inverse_width); }
  void push(Vertex v, double d) {
    const std::size_t slot = index(d) & (size - 1);
    entry_vertex[entries] = v;
    entry_next[entries] = head[slot];
    head[slot] = static_cast<std::int32_t>(entries++);
    nonempty[slot / 64] |= Word{1} << (slot % 64);
  }
  // Moves `current` to the next non-empty bucket; false when all are empty.
  bool next() {
    const std::size_t words = nonempty.size();
    std::size_t slot = current & (size - 1);
    for (std::size_t scanned = 0; scanned <= words; ++scanned) {
      const std::size_t w = slot / 64;
      const Word bits = nonempty[w] & (~Word{0} << (slot % 64));
      if (bits != 0) {
        const std::size_t found = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        current += (found - (current & (size - 1)) + size) & (size - 1);
        return true;
      }
      slot = ((w + 1) * 64) & (size - 1);
    }
    return false;
  }
  // Takes the current bucket's list (first entry, or -1).
  std::int32_t take() {
    const std::size_t slot = current & (size - 1);
    const std::int32_t first = head[slot];
    head[slot] = -1;
    nonempty[slot / 64] &= ~(Word{1} << (slot % 64));
    return first;
  }
  void reset() {
    entries = 0;
    current = 0;
  }
};

// Per-thread scratch, sized for the largest component; per-vertex entries are reset after each
// source only where its search reached.
struct Workspace {
  explicit Workspace(std::size_t largest)
      : sigma(largest, 0.0), coeff(largest, 0.0), hops(largest, -1), dist(largest, kInfinity),
        bound(largest, kInfinity),
        slot(largest, 0), queue(largest + 1), first_candidate(largest + 1) {
    heap.reserve(largest);
  }
  // The component being swept: its first position, size and (0: CSR) bitset width in words.
  std::size_t off = 0, size = 0, words = 0;

  std::vector<double> sigma;       // number of shortest paths from the source (an integer); set
                                   // when a vertex is reached, stale elsewhere
  std::vector<double> coeff;       // (1 + delta) / sigma, once final
  std::vector<std::int32_t> hops;  // BFS distance (-1 unreached)
  std::vector<double> dist;        // Dijkstra distance
  std::vector<double> bound;       // Dijkstra: dist while unsettled, -1 once settled (so that
                                   // length >= 0 never makes an arc into a settled vertex a candidate)
  std::vector<std::uint32_t> slot; // Dijkstra: index in the heap
  std::vector<Vertex> queue;       // vertices in the order reached / settled: Brandes' stack S
  std::vector<HeapEntry> heap;     // Dijkstra: 4-ary min-heap by (dist, vertex)
  std::vector<std::size_t> candidate;        // Dijkstra: arcs v->w that were at most w's distance
                                             // when v was settled (arcs of the component + 1)
  std::vector<std::size_t> first_candidate;  // by queue position: start of its candidates

  bool use_buckets = false;  // Dijkstra: settle by `buckets` rather than `heap`
  Buckets buckets;
  // Dijkstra: the component's arcs that can be on a shortest path (see prepare_arcs), as local
  // CSR rows with their lengths.
  std::vector<std::size_t> arc_begin;
  std::vector<Vertex> arc_target;
  std::vector<double> arc_length;
  std::vector<double> two_hop;  // by local vertex, scratch of prepare_arcs

  // Bitset sweeps: out- and in-neighbour sets (words per vertex), and the BFS levels' sets.
  std::vector<Word> out_bits, in_bits, level_bits;
  std::vector<std::size_t> level_start;  // queue positions where each level starts
};

// Unweighted, CSR lists. The BFS is branch-free (whether w is new differs from arc to arc).
void unweighted_sweep(const SimpleDigraph& g, Vertex s, Workspace& ws, std::span<double> acc) {
  double* sigma = ws.sigma.data();
  double* coeff = ws.coeff.data();
  std::int32_t* hops = ws.hops.data();
  Vertex* queue = ws.queue.data();  // one spare slot for the branch-free append
  const std::size_t* out_begin = g.out.begin.data() + ws.off;
  const Vertex* out_vertex = g.out.vertex.data();
  const auto off = static_cast<Vertex>(ws.off);
  std::size_t tail = 0;
  hops[s] = 0;
  sigma[s] = 1.0;
  queue[tail++] = s;
  for (std::size_t head = 0; head < tail; ++head) {
    const Vertex v = queue[head];
    const std::int32_t next_hops = hops[v] + 1;
    const double sigma_v = sigma[v];
    for (std::size_t i = out_begin[v]; i < out_begin[v + 1]; ++i) {
      const Vertex w = out_vertex[i] - off;
      const bool fresh = hops[w] < 0;
      queue[tail] = w;
      tail += fresh;
      hops[w] = fresh ? next_hops : hops[w];
      sigma[w] = keep_if(!fresh, sigma[w]) + keep_if(hops[w] == next_hops, sigma_v);
    }
  }
  for (std::size_t k = tail; k-- > 0;) {
    const Vertex v = queue[k];
    const std::int32_t next_hops = hops[v] + 1;
    double sum = 0.0;
    for (std::size_t i = out_begin[v]; i < out_begin[v + 1]; ++i) {
      const Vertex w = out_vertex[i] - off;
      sum += keep_if(hops[w] == next_hops, coeff[w]);
    }
    const double delta = sigma[v] * sum;
    coeff[v] = (1.0 + delta) / sigma[v];
    if (k > 0) acc[v] += delta;
  }
  for (std::size_t k = 0; k < tail; ++k) hops[queue[k]] = -1;
}

// Calls f(i) for each set bit i of the W words at `a & b`, in increasing order.
template <std::size_t W, class F>
inline void for_each_common(const Word* a, const Word* b, F f) {
  for (std::size_t j = 0; j < W; ++j) {
    Word bits = a[j] & b[j];
    while (bits != 0) {
      f(j * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      bits &= bits - 1;
    }
  }
}

// Unweighted, bitsets of W words (ws.out_bits / in_bits made by prepare_bits).
template <std::size_t W>
void bitset_sweep(Vertex s, Workspace& ws, std::span<double> acc) {
  double* sigma = ws.sigma.data();
  double* coeff = ws.coeff.data();
  Vertex* list = ws.queue.data();
  const Word* out_bits = ws.out_bits.data();
  const Word* in_bits = ws.in_bits.data();
  std::vector<Word>& levels = ws.level_bits;
  std::vector<std::size_t>& level_start = ws.level_start;
  Word visited[W] = {};
  visited[s / 64] = Word{1} << (s % 64);
  levels.assign(visited, visited + W);
  level_start.assign(1, 0);
  list[0] = s;
  std::size_t len = 1;
  sigma[s] = 1.0;
  for (;;) {
    const std::size_t begin = level_start.back();
    level_start.push_back(len);
    Word next[W] = {};
    for (std::size_t i = begin; i < len; ++i) {
      const Word* out = out_bits + list[i] * W;
      for (std::size_t j = 0; j < W; ++j) next[j] |= out[j];
    }
    Word any = 0;
    for (std::size_t j = 0; j < W; ++j) {
      next[j] &= ~visited[j];
      visited[j] |= next[j];
      any |= next[j];
    }
    if (any == 0) break;
    const std::size_t previous = levels.size() - W;
    levels.insert(levels.end(), next, next + W);
    for (std::size_t j = 0; j < W; ++j) {
      Word bits = next[j];
      while (bits != 0) {
        const std::size_t w = j * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        bits &= bits - 1;
        double paths = 0.0;
        for_each_common<W>(in_bits + w * W, levels.data() + previous, [&](std::size_t u) { paths += sigma[u]; });
        sigma[w] = paths;
        list[len++] = static_cast<Vertex>(w);
      }
    }
  }
  // level_start holds the start of every level and, last, len.
  const std::size_t depth = level_start.size() - 1;
  for (std::size_t d = depth; d-- > 0;) {
    const bool has_next = d + 1 < depth;
    const Word* next_level = levels.data() + (d + 1) * W;
    for (std::size_t i = level_start[d]; i < level_start[d + 1]; ++i) {
      const Vertex v = list[i];
      double sum = 0.0;
      if (has_next) for_each_common<W>(out_bits + v * W, next_level, [&](std::size_t w) { sum += coeff[w]; });
      const double delta = sigma[v] * sum;
      coeff[v] = (1.0 + delta) / sigma[v];
      if (d > 0) acc[v] += delta;
    }
  }
}

// The component's out- and in-neighbour sets as bitsets of `words` words.
void prepare_bits(const SimpleDigraph& g, Workspace& ws) {
  const std::size_t n = ws.size, words = ws.words;
  ws.out_bits.assign(n * words, 0);
  ws.in_bits.assign(n * words, 0);
  const auto off = static_cast<Vertex>(ws.off);
  for (std::size_t v = 0; v < n; ++v) {
    for (Vertex w : g.out.neighbours(static_cast<Vertex>(ws.off + v))) {
      const Vertex lw = w - off;
      ws.out_bits[v * words + lw / 64] |= Word{1} << (lw % 64);
    }
    for (Vertex u : g.in.neighbours(static_cast<Vertex>(ws.off + v))) {
      const Vertex lu = u - off;
      ws.in_bits[v * words + lu / 64] |= Word{1} << (lu % 64);
    }
  }
}

// Bitsets pay when a vertex's set (words) is not much longer than its arc list: a level costs
// `words` per vertex where the CSR BFS costs its out-degree, twice over.
std::size_t bitset_words(const SimpleDigraph& g, std::size_t off, std::size_t size) {
  std::size_t words = (size + 63) / 64;
  if (words > kMaxWords) return 0;
  words = std::bit_ceil(words);  // instantiated widths: 1, 2, 4, 8
  const std::size_t arcs = g.out.begin[off + size] - g.out.begin[off];
  return 3 * words * size <= 2 * arcs + 2 * size ? words : 0;
}

// 4-ary min-heap of (dist, local vertex) by dist, with decrease-key. The order in which vertices
// of equal distance are settled does not matter: arcs have positive length, so no two of them are
// on one shortest path, sigma is exact whatever the order of its additions, and each vertex pulls
// its successors' terms in index order.
struct Heap {
  std::vector<HeapEntry>& items;
  std::uint32_t* slot;

  static bool less(const HeapEntry& a, const HeapEntry& b) { return a.dist < b.dist; }
  void place(std::size_t i, const HeapEntry& e) {
    items[i] = e;
    slot[e.v] = static_cast<std::uint32_t>(i);
  }
  void up(std::size_t i, HeapEntry e) {
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!less(e, items[parent])) break;
      place(i, items[parent]);
      i = parent;
    }
    place(i, e);
  }
  void push(HeapEntry e) {
    items.push_back(e);
    up(items.size() - 1, e);
  }
  void decrease(HeapEntry e) { up(slot[e.v], e); }
  Vertex pop() {
    const Vertex top = items[0].v;
    const HeapEntry last = items.back();
    items.pop_back();
    const std::size_t size = items.size();
    if (size > 0) {
      std::size_t i = 0;
      for (;;) {
        const std::size_t first = 4 * i + 1;
        if (first >= size) break;
        std::size_t best = first;
        if (first + 4 <= size) {  // all four children: pick the least without branches
          const std::size_t a = items[first + 1].dist < items[first].dist ? first + 1 : first;
          const std::size_t b = items[first + 3].dist < items[first + 2].dist ? first + 3 : first + 2;
          best = items[b].dist < items[a].dist ? b : a;
        } else {
          for (std::size_t j = first + 1; j < size; ++j) {
            if (less(items[j], items[best])) best = j;
          }
        }
        if (!less(items[best], last)) break;
        place(i, items[best]);
        i = best;
      }
      place(i, last);
    }
    return top;
  }
};

// Relaxes the arcs of the just-settled v: lists as candidates the arcs to an unsettled w that are
// no longer than w's distance so far (only they can end a shortest path; found without branches),
// then relaxes those. sigma(w) = sum of sigma(v) over the v with dist(v) + length(v,w) == dist(w):
// reset when a shorter path is found, added to on a tie; an integer, so the order does not matter.
template <class Reached>
inline void relax(const Vertex* target, const double* length, std::size_t arcs_begin, std::size_t arcs_end, double d,
                  double sigma_v, double* dist, double* bound, double* sigma, std::size_t* candidate,
                  std::size_t& candidates, Reached reached) {
  const std::size_t first = candidates;
  for (std::size_t i = arcs_begin; i < arcs_end; ++i) {
    candidate[candidates] = i;
    candidates += static_cast<std::size_t>(d + length[i] <= bound[target[i]]);
  }
  for (std::size_t c = first; c < candidates; ++c) {
    const std::size_t i = candidate[c];
    const Vertex w = target[i];
    const double nd = d + length[i];
    const double old = dist[w];
    if (nd < old) {
      dist[w] = nd;
      bound[w] = nd;
      sigma[w] = sigma_v;
      reached(w, nd, old);
    } else if (nd == old) {
      sigma[w] += sigma_v;
    }
  }
}

// The component's arcs for Dijkstra, as local CSR rows (ws.arc_*), leaving out every arc u->v
// that is longer than some path u->x->v by more than 1e-13 * (D + length(u,v)), D = (size - 1) *
// (longest arc) bounding every shortest distance in the component. The float sum of a path of at
// most `size` arcs is within size * 2^-53 * D of its exact length, far inside that margin, so from
// any source such an arc gives a strictly longer float path sum than the detour: it is never the
// shortest way to v nor ties with it, and dropping it changes no distance, sigma or dependency.
void prepare_arcs(const SimpleDigraph& g, const std::vector<double>& length, Workspace& ws) {
  const std::size_t n = ws.size;
  const auto off = static_cast<Vertex>(ws.off);
  const std::size_t first = g.out.begin[ws.off], last = g.out.begin[ws.off + n];
  double longest = 0.0;
  for (std::size_t i = first; i < last; ++i) longest = std::max(longest, length[i]);
  const double margin = 1e-13 * (static_cast<double>(n > 0 ? n - 1 : 0) * longest);
  ws.arc_begin.assign(n + 1, 0);
  ws.arc_target.clear();
  ws.arc_length.clear();
  ws.two_hop.assign(n, kInfinity);
  double* two_hop = ws.two_hop.data();
  for (std::size_t u = 0; u < n; ++u) {
    const std::size_t row_begin = g.out.begin[off + u], row_end = g.out.begin[off + u + 1];
    for (std::size_t i = row_begin; i < row_end; ++i) {
      const Vertex x = g.out.vertex[i];
      for (std::size_t j = g.out.begin[x]; j < g.out.begin[x + 1]; ++j) {
        const Vertex v = g.out.vertex[j] - off;
        two_hop[v] = std::min(two_hop[v], length[i] + length[j]);
      }
    }
    for (std::size_t i = row_begin; i < row_end; ++i) {
      const Vertex v = g.out.vertex[i] - off;
      if (!(length[i] - two_hop[v] > 1e-13 * length[i] + margin)) {
        ws.arc_target.push_back(v);
        ws.arc_length.push_back(length[i]);
      }
    }
    std::fill(two_hop, two_hop + n, kInfinity);
    ws.arc_begin[u + 1] = ws.arc_target.size();
  }
}

// Weighted: Dijkstra on the arcs of prepare_arcs. Path lengths are the float sums
// dist(v) + length(v,w) along the path and tie only when equal, as in NetworkX. Settles vertices by
// buckets (ws.buckets, when prepared) or by a heap; the order among equal distances, or within a
// bucket, does not change the result (see Heap), so both give the same bits.
void weighted_sweep(Vertex s, Workspace& ws, std::span<double> acc) {
  double* sigma = ws.sigma.data();
  double* coeff = ws.coeff.data();
  double* dist = ws.dist.data();
  double* bound = ws.bound.data();  // dist while unsettled, -1 once settled
  Vertex* order = ws.queue.data();
  std::size_t* first_candidate = ws.first_candidate.data();
  std::size_t* candidate = ws.candidate.data();  // one slot per arc of the component, plus one
  std::size_t candidates = 0;
  const std::size_t* out_begin = ws.arc_begin.data();
  const Vertex* out_vertex = ws.arc_target.data();
  const double* len = ws.arc_length.data();
  std::size_t count = 0;
  dist[s] = 0.0;
  bound[s] = 0.0;
  sigma[s] = 1.0;
  auto settle = [&](Vertex v, auto reached) {
    first_candidate[count] = candidates;
    order[count++] = v;
    bound[v] = -1.0;
    relax(out_vertex, len, out_begin[v], out_begin[v + 1], dist[v], sigma[v], dist, bound, sigma, candidate,
          candidates, reached);
  };
  if (ws.use_buckets) {
    Buckets& b = ws.buckets;
    b.reset();
    b.push(s, 0.0);
    auto reached = [&](Vertex w, double nd, double) { b.push(w, nd); };
    while (b.next()) {
      for (std::int32_t e = b.take(); e >= 0; e = b.entry_next[static_cast<std::size_t>(e)]) {
        const Vertex v = b.entry_vertex[static_cast<std::size_t>(e)];
        if (bound[v] < 0.0) continue;  // settled through an earlier entry
        settle(v, reached);
      }
    }
  } else {
    ws.heap.clear();
    Heap heap{ws.heap, ws.slot.data()};
    heap.push({0.0, s});
    auto reached = [&](Vertex w, double nd, double old) {
      if (old == kInfinity) {
        heap.push({nd, w});
      } else {
        heap.decrease({nd, w});
      }
    };
    while (!ws.heap.empty()) settle(heap.pop(), reached);
  }
  first_candidate[count] = candidates;
  // Back-propagation in reverse settling order: every successor of v was settled after v.
  for (std::size_t k = count; k-- > 0;) {
    const Vertex v = order[k];
    const double d = dist[v];
    double sum = 0.0;
    for (std::size_t c = first_candidate[k]; c < first_candidate[k + 1]; ++c) {
      const std::size_t i = candidate[c];
      const Vertex w = out_vertex[i];
      sum += keep_if(d + len[i] == dist[w], coeff[w]);
    }
    const double delta = sigma[v] * sum;
    coeff[v] = (1.0 + delta) / sigma[v];
    if (k > 0) acc[v] += delta;
  }
  for (std::size_t k = 0; k < count; ++k) {
    const Vertex v = order[k];
    dist[v] = kInfinity;
    bound[v] = kInfinity;
  }
}

}  // namespace

std::vector<double> betweenness_centrality(const SimpleDigraph& g, const ComponentOrder& order, bool weighted,
                                           unsigned threads) {
  const std::size_t n = g.n;
  auto make_workspace = [](std::size_t largest) { return Workspace(largest); };
  std::vector<double> b;
  if (!weighted) {
    auto prepare = [&](Workspace& ws, std::size_t c) {
      ws.off = order.begin[c];
      ws.size = order.size(c);
      ws.words = bitset_words(g, ws.off, ws.size);
      if (ws.words != 0) prepare_bits(g, ws);
    };
    b = detail::component_source_sum(order, threads, make_workspace, prepare,
                                      [&](Workspace& ws, std::size_t, std::size_t s, std::span<double> acc) {
                                        const auto source = static_cast<Vertex>(s);
                                        switch (ws.words) {
                                          case 1: bitset_sweep<1>(source, ws, acc); break;
                                          case 2: bitset_sweep<2>(source, ws, acc); break;
                                          case 4: bitset_sweep<4>(source, ws, acc); break;
                                          case 8: bitset_sweep<8>(source, ws, acc); break;
                                          default: unweighted_sweep(g, source, ws, acc); break;
                                        }
                                      });
  } else {
    std::vector<double> length(g.out.weight.size());
    for (std::size_t i = 0; i < length.size(); ++i) length[i] = 1.0 / g.out.weight[i];
    auto prepare = [&](Workspace& ws, std::size_t c) {
      ws.off = order.begin[c];
      ws.size = order.size(c);
      prepare_arcs(g, length, ws);
      const std::size_t arcs = ws.arc_target.size();
      if (ws.candidate.size() < arcs + 1) ws.candidate.resize(arcs + 1);
      double shortest = kInfinity, longest = 0.0;
      for (double l : ws.arc_length) {
        shortest = std::min(shortest, l);
        longest = std::max(longest, l);
      }
      ws.use_buckets = arcs > 0 && ws.buckets.prepare(shortest, longest, arcs);
    };
    b = detail::component_source_sum(order, threads, make_workspace, prepare,
                                      [&](Workspace& ws, std::size_t, std::size_t s, std::span<double> acc) {
                                        weighted_sweep(static_cast<Vertex>(s), ws, acc);
                                      });
  }
  // NetworkX's directed normalisation; none for n <= 2 (all values are 0 there anyway).
  if (n > 2) {
    const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (double& x : b) x *= scale;
  }
  return b;
}

std::vector<double> betweenness_centrality(const SimpleDigraph& g, bool weighted, unsigned threads) {
  const ComponentOrder order = component_order(g);
  return betweenness_centrality(renumber(g, order), order, weighted, threads);
}

}  // namespace agencygraph::analysis
