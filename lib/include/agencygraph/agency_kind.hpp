// What sort of body an agency name denotes (model.hpp, AgencyKind), from its folded name.
#pragma once

#include <string_view>

#include "agencygraph/model.hpp"

namespace agencygraph {

// Classifies a folded (simplified, half-width) agency name. Rules are checked in an order that
// lets the more specific win: collectives first (各…, …有关部门, …成员单位), then governments and
// park committees, party organs, people's organisations, enterprises, schools, vertical agencies,
// institutions; everything else is a department.
AgencyKind classify_agency(std::string_view folded_name);

}  // namespace agencygraph
