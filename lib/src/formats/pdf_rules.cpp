#include "formats/pdf_rules.hpp"

#include <Error.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace agencygraph::detail {
namespace {

// A border is at most a few points thick; a filled rectangle thicker than this is shading.
constexpr double kMaxThickness = 4;
// Pieces this close across are one line; a border drawn cell by cell leaves gaps of a line's width.
constexpr double kSameLine = 1.0;
constexpr double kJoinGap = 2.0;
// Shorter joined pieces are dots and ticks, not rules.
constexpr double kMinLength = 3.0;
// Paint this light is not seen on a white page.
constexpr double kWhite = 0.95;

bool is_white(const GfxRGB& rgb) {
  return colToDbl(rgb.r) >= kWhite && colToDbl(rgb.g) >= kWhite && colToDbl(rgb.b) >= kWhite;
}

// Collects the rules of the page it is shown. Text, images, shadings and patterns are passed
// over: the device says it draws them itself and then draws nothing.
class RuleCollector : public OutputDev {
 public:
  bool upsideDown() override { return true; }  // y down, as poppler-cpp's text boxes
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool useTilingPatternFill() override { return true; }
  bool useShadedFills(int) override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int, int, double,
                         double) override {
    return true;
  }
  bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
  bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
  bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }

  void stroke(GfxState* state) override {
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    if (is_white(rgb) || state->getStrokeOpacity() <= 0) return;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* subpath = path->getSubpath(s);
      for (int k = 1; k < subpath->getNumPoints(); ++k) {
        if (subpath->getCurve(k) || subpath->getCurve(k - 1)) continue;
        double x0, y0, x1, y1;
        state->transform(subpath->getX(k - 1), subpath->getY(k - 1), &x0, &y0);
        state->transform(subpath->getX(k), subpath->getY(k), &x1, &y1);
        add_segment(state, x0, y0, x1, y1);
      }
    }
  }
  void fill(GfxState* state) override { fill_rectangles(state); }
  void eoFill(GfxState* state) override { fill_rectangles(state); }

  // The pieces found, or nothing when there were too many (a drawing).
  std::vector<Rule> horizontal, vertical;
  bool overflow = false;

 private:
  void fill_rectangles(GfxState* state) {
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    if (is_white(rgb) || state->getFillOpacity() <= 0) return;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const std::optional<Box> box = rectangle(state, path->getSubpath(s));
      if (!box) continue;
      const double width = box->right - box->left, height = box->bottom - box->top;
      if (height <= kMaxThickness && width > height) {
        add(horizontal, {(box->top + box->bottom) / 2, box->left, box->right}, state);
      } else if (width <= kMaxThickness && height > width) {
        add(vertical, {(box->left + box->right) / 2, box->top, box->bottom}, state);
      }
    }
  }

  struct Box {
    double left, top, right, bottom;
  };
  // The device-space box of a subpath that is an upright rectangle (four corners, closed or not).
  static std::optional<Box> rectangle(const GfxState* state, const GfxSubpath* subpath) {
    const int points = subpath->getNumPoints();
    if (points < 4 || points > 5) return std::nullopt;
    double xs[5], ys[5];
    for (int k = 0; k < points; ++k) {
      if (subpath->getCurve(k)) return std::nullopt;
      state->transform(subpath->getX(k), subpath->getY(k), &xs[k], &ys[k]);
      if (!std::isfinite(xs[k]) || !std::isfinite(ys[k])) return std::nullopt;
    }
    Box box{*std::min_element(xs, xs + points), *std::min_element(ys, ys + points),
            *std::max_element(xs, xs + points), *std::max_element(ys, ys + points)};
    constexpr double kCorner = 0.1;
    for (int k = 0; k < points; ++k) {
      const bool on_x = std::abs(xs[k] - box.left) < kCorner || std::abs(xs[k] - box.right) < kCorner;
      const bool on_y = std::abs(ys[k] - box.top) < kCorner || std::abs(ys[k] - box.bottom) < kCorner;
      if (!on_x || !on_y) return std::nullopt;
    }
    return box;
  }

  void add_segment(const GfxState* state, double x0, double y0, double x1, double y1) {
    if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1)) return;
    constexpr double kStraight = 0.5;
    if (std::abs(y1 - y0) <= kStraight && std::abs(x1 - x0) > kStraight) {
      add(horizontal, {(y0 + y1) / 2, std::min(x0, x1), std::max(x0, x1)}, state);
    } else if (std::abs(x1 - x0) <= kStraight && std::abs(y1 - y0) > kStraight) {
      add(vertical, {(x0 + x1) / 2, std::min(y0, y1), std::max(y0, y1)}, state);
    }
  }

  // Adds the piece to `pieces` (`horizontal` or `vertical`, which says which way it runs) as far as
  // it lies within the clip.
  void add(std::vector<Rule>& pieces, Rule piece, const GfxState* state) {
    if (overflow) return;
    double left, top, right, bottom;
    state->getClipBBox(&left, &top, &right, &bottom);
    const bool across_x = &pieces == &horizontal;
    const double low_at = across_x ? top : left, high_at = across_x ? bottom : right;
    const double low = across_x ? left : top, high = across_x ? right : bottom;
    if (piece.at < low_at - kSameLine || piece.at > high_at + kSameLine) return;
    piece.from = std::max(piece.from, low);
    piece.to = std::min(piece.to, high);
    if (piece.to <= piece.from) return;
    if (horizontal.size() + vertical.size() >= kMaxRulePieces) {
      overflow = true;
      horizontal.clear();
      vertical.clear();
      return;
    }
    pieces.push_back(piece);
  }
};

