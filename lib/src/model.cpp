#include "agencygraph/model.hpp"

namespace agencygraph {

void Source::own_text() {
  if (!mapping) return;
  text.assign(mapped);
  mapping.reset();
  mapped = {};
}

std::string_view to_string(Role role) { return role == Role::Lead ? "lead" : "co"; }

std::string_view year_source_name(MetadataSource source) {
  switch (source) {
    case MetadataSource::Title: return "title";
    case MetadataSource::DocumentNumber: return "document_number";
    case MetadataSource::Signature: return "date";
    case MetadataSource::Option: return "option";
  }
  return "option";
}

std::string_view jurisdiction_source_name(MetadataSource source) {
  return source == MetadataSource::Signature ? "signature" : year_source_name(source);
}

std::string_view to_string(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::Department: return "department";
    case AgencyKind::Government: return "government";
    case AgencyKind::ParkCommittee: return "park_committee";
    case AgencyKind::PartyOrgan: return "party_organ";
    case AgencyKind::PeoplesOrganisation: return "peoples_organisation";
    case AgencyKind::StateEnterprise: return "state_enterprise";
    case AgencyKind::School: return "school";
    case AgencyKind::Vertical: return "vertical";
    case AgencyKind::Institution: return "institution";
    case AgencyKind::Collective: return "collective";
  }
  return "department";
}

NameId NameTable::intern(std::string_view s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  const auto id = static_cast<NameId>(strings_.size());
  const std::string& stored = strings_.emplace_back(s);
  index_.emplace(std::string_view(stored), id);
  return id;
}

std::string Document::jurisdiction_key() const {
  if (jurisdiction) return *jurisdiction;
  return "?" + (sources.empty() ? std::string() : sources.front().path);
}

}  // namespace agencygraph
