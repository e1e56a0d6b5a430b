// Messages on stderr name files and agencies, and both come from outside: a file name or a name in a
// scraped page may hold ESC sequences (recolour the terminal, retitle the window, hide the lines
// before) or bidirectional controls. Rather than trusting every message to escape what it quotes,
// stderr itself is replaced, once in main(), by a stream that writes every byte through visible_text
// (controls other than newline and tab, DEL, C1 controls, bidi controls, malformed UTF-8 as escapes).
#pragma once

#include <cstdio>

namespace agencygraph::cli {

// Installs the filtering stream as stderr and as std::cerr's destination (CLI11's usage errors).
void make_stderr_safe();

// The unfiltered standard error, for the progress line's own terminal escapes (\r, ESC [K).
std::FILE* raw_stderr();

}  // namespace agencygraph::cli
