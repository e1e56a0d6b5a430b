#include "formats/docx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

#include "formats/docx_numbering.hpp"
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "formats/ooxml_package.hpp"
#include "formats/xml_names.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::string_view kWordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

// A count of grid columns (w:gridSpan, w:gridBefore), `fallback` when absent or unreadable.
std::size_t columns_value(std::string_view text, std::size_t fallback) {
  std::size_t value = fallback;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return fallback;
  return std::min(value, kMaxTableColumns);
}

// The next node of a walk over `root`'s descendants, in document order; with `descend` false the
// current node's children are passed over. No recursion and no stack, however deep the XML.
pugi::xml_node next_node(pugi::xml_node node, pugi::xml_node root, bool descend) {
  if (descend && node.first_child()) return node.first_child();
  while (node != root && !node.next_sibling()) node = node.parent();
  return node == root ? pugi::xml_node() : node.next_sibling();
}

class DocxReader {
 public:
  DocxReader(const XmlPart& document, DocxNumbering& numbering, std::size_t file_bytes)
      : document_(document),
        w_(document.prefix(kWordTransitional, kWordStrict, "w")),
        numbering_(numbering),
        out_(file_bytes) {}

  LinesBuilder run() && {
    const pugi::xml_node body = child(document_.root(), w_, "body");
    if (!body) throw FormatError(document_.name() + ": no document body (w:body)");
    for_each_block(body, [&](pugi::xml_node block) {
      if (is(block, w_, "p")) {
        if (std::optional<std::string> text = paragraph_text(block))
          out_.paragraph(*text, "paragraph " + std::to_string(++paragraphs_));
      } else {
        table(block, 1);
      }
    });
    return std::move(out_);
  }

 private:
  // Content controls, custom XML and tracked moves or insertions wrap paragraphs, rows and cells
  // without changing what they are: their content is read as if they were not there.
  bool is_wrapper(pugi::xml_node node) const {
    return is(node, w_, "sdt") || is(node, w_, "sdtContent") || is(node, w_, "customXml") || is(node, w_, "ins") ||
           is(node, w_, "moveTo") || is(node, w_, "smartTag");
  }

  // Calls visit(node) for each paragraph and table (each row and cell, in a table or row) of
  // `container`, looking through wrappers.
  template <class Visit>
  void for_each(pugi::xml_node container, std::string_view first, std::string_view second, Visit visit) const {
    for (pugi::xml_node node = container.first_child(); node;) {
      const bool wrapper = is_wrapper(node);
      if (!wrapper && (is(node, w_, first) || (!second.empty() && is(node, w_, second)))) visit(node);
      node = next_node(node, container, wrapper);
    }
  }
  template <class Visit>
  void for_each_block(pugi::xml_node container, Visit visit) const {
    for_each(container, "p", "tbl", visit);
  }

  // A paragraph's text: its list number, then its runs. Tracked deletions, hidden runs, field
  // instructions, ruby annotations, drawings, text boxes and properties are passed over. A paragraph
  // whose mark is a tracked deletion is no paragraph of its own: what is left of its text joins the
  // next one, which keeps its own number (as Word shows it with the changes made), and it gives
  // std::nullopt; a numbered task deleted whole so leaves no number behind and takes none.
  std::optional<std::string> paragraph_text(pugi::xml_node paragraph) {
    const pugi::xml_node properties = child(paragraph, w_, "pPr");
    if (child(child(properties, w_, "rPr"), w_, "del")) {
      carried_ += runs_text(paragraph);
      return std::nullopt;
    }
    std::string text;
    if (const auto reference = numbering_.reference(properties, w_)) text = numbering_.next(*reference);
    text += carried_;
    carried_.clear();
    text += runs_text(paragraph);
    return text;
  }

  std::string runs_text(pugi::xml_node paragraph) const {
    std::string text;
    for (pugi::xml_node node = paragraph.first_child(); node;) {
      bool descend = false;
      const std::string_view name = node.name();
      if (node.type() != pugi::node_element) {
        // text outside w:t (white space between elements) is not the document's
      } else if (!name.starts_with(w_) || name.find(':', w_.size()) != std::string_view::npos) {
        // another namespace: mc:AlternateContent's choice is read, its fallback (a copy) not
        const std::string_view local = local_name(node.name());
        descend = local == "AlternateContent" || local == "Choice";
      } else {
        const std::string_view local = name.substr(w_.size());
        if (local == "t") {
          text += node.child_value();
        } else if (local == "tab" || local == "ptab") {
          text += ' ';
        } else if (local == "br" || local == "cr") {
          text += '\n';
        } else if (local == "noBreakHyphen") {
          text += '-';
        } else if (local == "r") {
          descend = !is_on(child(child(node, w_, "rPr"), w_, "vanish"), w_);
        } else {
          descend = !(local == "pPr" || local == "rPr" || local == "del" || local == "moveFrom" || local == "delText" ||
                      local == "instrText" || local == "delInstrText" || local == "drawing" || local == "pict" ||
                      local == "object" || local == "rt" || local == "sdtPr" || local == "sdtEndPr" ||
                      local == "txbxContent" || local == "fldData");
        }
      }
      node = next_node(node, paragraph, descend);
    }
    return text;
  }

  void table(pugi::xml_node tbl, int depth) {
    const std::size_t number = ++tables_;
    if (depth > kMaxTableDepth)
      throw FormatError("table " + std::to_string(number) + ": tables nested more than " +
                        std::to_string(kMaxTableDepth) + " deep");
    if (holds_table(tbl)) {
      layout_table(tbl, number, depth);
    } else {
      data_table(tbl, number);
    }
  }

  bool holds_table(pugi::xml_node tbl) const {
    for (pugi::xml_node node = tbl.first_child(); node; node = next_node(node, tbl, true))
      if (is(node, w_, "tbl")) return true;
    return false;
  }

