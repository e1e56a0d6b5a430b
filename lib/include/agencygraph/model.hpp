// The extraction's data model: documents, their tasks, and the agencies each task names.
//
// A Document owns the decoded text of its sources; tasks refer to it by Span, so no task copies
// document text. Agency names are interned once per document in a NameTable.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace agencygraph {

class MappedFile;  // a file mapped read-only (Source::mapping)

enum class Role : std::uint8_t { Lead, Co };

// What sort of body an agency is. Collectives (各县市区政府, …成员单位) stand for many units.
enum class AgencyKind : std::uint8_t {
  Department,           // government department: 市教育局, 发展改革委
  Government,           // people's government of a sub-jurisdiction: 咸安区人民政府, 各…政府 is Collective
  ParkCommittee,        // 管委会 of a development zone or park
  PartyOrgan,           // 市委…, 政法委, 组织部
  PeoplesOrganisation,  // 妇联, 总工会, 科协, 残联, 团市委
  StateEnterprise,      // 集团, 公司
  School,               // universities, colleges, schools
  Vertical,             // vertically managed: 海关, 税务局, 人行…支行, 银保监…分局
  Institution,          // public institution: 中心, 医院, 站, 馆
  Collective,           // stands for many units
};

// Where a document's year or jurisdiction was read: its title line; its document number (文号,
// 荆政办发〔2020〕1号: the year only); its signature (the issuing office's line for the jurisdiction,
// the date line under it for the year); or the user's --year / --jurisdiction.
enum class MetadataSource : std::uint8_t { Title, DocumentNumber, Signature, Option };

std::string_view to_string(Role role);
std::string_view to_string(AgencyKind kind);
// "title", "document_number", "signature" (jurisdiction) or "date" (year), "option".
std::string_view year_source_name(MetadataSource source);
std::string_view jurisdiction_source_name(MetadataSource source);

using NameId = std::uint32_t;

// Interns strings: each distinct string is stored once and gets a dense id from 0.
class NameTable {
 public:
  NameTable() = default;
  // The index holds views of the strings: a copy indexes its own strings, not the original's
  // (which may be gone by the time the copy interns again).
  NameTable(const NameTable& other) : strings_(other.strings_) { reindex(); }
  NameTable& operator=(const NameTable& other) {
    if (this != &other) {
      strings_ = other.strings_;
      reindex();
    }
    return *this;
  }
  // A move hands over the deque's blocks, so the strings and the views of them stay valid.
  // noexcept (std::deque's move constructor is not, as it allocates for the moved-from deque:
  // running out of memory there terminates) so that std::vector<Document> moves documents as it
  // grows instead of copying each, text included.
  NameTable(NameTable&&) noexcept = default;
  NameTable& operator=(NameTable&&) noexcept = default;

  NameId intern(std::string_view s);
  std::string_view operator[](NameId id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }

 private:
  void reindex() {
    index_.clear();
    for (std::size_t id = 0; id < strings_.size(); ++id) index_.emplace(strings_[id], static_cast<NameId>(id));
  }

  std::deque<std::string> strings_;  // deque: references stay valid as it grows
  std::unordered_map<std::string_view, NameId> index_;
};

// A byte range of one source's decoded UTF-8 text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t length = 0;
  bool empty() const { return length == 0; }
};

struct AgencyMention {
  NameId name = 0;       // as the document gives it, after list splitting and suffix sharing
  NameId canonical = 0;  // simplified, half-width, aliases merged: the key within a jurisdiction
  Role role = Role::Co;
  AgencyKind kind = AgencyKind::Department;
};

struct Task {
  std::string id;              // the task number as printed: "61", "一", "3"
  std::uint32_t source = 0;    // index into Document::sources
  std::uint32_t line = 0;      // 1-based line of the task number in its source file (see Source)
  std::uint32_t section = 0;   // index into Document::sections (0 = no heading seen)
  Span text;                   // task text without its annotation
  Span annotation;             // the raw annotation (bracket contents or label lines), may be empty
  std::string deadline;        // 完成时限 / "2023年底前完成", when given
  std::vector<std::string> remarks;       // other non-agency clauses of the annotation
  std::vector<AgencyMention> agencies;    // in document order, leads and co mixed
  // People named as answering for the task (分管领导：王某某, 由某某副市长负责), name and title as
  // printed. Never agencies: they are not vertices of the network.
  std::vector<std::string> leaders;
  bool lead_from_first_listed = false;    // the lead came from the first-listed convention
};

