// HTML pages -> the plain text the extraction reads.
//
// Why it exists: most decomposition documents are published as web pages, and users save the
// page's source. The parser reads lines: numbered paragraphs, labels on lines of their own and
// TAB-separated table rows (extract/tables.hpp). Rather than teach every grammar HTML, a page is
// turned into exactly that text once, before parsing: block elements end lines, each row of a data
// table becomes one line of TAB-separated cells (merged cells repeated into every row and column
// they cover, so every task row carries its own units), entities are decoded and scripts, styles,
// comments and the head (all but its <title>) are dropped. Each line of the result remembers the
// line of the page where it began, so that task lines and messages still name the page's lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

// Whether decoded text is an HTML page (or a fragment of one) rather than plain text. Conservative,
// so that plain text that merely mentions pages (本文地址:/zwgk/zcwj/12.html) is never converted:
// after a BOM, white space, comments (<!-- saved from url=… -->) and an <?xml …?> declaration, the
// text starts with <!DOCTYPE html or a common page-level tag (<html, <head, <body, <table, <div,
// <p, …); or it holds a <body> tag, or a <table> tag together with a <td>/<th> tag, or at least eight
// paragraph, line-break or cell tags (<p>, <br>, <div>, <td>, <tr>, <li>) anywhere (a page copied from
// the middle, or stored in a database dump). Tag names are matched without regard to case.
bool looks_like_html(std::string_view text);

struct HtmlText {
  std::string text;                  // lines separated by '\n' (none at the end), no '\r'
  std::vector<std::uint32_t> lines;  // lines[i]: the 1-based line of the page where line i + 1 of
                                     // `text` began; one entry per line of text, so never empty
  bool ends_in_text = false;         // the page's bytes end inside its last text, no tag after it:
                                     // a page cut off, whose last line may stop mid-sentence
};

// Converts a page (valid UTF-8, as decode() gives) to text. Any input is accepted: unclosed or
// stray tags, a stray '<', an unterminated comment, quote or script, a truncated file. Nothing is
// read past the end, nesting deeper than a limit is flattened, and merged cells are repeated only
// within a byte budget proportional to the input, so time and output stay linear in the input.
HtmlText html_to_text(std::string_view html);

}  // namespace agencygraph::detail
