// Boost.Graph's view of the analysis's CSR rows (weighted_view.hpp), so that Boost's own algorithms
// (breadth-first search for the components, core_numbers, ...) run on the views analyse() already
// builds, without copying them into an adjacency_list.
//
// UndirectedCsr is an undirected, VertexList + Incidence graph whose edges at v are the entries of
// one or two CSR rows of v: the undirected view's row (each edge {u,v} is then met once from u and
// once from v, as Boost expects of an undirected graph), or a digraph's out-row followed by its
// in-row (the digraph's weak connectivity; an arc met both ways is then a parallel edge, which
// traversals do not mind). An edge's `slot` is its position in the rows (the second row set after
// the first): a dense edge index, and what tells two edges apart.
#pragma once

#include <cstddef>
#include <limits>
#include <utility>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

struct CsrEdge {
  Vertex source = 0, target = 0;
  std::size_t slot = 0;
  friend bool operator==(const CsrEdge& a, const CsrEdge& b) { return a.slot == b.slot; }
  friend bool operator!=(const CsrEdge& a, const CsrEdge& b) { return a.slot != b.slot; }
};

class UndirectedCsr;

// The edges at one vertex, in row order: its slot runs through the vertex's first row, then jumps
// to its second row.
class CsrIncidentEdgeIterator
    : public boost::iterator_facade<CsrIncidentEdgeIterator, CsrEdge, boost::forward_traversal_tag, CsrEdge> {
 public:
  CsrIncidentEdgeIterator() = default;
  CsrIncidentEdgeIterator(const UndirectedCsr* g, Vertex v, std::size_t slot) : g_(g), v_(v), slot_(slot) {}

 private:
  friend class boost::iterator_core_access;
  inline CsrEdge dereference() const;
  bool equal(const CsrIncidentEdgeIterator& other) const { return slot_ == other.slot_; }
  inline void increment();

  const UndirectedCsr* g_ = nullptr;
  Vertex v_ = 0;
  std::size_t slot_ = 0;
};

class UndirectedCsr {
 public:
  explicit UndirectedCsr(const SimpleGraph& g) : n_(g.n), first_(&g.adj) {}
  // The weakly connected view of a digraph: out-arcs then in-arcs.
  explicit UndirectedCsr(const SimpleDigraph& g) : n_(g.n), first_(&g.out), second_(&g.in) {}

  using vertex_descriptor = Vertex;
  using edge_descriptor = CsrEdge;
  using directed_category = boost::undirected_tag;
  using edge_parallel_category = boost::allow_parallel_edge_tag;
  struct traversal_category : boost::vertex_list_graph_tag, boost::incidence_graph_tag {};
  using vertex_iterator = boost::counting_iterator<Vertex>;
  using out_edge_iterator = CsrIncidentEdgeIterator;
  // 32-bit like Vertex, so that the per-vertex arrays Boost's algorithms make are half the size.
  using vertices_size_type = Vertex;
  using edges_size_type = std::size_t;
  using degree_size_type = Vertex;
  static Vertex null_vertex() { return std::numeric_limits<Vertex>::max(); }

  std::size_t vertex_count() const { return n_; }
  std::size_t degree(Vertex v) const { return first_->degree(v) + (second_ ? second_->degree(v) : 0); }
  // The slots of v's edges: [first_slot(v), end_slot(v)), skipping from the end of v's first row to
  // the start of its second (next_slot).
  std::size_t first_slot(Vertex v) const {
    return second_ && first_->degree(v) == 0 ? first_->vertex.size() + second_->begin[v] : first_->begin[v];
  }
  std::size_t end_slot(Vertex v) const {
    return second_ ? first_->vertex.size() + second_->begin[v + 1] : first_->begin[v + 1];
  }
  std::size_t next_slot(Vertex v, std::size_t slot) const {
    ++slot;
    return second_ && slot == first_->begin[v + 1] ? first_->vertex.size() + second_->begin[v] : slot;
  }
  Vertex target_at(std::size_t slot) const {
    const std::size_t m1 = first_->vertex.size();
    return slot < m1 ? first_->vertex[slot] : second_->vertex[slot - m1];
  }

 private:
  std::size_t n_ = 0;
  const Adjacency* first_ = nullptr;
  const Adjacency* second_ = nullptr;
};

inline CsrEdge CsrIncidentEdgeIterator::dereference() const { return {v_, g_->target_at(slot_), slot_}; }
inline void CsrIncidentEdgeIterator::increment() { slot_ = g_->next_slot(v_, slot_); }

// The BGL free functions, found by argument-dependent lookup.
inline std::pair<boost::counting_iterator<Vertex>, boost::counting_iterator<Vertex>> vertices(const UndirectedCsr& g) {
  return {boost::counting_iterator<Vertex>(0), boost::counting_iterator<Vertex>(static_cast<Vertex>(g.vertex_count()))};
}
inline Vertex num_vertices(const UndirectedCsr& g) { return static_cast<Vertex>(g.vertex_count()); }
inline std::pair<CsrIncidentEdgeIterator, CsrIncidentEdgeIterator> out_edges(Vertex v, const UndirectedCsr& g) {
  return {CsrIncidentEdgeIterator(&g, v, g.first_slot(v)), CsrIncidentEdgeIterator(&g, v, g.end_slot(v))};
}
inline Vertex out_degree(Vertex v, const UndirectedCsr& g) { return static_cast<Vertex>(g.degree(v)); }
inline Vertex source(const CsrEdge& e, const UndirectedCsr&) { return e.source; }
inline Vertex target(const CsrEdge& e, const UndirectedCsr&) { return e.target; }
inline boost::typed_identity_property_map<Vertex> get(boost::vertex_index_t, const UndirectedCsr&) { return {}; }

}  // namespace agencygraph::analysis

namespace boost {
template <>
struct property_map<agencygraph::analysis::UndirectedCsr, vertex_index_t> {
  using type = typed_identity_property_map<agencygraph::analysis::Vertex>;
  using const_type = type;
};
}  // namespace boost