  static std::string row_place(std::size_t table, std::size_t row) {
    return "table " + std::to_string(table) + ", row " + std::to_string(row);
  }

  // A table of tables: each cell's paragraphs as lines of their row's place, each inner table as
  // a table.
  void layout_table(pugi::xml_node tbl, std::size_t number, int depth) {
    std::size_t row = 0;
    for_each(tbl, "tr", "", [&](pugi::xml_node tr) {
      const std::string place = row_place(number, ++row);
      for_each(tr, "tc", "", [&](pugi::xml_node tc) {
        for_each_block(tc, [&](pugi::xml_node block) {
          if (is(block, w_, "p")) {
            if (std::optional<std::string> text = paragraph_text(block)) out_.paragraph(*text, place);
          } else {
            table(block, depth + 1);
          }
        });
      });
    });
  }

  enum class Merge { None, Restart, Continue };
  struct RawCell {
    std::size_t column = 0, columns = 1;
    Merge merge = Merge::None;
    std::string text;
    bool covered = false;  // continues the cell above it (w:vMerge), whose text covers it
  };

  // A table of cells: laid out on a grid, merged cells spanning their rows and columns.
  void data_table(pugi::xml_node tbl, std::size_t number) {
    std::vector<std::vector<RawCell>> rows;
    for_each(tbl, "tr", "", [&](pugi::xml_node tr) {
      if (rows.size() == kMaxTableRows)
        throw FormatError("table " + std::to_string(number) + ": more than " + std::to_string(kMaxTableRows) +
                          " rows, more than a task table holds");
      std::vector<RawCell>& cells = rows.emplace_back();
      // w:gridBefore: grid columns left empty before the row's first cell.
      std::size_t column = columns_value(child_value(child(tr, w_, "trPr"), w_, "gridBefore"), 0);
      for_each(tr, "tc", "", [&](pugi::xml_node tc) {
        const pugi::xml_node properties = child(tc, w_, "tcPr");
        RawCell cell;
        cell.column = column;
        cell.columns = std::max<std::size_t>(columns_value(child_value(properties, w_, "gridSpan"), 1), 1);
        if (const pugi::xml_node merge = child(properties, w_, "vMerge"))
          cell.merge = std::string_view(attribute(merge, w_, "val").value()) == "restart" ? Merge::Restart : Merge::Continue;
        column += cell.columns;
        const pugi::xml_node across = child(properties, w_, "hMerge");
        if (across && std::string_view(attribute(across, w_, "val").value()) != "restart" && !cells.empty()) {
          cells.back().columns += cell.columns;  // the old way of merging across: widens the cell before
          return;
        }
        cell.text = clean_text(cell_text(tc));
        cells.push_back(std::move(cell));
      });
    });
    TableGrid grid(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (RawCell& cell : rows[r]) {
        if (cell.covered) continue;
        std::size_t height = 1;
        for (std::size_t below = r + 1; below < rows.size(); ++below, ++height) {
          const auto continues = std::find_if(rows[below].begin(), rows[below].end(), [&](const RawCell& other) {
            return other.column == cell.column && other.merge == Merge::Continue && !other.covered;
          });
          if (continues == rows[below].end()) break;
          continues->covered = true;
        }
        grid.place(r, cell.column, height, cell.columns, std::move(cell.text));
      }
    }
    out_.table(grid, [&](const TableLine& line) { return row_place(number, line.row + 1); });
  }

  // A cell's paragraphs, one per line (the grid makes each line break a space).
  std::string cell_text(pugi::xml_node tc) {
    std::string text;
    bool first = true;
    for_each_block(tc, [&](pugi::xml_node block) {
      if (!is(block, w_, "p")) return;
      const std::optional<std::string> paragraph = paragraph_text(block);
      if (!paragraph) return;
      if (!first) text += '\n';
      first = false;
      text += *paragraph;
    });
    return text;
  }

  const XmlPart& document_;
  std::string w_;
  DocxNumbering& numbering_;
  LinesBuilder out_;
  std::size_t paragraphs_ = 0;
  std::size_t tables_ = 0;
  std::string carried_;  // text of paragraphs whose mark was deleted, for the next paragraph
};

// Whether the body holds a picture (w:drawing or VML w:pict), under any namespace prefix.
bool holds_pictures(pugi::xml_node root) {
  return root.find_node([](pugi::xml_node node) {
    const std::string_view local = local_name(node.name());
    return local == "drawing" || local == "pict";
  });
}

}  // namespace

Source read_docx(const std::string& path, OoxmlPackage& package, std::size_t file_bytes) {
  const std::string& main = package.main_part();
  const std::optional<XmlPart> document = package.xml(main);
  if (!document) throw FormatError(main + ": missing from the package");
  const std::optional<std::string> numbering_part = package.related(main, "numbering");
  const std::optional<std::string> styles_part = package.related(main, "styles");
  const std::optional<XmlPart> numbering = numbering_part ? package.xml(*numbering_part) : std::nullopt;
  const std::optional<XmlPart> styles = styles_part ? package.xml(*styles_part) : std::nullopt;
  DocxNumbering lists(numbering ? &*numbering : nullptr, styles ? &*styles : nullptr);
  Source source = DocxReader(*document, lists, file_bytes).run().finish(path, "docx");
  // A document of pictures alone (a scan pasted into Word) reads as an empty text: say why, as the
  // PDF reader does, rather than let it pass for a document without annotations.
  if (source.text.find_first_not_of(" \n") == std::string::npos && holds_pictures(document->root()))
    throw FormatError("no text, only pictures (a scanned document?): OCR is not built in");
  return source;
}

}  // namespace agencygraph::detail
