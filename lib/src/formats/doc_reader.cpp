#include "formats/doc_reader.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "agencygraph/fold.hpp"
#include "formats/compound_file.hpp"
#include "formats/doc_lists.hpp"
#include "formats/doc_sprms.hpp"
#include "formats/doc_styles.hpp"
#include "formats/docx_reader.hpp"  // kMaxTableRows
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "formats/little_endian.hpp"

namespace agencygraph::detail {
namespace {

// Windows-1252's 0x80-0x9F ([MS-DOC] 2.4.1: compressed pieces hold these code points); 0 where
// the code page has no character.
constexpr char16_t kCp1252High[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                      0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// A character of the main document and the file offset of its bytes (for its paragraph's
// properties, which are looked up by offset).
struct DocChar {
  char32_t c;
  std::uint32_t fc;
};

// The Chinese code page of a document whose language (FIB lid) is Chinese, else nullptr.
const char* chinese_code_page(std::uint16_t lid) {
  switch (lid) {
    case 0x0804: case 0x1004: return "GB18030";             // zh-CN, zh-SG
    case 0x0404: case 0x0C04: case 0x1404: return "Big5";   // zh-TW, zh-HK, zh-MO
    default: return nullptr;
  }
}

// A compressed piece's bytes read in `code_page`, when every byte is part of a valid character
// and one at least is a double-byte one; std::nullopt otherwise.
std::optional<std::u32string> decode_multibyte(std::string_view bytes, const char* code_page) {
  if (std::none_of(bytes.begin(), bytes.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; }))
    return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(code_page, &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u32string out;
  const char* source = bytes.data();
  const char* end = bytes.data() + bytes.size();
  while (source < end && U_SUCCESS(status)) {
    const UChar32 c = ucnv_getNextUChar(converter.get(), &source, end, &status);
    if (U_SUCCESS(status)) out += static_cast<char32_t>(c);
  }
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

// What a paragraph's properties say about tables.
struct ParagraphKind {
  bool in_table = false;
  bool row_end = false;       // the TTP paragraph that ends a table row (sprmPFTtp)
  std::string_view row_definition;  // sprmTDefTable's operand on a row end
  std::vector<std::pair<std::size_t, unsigned>> vertical_merges;  // sprmTVertMerge: (cell, vertMerge)
  std::size_t style = 0;     // istd: the paragraph's style
  std::optional<int> list;   // sprmPIlfo: the list format override, 1-based; 0 not numbered
  std::optional<int> level;  // sprmPIlvl
};

class DocReader {
 public:
  DocReader(const CompoundFile& file, std::size_t file_bytes) : file_(file), out_(file_bytes) {}

  LinesBuilder run() && {
    std::optional<std::string> word = file_.stream("WordDocument");
    if (!word) throw FormatError("no WordDocument stream: not a Word document");
    word_ = std::move(*word);
    read_fib();
    read_piece_table();
    read_paragraph_pages();
    lists_ = DocLists(table_stream_, list_tables_, list_overrides_);
    if (!lists_.warning().empty()) out_.warn(lists_.warning());
    styles_ = DocStyles(table_stream_, style_sheet_);
    if (!styles_.warning().empty()) out_.warn(styles_.warning());
    walk();
    return std::move(out_);
  }

 private:
  void read_fib() {
    const std::string_view w = word_;
    if (w.size() < 34 || u16(w, 0) != 0xA5EC) throw FormatError("WordDocument stream: no Word file information block (damaged)");
    const std::uint16_t nfib = u16(w, 2);
    if (nfib < 0x00C1) throw FormatError("a Word 6 or Word 95 document: only Word 97-2003 (.doc) and later are read");
    const std::uint16_t flags = u16(w, 0x0A);
    if (flags & 0x0100) throw FormatError("encrypted (password-protected) Word document: not read");
    lid_ = u16(w, 0x06);
    const std::string table_name = (flags & 0x0200) ? "1Table" : "0Table";
    // FibBase (32 bytes), csw and fibRgW, cslw and fibRgLw, cbRgFcLcb and fibRgFcLcbBlob.
    std::size_t at = 32;
    const std::size_t csw = u16(w, at);
    at += 2 + 2 * csw;
    if (!fits(w, at, 2)) throw FormatError("WordDocument stream: file information block cut short");
    const std::size_t cslw = u16(w, at);
    const std::size_t lw = at + 2;
    at = lw + 4 * cslw;
    if (cslw < 4 || !fits(w, at, 2)) throw FormatError("WordDocument stream: file information block cut short");
    text_length_ = u32(w, lw + 3 * 4);  // ccpText: the main document's characters
    const std::size_t pairs = u16(w, at);
    const std::size_t blob = at + 2;
    if (pairs < 34 || !fits(w, blob, 8 * pairs)) throw FormatError("WordDocument stream: file information block cut short");
    const auto pair = [&](std::size_t index) { return std::make_pair(u32(w, blob + 8 * index), u32(w, blob + 8 * index + 4)); };
    clx_ = pair(33);         // fcClx, lcbClx
    papx_bins_ = pair(13);   // fcPlcfBtePapx, lcbPlcfBtePapx
    style_sheet_ = pair(1);  // fcStshf, lcbStshf
    if (pairs > 74) {
      list_tables_ = pair(73);     // fcPlfLst, lcbPlfLst
      list_overrides_ = pair(74);  // fcPlfLfo, lcbPlfLfo
    }
    std::optional<std::string> table = file_.stream(table_name);
    if (!table) throw FormatError("no " + table_name + " stream, which the document says holds its piece table (damaged)");
    table_stream_ = std::move(*table);
  }

  // The piece table: which bytes of WordDocument hold which characters.
  void read_piece_table() {
    const std::string_view t = table_stream_;
    std::size_t at = clx_.first;
    const std::size_t end = static_cast<std::size_t>(clx_.first) + clx_.second;
    if (end > t.size()) throw FormatError("piece table: beyond the table stream (damaged)");
    while (at < end && t[at] == 0x01) {  // Prc: property modifiers for pieces, not needed for the text
      if (!fits(t, at + 1, 2)) break;
      at += 3 + u16(t, at + 1);
    }
    if (at + 5 > end || t[at] != 0x02) throw FormatError("piece table: not found where the document says (damaged)");
    const std::size_t length = u32(t, at + 1);
    at += 5;
    if (length < 4 || length > end - at || (length - 4) % 12 != 0) throw FormatError("piece table: damaged");
    const std::size_t pieces = (length - 4) / 12;
    const std::string_view w = word_;
    for (std::size_t i = 0; i < pieces && chars_.size() < text_length_; ++i) {
      const std::uint32_t first = u32(t, at + 4 * i), last = u32(t, at + 4 * (i + 1));
      if (last <= first || first >= text_length_) continue;
      const std::size_t count = std::min(last, text_length_) - first;
      const std::uint32_t fc_field = u32(t, at + 4 * (pieces + 1) + 8 * i + 2);
      const bool compressed = (fc_field & 0x40000000u) != 0;
      const std::uint32_t fc = fc_field & 0x3FFFFFFFu;
      const std::size_t offset = compressed ? fc / 2 : fc;
      const std::size_t bytes = compressed ? count : 2 * count;
      if (!fits(w, offset, bytes)) throw FormatError("piece table: text beyond the WordDocument stream (damaged or truncated)");
      if (compressed) {
        compressed_piece(w.substr(offset, bytes), static_cast<std::uint32_t>(offset));
      } else {
        for (std::size_t k = 0; k < count; ++k) {
          char32_t c = u16(w, offset + 2 * k);
          const auto fc_k = static_cast<std::uint32_t>(offset + 2 * k);
          if (c >= 0xD800 && c < 0xDC00 && k + 1 < count) {
            const char32_t low = u16(w, offset + 2 * (k + 1));
            if (low >= 0xDC00 && low < 0xE000) {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              ++k;
            }
          }
          if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;
          chars_.push_back({c, fc_k});
        }
      }
    }
  }

  // [MS-DOC] says compressed pieces hold Windows-1252; Word writes Chinese text in Unicode pieces.
  // A Chinese document's compressed piece holding valid GB18030 (Big5) double-byte characters
  // instead is taken to be in that code page, as writers other than Word may store it so; a
  // Windows-1252 piece with a pair of high bytes that happens to be valid GB18030 would be misread,
  // which is why the document's language must say Chinese first.
  void compressed_piece(std::string_view bytes, std::uint32_t offset) {
    if (const char* code_page = chinese_code_page(lid_)) {
      if (std::optional<std::u32string> text = decode_multibyte(bytes, code_page)) {
        // Every character gets the offset of the piece's next byte position that is a paragraph
        // mark when it is one; other characters' offsets are not looked up.
        std::size_t at = 0;
        for (char32_t c : *text) {
          chars_.push_back({c, static_cast<std::uint32_t>(offset + at)});
          at += c < 0x80 ? 1 : 2;
          at = std::min(at, bytes.size());
        }
        return;
      }
    }
    for (std::size_t k = 0; k < bytes.size(); ++k) {
      const auto b = static_cast<unsigned char>(bytes[k]);
      char32_t c = b;
      if (b >= 0x80 && b < 0xA0) c = kCp1252High[b - 0x80] != 0 ? kCp1252High[b - 0x80] : 0xFFFD;
      chars_.push_back({c, static_cast<std::uint32_t>(offset + k)});
    }
  }

  void read_paragraph_pages() {
    const std::string_view t = table_stream_;
    const std::size_t at = papx_bins_.first, length = papx_bins_.second;
    if (length < 12 || !fits(t, at, length) || (length - 4) % 8 != 0) return;  // none: tables read by marks only
    const std::size_t count = (length - 4) / 8;
    for (std::size_t i = 0; i <= count; ++i) bin_fcs_.push_back(u32(t, at + 4 * i));
    for (std::size_t i = 0; i < count; ++i) bin_pages_.push_back(u32(t, at + 4 * (count + 1) + 4 * i) & 0x3FFFFFu);
  }

  // The properties of the paragraph whose mark is at file offset `fc`.
  std::optional<ParagraphKind> paragraph_kind(std::uint32_t fc) const {
    if (bin_pages_.empty()) return std::nullopt;
    const auto bin = std::upper_bound(bin_fcs_.begin(), bin_fcs_.end(), fc);
    if (bin == bin_fcs_.begin() || bin == bin_fcs_.end()) return std::nullopt;
    const std::size_t page = bin_pages_[static_cast<std::size_t>(bin - bin_fcs_.begin()) - 1];
    const std::string_view w = word_;
    if (!fits(w, page * 512, 512)) return std::nullopt;
    const std::string_view fkp = w.substr(page * 512, 512);
    const std::size_t runs = static_cast<unsigned char>(fkp[511]);
    if (runs == 0 || 4 * (runs + 1) + 13 * runs > 511) return std::nullopt;
    std::size_t run = runs;
    for (std::size_t j = 0; j < runs; ++j)
      if (u32(fkp, 4 * j) <= fc && fc < u32(fkp, 4 * (j + 1))) run = j;
    if (run == runs) return std::nullopt;
    ParagraphKind kind;
    const std::size_t papx = 2 * static_cast<std::size_t>(static_cast<unsigned char>(fkp[4 * (runs + 1) + 13 * run]));
    if (papx == 0 || papx >= 511) return kind;  // default properties: a body paragraph
    std::size_t begin = 0, size = 0;
    if (const auto cb = static_cast<unsigned char>(fkp[papx]); cb != 0) {
      begin = papx + 1;
      size = 2 * static_cast<std::size_t>(cb) - 1;
    } else {
      if (papx + 1 >= 511) return kind;
      begin = papx + 2;
      size = 2 * static_cast<std::size_t>(static_cast<unsigned char>(fkp[papx + 1]));
    }
    if (!fits(fkp, begin, size) || size < 2) return kind;
    kind.style = u16(fkp, begin);
    read_sprms(fkp.substr(begin + 2, size - 2), kind);  // after the style index (istd)
    return kind;
  }

  static void read_sprms(std::string_view sprms, ParagraphKind& kind) {
    for_each_sprm(sprms, [&kind](std::uint16_t opcode, std::string_view operand) {
      if (opcode == 0x2416) kind.in_table = operand[0] != 0;          // sprmPFInTable
      if (opcode == 0x2417) kind.row_end = operand[0] != 0;           // sprmPFTtp
      if (opcode == 0xD608) kind.row_definition = operand.substr(2);  // sprmTDefTable
      if (opcode == 0xD62B && operand.size() == 3)                   // sprmTVertMerge: cb, itc, vertMerge
        kind.vertical_merges.emplace_back(static_cast<unsigned char>(operand[1]), static_cast<unsigned char>(operand[2]));
      if (opcode == kSprmPIlfo) kind.list = static_cast<std::int16_t>(u16(operand, 0));
      if (opcode == kSprmPIlvl) kind.level = static_cast<unsigned char>(operand[0]);
    });
  }

  // ---- the walk over the characters ----

  struct Cell {
    std::string text;
    int left = 0, right = 0;  // edges in twips, from the row's definition
    int vertical = 0;         // 0 none, 1 merged into the cell above, 2 the first of a merged run
  };
  using Row = std::vector<Cell>;

  void walk() {
    std::string text;                  // of the paragraph or cell being read
    std::size_t paragraph_start = 0;   // where in `text` the paragraph being read starts
    std::vector<bool> in_instruction;  // per open field: still in its instruction (before 0x14)
    bool previous_cell_mark = false;
    for (const DocChar& ch : chars_) {
      const char32_t c = ch.c;
      const bool hidden = std::find(in_instruction.begin(), in_instruction.end(), true) != in_instruction.end();
      bool cell_mark = false;
      switch (c) {
        case 0x13: in_instruction.push_back(true); break;
        case 0x14: if (!in_instruction.empty()) in_instruction.back() = false; break;
        case 0x15: if (!in_instruction.empty()) in_instruction.pop_back(); break;
        case 0x0D:
        case 0x0C: {
          const std::optional<ParagraphKind> kind = c == 0x0D ? paragraph_kind(ch.fc) : std::nullopt;
          if (kind) text.insert(paragraph_start, list_number(*kind));
          if (kind && kind->in_table) {
            text += '\n';  // a paragraph inside a cell: TableGrid::place() makes it a space
            paragraph_start = text.size();
          } else {
            end_table();
            out_.paragraph(text, "paragraph " + std::to_string(++paragraphs_));
            text.clear();
            paragraph_start = 0;
          }
          break;
        }
        case 0x07: {
          // A cell's end, or a row's: the row-end paragraph says so (sprmPFTtp); without paragraph
          // properties, a mark straight after a cell's end with nothing between ends the row.
          const std::optional<ParagraphKind> kind = paragraph_kind(ch.fc);
          const bool row_end = kind ? kind->row_end : previous_cell_mark && text.empty();
          if (row_end) {
            end_row(kind ? *kind : ParagraphKind{});
          } else {
            if (kind) text.insert(paragraph_start, list_number(*kind));
            while (!text.empty() && text.back() == '\n') text.pop_back();
            row_.push_back({std::move(text), 0, 0, 0});
            cell_mark = true;
          }
          text.clear();
          paragraph_start = 0;
          break;
        }
        case 0x0B: if (!hidden) text += '\n'; break;  // a line break
        case 0x1E: if (!hidden) text += '-'; break;    // a non-breaking hyphen
        case 0x09: if (!hidden) text += '\t'; break;
        default:
          // Below 0x20: pictures, footnote and comment marks, drawn objects; 0x1F an optional hyphen.
          if (!hidden && c >= 0x20) append_utf8(text, c);
      }
      previous_cell_mark = cell_mark;
    }
    end_table();
    if (!text.empty()) out_.paragraph(text, "paragraph " + std::to_string(++paragraphs_));
  }

  // The automatic number a paragraph with these properties shows before its text ("" for none):
  // its own list and level, else its style's.
  std::string list_number(const ParagraphKind& kind) {
    const ListReference styled = styles_.numbering(kind.style);
    const int list = kind.list ? *kind.list : styled.list.value_or(0);
    if (list <= 0) return "";
    return lists_.next(list, kind.level ? *kind.level : styled.level.value_or(0));
  }

  // A row end: the row's cells get their edges and vertical merges from its definition.
  void end_row(const ParagraphKind& kind) {
    const std::string_view definition = kind.row_definition;
    std::size_t cells = 0;
    if (!definition.empty()) cells = static_cast<unsigned char>(definition[0]);
    const bool defined = cells > 0 && definition.size() >= 1 + 2 * (cells + 1);
    for (std::size_t k = 0; k < row_.size(); ++k) {
      Cell& cell = row_[k];
      if (defined && k < cells) {
        cell.left = static_cast<std::int16_t>(u16(definition, 1 + 2 * k));
        cell.right = static_cast<std::int16_t>(u16(definition, 1 + 2 * (k + 1)));
        // TC80 records follow the edges, 20 bytes each; bits 5-6 of the first word: vertMerge.
        const std::size_t tc = 1 + 2 * (cells + 1) + 20 * k;
        if (fits(definition, tc, 2)) {
          const unsigned merge = (u16(definition, tc) >> 5) & 3u;
          cell.vertical = merge == 3 ? 2 : merge == 1 ? 1 : 0;
        }
      } else {
        cell.left = static_cast<int>(k) * 1000;  // no definition: one column per cell
        cell.right = cell.left + 1000;
      }
    }
    // sprmTVertMerge (itc, vertMerge) overrides the TC's merge bits for one cell.
    for (const auto& [k, merge] : kind.vertical_merges)
      if (k < row_.size()) row_[k].vertical = merge == 3 ? 2 : merge == 1 ? 1 : 0;
    if (table_.size() == kMaxTableRows)
      throw FormatError("table " + std::to_string(tables_ + 1) + ": more than " + std::to_string(kMaxTableRows) + " rows");
    table_.push_back(std::move(row_));
    row_.clear();
  }

  // The rows read since the last body paragraph, laid out on a grid whose columns are the
  // distinct cell edges of all its rows.
  void end_table() {
    if (!row_.empty()) end_row(ParagraphKind{});
    if (table_.empty()) return;
    const std::size_t number = ++tables_;
    std::vector<int> edges;
    for (const Row& row : table_)
      for (const Cell& cell : row) edges.push_back(cell.left);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    const auto column_of = [&edges](int x) {
      return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), x) - edges.begin());
    };
    TableGrid grid(table_.size());
    for (std::size_t r = 0; r < table_.size(); ++r) {
      for (const Cell& cell : table_[r]) {
        if (cell.vertical == 1) continue;  // covered by the cell above
        const std::size_t column = column_of(cell.left);
        const std::size_t across = std::max<std::size_t>(1, column_of(cell.right) - column);
        std::size_t down = 1;
        if (cell.vertical == 2)
          while (r + down < table_.size() && continues(table_[r + down], cell.left)) ++down;
        grid.place(r, column, down, across, clean_text(cell.text));
      }
    }
    out_.table(grid, [number](const TableLine& line) {
      return "table " + std::to_string(number) + ", row " + std::to_string(line.row + 1);
    });
    table_.clear();
  }

  static bool continues(const Row& row, int left) {
    return std::any_of(row.begin(), row.end(), [left](const Cell& cell) { return cell.left == left && cell.vertical == 1; });
  }

  const CompoundFile& file_;
  LinesBuilder out_;
  std::string word_, table_stream_;
  std::uint16_t lid_ = 0;
  std::uint32_t text_length_ = 0;
  std::pair<std::uint32_t, std::uint32_t> clx_, papx_bins_;
  TableRange list_tables_, list_overrides_, style_sheet_;
  DocLists lists_;
  DocStyles styles_;
  std::vector<DocChar> chars_;
  std::vector<std::uint32_t> bin_fcs_, bin_pages_;
  Row row_;
  std::vector<Row> table_;
  std::size_t paragraphs_ = 0, tables_ = 0;
};

}  // namespace

Source read_doc(const std::string& path, const CompoundFile& file, std::string_view bytes) {
  return DocReader(file, bytes.size()).run().finish(path, "doc");
}

}  // namespace agencygraph::detail
