// Letter-spaced words: a table header or label that Word or WPS spreads over its cell (distributed
// alignment) comes out of a PDF or a copy with a space between its characters (牵 头 单 位：,
// 责　任　单　位, 序 号). A reader sees one word; so must the parser, whose labels and column names
// are words.
#pragma once

#include <string>

namespace agencygraph::detail {

// Closes up, in place, every run of three or more single ideographs with gaps of one to three spaces
// between them, all gaps of a run alike (ASCII space, U+3000 or U+00A0, on one line): 牵 头 单 位
// becomes 牵头单位; a wider gap or one of another width ends the word (序 号   工 作 任 务). Two single ideographs
// are closed up only when they make one of the short column names (序号, 备注, 时限). Words of two
// or more characters side by side (市财政局 市教育局) are never joined: that is a list or a table.
void close_up_letter_spacing(std::string& utf8);

}  // namespace agencygraph::detail