// poppler's core reports syntax errors of damaged files on stderr; the reader reports the file.
void quiet(ErrorCategory, Goffset, const char*) {}

}  // namespace

std::vector<Rule> join_rules(std::vector<Rule> pieces) {
  std::sort(pieces.begin(), pieces.end(), [](const Rule& a, const Rule& b) { return a.at < b.at; });
  std::vector<Rule> joined;
  for (std::size_t begin = 0; begin < pieces.size();) {
    // One line: pieces whose `at` lies within kSameLine of the first's.
    std::size_t end = begin + 1;
    while (end < pieces.size() && pieces[end].at - pieces[begin].at <= kSameLine) ++end;
    std::sort(pieces.begin() + static_cast<std::ptrdiff_t>(begin), pieces.begin() + static_cast<std::ptrdiff_t>(end),
              [](const Rule& a, const Rule& b) { return a.from < b.from; });
    std::optional<Rule> run;
    const auto finish = [&] {
      if (run && run->to - run->from >= kMinLength) joined.push_back(*run);
    };
    for (std::size_t k = begin; k < end; ++k) {
      if (run && pieces[k].from <= run->to + kJoinGap) {
        run->to = std::max(run->to, pieces[k].to);
        continue;
      }
      finish();
      run = pieces[k];
    }
    finish();
    begin = end;
  }
  std::sort(joined.begin(), joined.end(),
            [](const Rule& a, const Rule& b) { return a.at != b.at ? a.at < b.at : a.from < b.from; });
  return joined;
}

struct PdfRules::Core {
  GlobalParamsIniter params{quiet};
  std::unique_ptr<PDFDoc> document;
};

PdfRules::PdfRules(std::string_view bytes) : core_(std::make_unique<Core>()) {
  // PDFDoc takes the stream; the stream reads `bytes` in place.
  core_->document = std::make_unique<PDFDoc>(
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
}

PdfRules::~PdfRules() = default;

PageRules PdfRules::page(int index) const {
  PDFDoc& document = *core_->document;
  if (!document.isOk() || index < 0 || index >= document.getNumPages()) return {};
  RuleCollector collector;
  // As poppler-cpp's page::text_list() lays the page out: 72 dpi, no extra rotation, the crop box.
  document.displayPageSlice(&collector, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr,
                            nullptr, nullptr, true);
  if (collector.overflow) return {};
  return {join_rules(std::move(collector.horizontal)), join_rules(std::move(collector.vertical))};
}

}  // namespace agencygraph::detail
