// Names of the link kinds, as the exports write them. The network is built in network_builder.cpp.
#include <string_view>

#include "agencygraph/graph.hpp"

namespace agencygraph {

std::string_view to_string(LinkKind kind) {
  switch (kind) {
    case LinkKind::LeadToCo: return "lead_to_co";
    case LinkKind::CoLead: return "co_lead";
    case LinkKind::Peer: return "peer";
  }
  return "lead_to_co";
}

}  // namespace agencygraph