struct SkippedParagraph {
  std::uint32_t source = 0;
  std::uint32_t line = 0;  // 1-based line in its source file (see Source)
  std::string reason;
};

struct Source {
  std::string path;       // as given by the user ("-" for stdin)
  std::string encoding;   // detected or forced: "UTF-8", "UTF-16LE", "GB18030", …
  // Decoded UTF-8 without BOM. For an HTML page, the text extraction read: the page converted to
  // lines (tags, scripts and styles dropped, entities decoded, one TAB-separated line per table
  // row), which task spans point into; original_lines maps its lines back to the page's.
  std::string text;
  // Empty when `text` is the file's own text. For a converted HTML page, original_lines[i] is the
  // 1-based line of the file where line i + 1 of `text` began: Task::line and
  // SkippedParagraph::line are already file lines.
  std::vector<std::uint32_t> original_lines{};
  // What the file is, told by its content: "text", "html", "code" (JSON, a JavaScript literal or an
  // SQL dump, read through its string literals), "docx", "xlsx", "xls", "doc", "pdf".
  std::string format = "text";
  // For a file that is not text (an office document or PDF, converted to lines with each table row
  // one TAB-separated line): places[i] says where line i + 1 of `text` stands in the file, as a
  // person finds it there: "Sheet1!C12", "page 3", "table 2, row 5", "paragraph 17". Empty for
  // text and HTML, whose task lines are the file's own lines.
  std::vector<std::string> places{};
  // Parts of the file that could not be read although the rest was ("page 4: scanned page, no
  // text: OCR is not built in"), each naming its place.
  std::vector<std::string> warnings{};
  // A large UTF-8 text file that decoding leaves as it is, is not copied into `text`: the file, mapped
  // read-only, is the text (`mapping` keeps it; `text` is empty). Read the text through content().
  std::shared_ptr<const MappedFile> mapping{};
  std::string_view mapped{};

  // The text: `mapped` for a mapped file, else `text`.
  std::string_view content() const { return mapping ? mapped : std::string_view(text); }
  // Makes `text` hold the text (a copy of a mapped file's, which is then let go), for a step that changes it.
  void own_text();

  // The line of the file that line `line` (1-based) of `text` came from.
  std::uint32_t original_line(std::uint32_t line) const {
    return line >= 1 && line <= original_lines.size() ? original_lines[line - 1] : line;
  }
  // Where a task or skipped paragraph of this source stands, from its (file) line: the reader's
  // place for a converted file, else "line N".
  std::string place(std::uint32_t line) const {
    if (line >= 1 && line <= places.size()) return places[line - 1];
    return "line " + std::to_string(line);
  }
};

struct Document {
  std::vector<Source> sources;
  std::optional<std::string> title;
  std::optional<std::string> jurisdiction;
  std::optional<int> year;
  // Where jurisdiction and year were read; set exactly when they are.
  std::optional<MetadataSource> jurisdiction_source;
  std::optional<MetadataSource> year_source;
  std::vector<std::vector<std::string>> sections{{}};  // heading paths; [0] is empty
  std::vector<Task> tasks;
  std::vector<SkippedParagraph> skipped;
  NameTable names;
  bool first_listed_is_lead = false;  // the convention was stated in the document or forced

  std::string_view view(const Task& task, Span span) const {
    return sources[task.source].content().substr(span.begin, span.length);
  }
  std::string_view text(const Task& task) const { return view(task, task.text); }
  std::string_view name(NameId id) const { return names[id]; }
  // The key that identifies an agency across documents: jurisdiction + canonical name.
  // Documents with no known jurisdiction stand as their own ("?" + first source path).
  std::string jurisdiction_key() const;
};

}  // namespace agencygraph
