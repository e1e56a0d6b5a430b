// SHA-256 (FIPS 180-4) and base64 (RFC 4648), for the hashes a Content-Security-Policy names
// ('sha256-<base64 of the digest>'). Written here rather than linked: no library the project already
// links offers SHA-256 (ICU, Boost.Graph, Graphviz, nlohmann/json do not; Boost's uuid has SHA-1
// only), and OpenSSL would be a new dependency for a hash of two short strings per report.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace agencygraph::io::detail {

std::array<std::uint8_t, 32> sha256(std::string_view data);

// Standard base64 with padding.
std::string base64(std::string_view bytes);

// "sha256-…": the CSP source expression that allows an inline element whose text is `text`.
std::string csp_hash(std::string_view text);

}  // namespace agencygraph::io::detail
