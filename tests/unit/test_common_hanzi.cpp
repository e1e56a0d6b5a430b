// The common-ideograph test that lets GB18030 files skip ICU's detector (text/common_hanzi.hpp): real
// documents pass it with a wide margin, and East Asian text of other encodings misread as GB18030
// fails it, also with a wide margin, so the detector still decides those.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <fstream>
#include <sstream>
#include <string>

#include "agencygraph/decode.hpp"
#include "text/common_hanzi.hpp"

namespace {

std::string read_example(const std::string& name) {
  std::ifstream in(std::string(AGENCYGRAPH_EXAMPLES) + "/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `from` -> `to` by ICU, with substitution: for reading bytes as another encoding would.
std::string convert(const std::string& text, const char* to, const char* from) {
  UErrorCode err = U_ZERO_ERROR;
  const int32_t need = ucnv_convert(to, from, nullptr, 0, text.data(), static_cast<int32_t>(text.size()), &err);
  REQUIRE((err == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(err)));
  std::string out(static_cast<std::size_t>(need), '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(to, from, out.data(), need, text.data(), static_cast<int32_t>(text.size()), &err);
  REQUIRE(U_SUCCESS(err));
  return out;
}

// Text written in `encoding` and then read as GB18030.
std::string misread_as_gb18030(const std::string& utf8, const char* encoding) {
  return convert(convert(utf8, encoding, "UTF-8"), "UTF-8", "GB18030");
}

double share(const agencygraph::detail::HanziSample& sample) {
  return static_cast<double>(sample.common) / static_cast<double>(sample.ideographs);
}

const std::string kKorean =
    "대한민국 정부는 국민의 안전과 행복을 위하여 다양한 정책을 추진하고 있습니다. 각 부처는 책임을 나누어 업무를 "
    "수행하며, 지방자치단체와 협력하여 지역 발전을 도모합니다. 이 문서는 올해의 주요 과제와 담당 기관을 정리한 "
    "것입니다. 교육부는 학교 안전을 책임지고, 보건복지부는 의료 서비스를 개선하며, 국토교통부는 교통 인프라를 "
    "확충합니다. 우리는 모든 국민이 더 나은 삶을 누릴 수 있도록 최선을 다하겠습니다.";
const std::string kJapanese =
    "日本政府は国民の安全と幸福のために様々な政策を推進しています。各省庁は責任を分担して業務を遂行し、地方自治体と"
    "協力して地域の発展を図ります。この文書は今年の主要な課題と担当機関をまとめたものです。文部科学省は学校の安全を"
    "担当し、厚生労働省は医療サービスを改善し、国土交通省は交通インフラを整備します。";
const std::string kTraditional =
    "各部門按職責分工負責，市發展改革委牽頭，市財政局配合。推進經濟社會高質量發展，加強政府自身建設。"
    "責任單位：市住房和城鄉建設局、市教育局、市衛生健康委員會，各縣市區人民政府按職責分工負責。";

std::string times(const std::string& text, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += text;
  return out;
}

}  // namespace

TEST_CASE("the example documents read as Chinese, with a wide margin") {
  for (const char* name : {"jingzhou-2020.txt", "lueyang-2023-work-report.txt", "tongshan-2023-excerpt.txt",
                           "xianning-2023-p1.txt", "xianning-2023-p2.txt"}) {
    CAPTURE(name);
    const std::string text = read_example(name);
    const auto sample = agencygraph::detail::sample_hanzi(text);
    CHECK(sample.ideographs >= 100);
    CHECK(share(sample) > 0.5);
    CHECK(agencygraph::detail::reads_as_chinese(text));
  }
}

TEST_CASE("Korean, Japanese and Big5 text misread as GB18030 does not read as Chinese") {
  struct Case {
    const std::string* text;
    const char* encoding;
  };
  for (const Case& c : {Case{&kKorean, "EUC-KR"}, Case{&kJapanese, "EUC-JP"}, Case{&kJapanese, "Shift_JIS"},
                        Case{&kTraditional, "Big5"}}) {
    CAPTURE(c.encoding);
    const std::string misread = misread_as_gb18030(times(*c.text, 8), c.encoding);
    const auto sample = agencygraph::detail::sample_hanzi(misread);
    CHECK(sample.ideographs >= 100);  // enough to judge, so false is the share's verdict
    CHECK(share(sample) < 0.1);
    CHECK_FALSE(agencygraph::detail::reads_as_chinese(misread));
  }
}

TEST_CASE("too few ideographs are not judged") {
  CHECK_FALSE(agencygraph::detail::reads_as_chinese("市发展改革委牵头，市财政局配合。"));
  CHECK_FALSE(agencygraph::detail::reads_as_chinese(""));
  CHECK_FALSE(agencygraph::detail::reads_as_chinese("plain ASCII text, no ideographs at all"));
  // Only the first 1,000 ideographs are sampled.
  const auto sample = agencygraph::detail::sample_hanzi(times("市", 5000));
  CHECK(sample.ideographs == 1000);
  CHECK(sample.common == 1000);
}

TEST_CASE("GB18030 documents decode to the same text whether or not they need the detector") {
  // A long document takes the quick path, a short one (under 100 ideographs) the detector's: both
  // must be read as GB18030 and give back the text exactly.
  const std::string document = read_example("xianning-2023-p1.txt");
  const std::string short_text = "牵头单位：市发改委；责任单位：市财政局、市教育局。\n";
  for (const std::string* text : {&document, &short_text}) {
    const agencygraph::DecodedText decoded = agencygraph::decode(convert(*text, "GB18030", "UTF-8"));
    CHECK(decoded.encoding == "GB18030");
    CHECK(decoded.text == *text);
  }
}
