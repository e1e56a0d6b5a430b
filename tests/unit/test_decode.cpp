// Stage 1, bytes -> UTF-8. Fixtures are made two ways: with ICU at test time from one UTF-8 sample,
// and with glibc iconv (tests/data/encodings/make-fixtures.sh), so that detection is also tested on
// bytes ICU did not produce.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "agencygraph/decode.hpp"

using namespace agencygraph;

namespace {

// Lines 1, 27 and 29 of examples/jingzhou-2020.txt and a line with full-width punctuation; the same
// text as tests/data/encodings/sample.utf8.txt.
const std::string kLine1 = "荆州市人民政府办公室关于分解落实《政府工作报告》的通知(荆政办发〔2020〕1号)\n";
const std::string kLine2 =
    "1.认真落实各项扶贫政策,着力解决“两不愁三保障”突出问题,确保6280户13227人脱贫出列。严格落实“四不摘”要求,"
    "阻断致贫返贫源头,巩固脱贫成果。建立返贫预警机制、稳定脱贫长效机制,加强脱贫不稳定人口和边缘户监测,"
    "对返贫和新发生贫困人口及时给予帮扶。高度重视城市贫困问题,加强城镇贫困人口基本生活保障。"
    "(牵头单位:市扶贫办;责任单位:市扶贫攻坚领导小组各成员单位,各县市区政府,荆州开发区、纪南文旅区管委会)\n";
const std::string kLine3 =
    "2.持续加强长江岸线综合整治。(牵头单位:市交通运输局;责任单位:市水利和湖泊局、市生态环境局、"
    "市自然资源和规划局,各县市区政府,荆州开发区、纪南文旅区、荆州高新区管委会)\n";
const std::string kLine4 = "12.推进老旧小区改造。（牵头单位：市住建局；责任单位：市财政局，各县市区政府）\n";
const std::string kSample = kLine1 + kLine2 + kLine3 + kLine4;

const std::string kBomUtf8 = "\xEF\xBB\xBF";
const std::string kBomLE = "\xFF\xFE";
const std::string kBomBE = "\xFE\xFF";

// UTF-8 -> `encoding`, by ICU; no BOM is added.
std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  const int32_t need = ucnv_convert(encoding, "UTF-8", nullptr, 0, utf8.data(),
                                    static_cast<int32_t>(utf8.size()), &err);
  REQUIRE((err == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(err)));
  std::string out(static_cast<std::size_t>(need), '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(encoding, "UTF-8", out.data(), need, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  return out;
}

std::string fixture(const char* name) {
  return read_file_bytes(std::string(AGENCYGRAPH_TEST_DATA) + "/encodings/" + name);
}

std::string error_of(const std::string& bytes, const std::optional<std::string>& forced = {}) {
  try {
    decode(bytes, forced);
  } catch (const DecodeError& e) {
    return e.what();
  }
  return "(no error)";
}

struct Encoded {
  std::string bytes;
  const char* reported;
};

// The sample (or any text) in every encoding the detector must recognise.
std::vector<Encoded> all_encodings(const std::string& utf8) {
  return {
      {utf8, "UTF-8"},
      {kBomUtf8 + utf8, "UTF-8"},
      {kBomLE + encode(utf8, "UTF-16LE"), "UTF-16LE"},
      {kBomBE + encode(utf8, "UTF-16BE"), "UTF-16BE"},
      {encode(utf8, "GB18030"), "GB18030"},
      {encode(utf8, "GBK"), "GB18030"},  // GBK is read as its superset GB18030
      {encode(utf8, "UTF-16LE"), "UTF-16LE"},  // no BOM: found from the NUL pattern
      {encode(utf8, "UTF-16BE"), "UTF-16BE"},
  };
}

}  // namespace

TEST_SUITE("decode") {

TEST_CASE("the same document in each encoding decodes to identical UTF-8") {
  for (const Encoded& encoded : all_encodings(kSample)) {
    const std::string& bytes = encoded.bytes;
    const char* reported = encoded.reported;
    CAPTURE(reported);
    CAPTURE(bytes.size());
    const DecodedText d = decode(bytes);
    CHECK(d.text == kSample);
    CHECK(d.encoding == reported);
  }
}

TEST_CASE("full-width punctuation and CRLF line ends survive every encoding") {
  const std::string text = "（牵头单位：市住建局；责任单位：市财政局，各县市区政府）\r\n〔2020〕【重点】“第一责任人”。、\r\n";
  for (const Encoded& encoded : all_encodings(text)) {
    const std::string& bytes = encoded.bytes;
    const char* reported = encoded.reported;
    CAPTURE(reported);
    const DecodedText d = decode(bytes);
    CHECK(d.text == text);
    CHECK(d.encoding == reported);
  }
}

TEST_CASE("fixtures made by iconv are detected and match the UTF-8 reference") {
  const std::string reference = fixture("sample.utf8.txt");
  REQUIRE(reference == kSample);
  const DecodedText gbk = decode(fixture("sample.gbk.txt"));
  CHECK(gbk.encoding == "GB18030");
  CHECK(gbk.text == kSample);
  const DecodedText le = decode(fixture("sample.utf16le-bom.txt"));
  CHECK(le.encoding == "UTF-16LE");
  CHECK(le.text == kSample);
  const DecodedText be = decode(fixture("sample.utf16be-nobom.txt"));
  CHECK(be.encoding == "UTF-16BE");
  CHECK(be.text == kSample);
}

TEST_CASE("the BOM is stripped and nothing else") {
  const DecodedText d = decode(kBomUtf8 + "\xEF\xBB\xBF" "a");  // a second U+FEFF is text
  CHECK(d.text == "\xEF\xBB\xBF" "a");
  CHECK(decode(kBomLE + encode("市", "UTF-16LE")).text == "市");
  CHECK(decode(kBomLE + kBomLE + encode("市", "UTF-16LE")).text == "\xEF\xBB\xBF市");
  CHECK(decode(kBomLE + encode("市", "UTF-16LE"), std::string("UTF-16LE")).text == "市");
  CHECK(decode(kBomUtf8).text.empty());
}

TEST_CASE("zero-width spaces and joiners are dropped in every encoding; quotes and dashes stay") {
  // U+200B, U+200C, U+200D, U+2060 among the E2 80 / E2 81 characters Chinese text uses (“ ” — …).
  const std::string printed = "市教育局、\u200b市民政局\u2060、“市\u200c卫\u200d健委”——…\u200b";
  const std::string seen = "市教育局、市民政局、“市卫健委”——…";
  CHECK(decode(printed).text == seen);
  CHECK(decode(kBomUtf8 + printed).text == seen);
  CHECK(decode(encode(printed, "GB18030"), std::string("GB18030")).text == seen);
  CHECK(decode(kBomLE + encode(printed, "UTF-16LE")).text == seen);
  CHECK(decode("\u200b").text.empty());
  CHECK(decode("a\u200b").text == "a");  // the last three bytes
}

TEST_CASE("letter-spaced words are closed up; words side by side and cells stay apart") {
  // Distributed alignment in Word or WPS: a label or column name spread over its cell.
  CHECK(decode("牵 头 单 位：市财政局").text == "牵头单位：市财政局");
  CHECK(decode("责\u3000任\u3000单\u3000位：市教育局").text == "责任单位：市教育局");
  CHECK(decode("牵\u00a0头\u00a0单\u00a0位:A").text == "牵头单位:A");
  CHECK(decode("牵  头  单  位").text == "牵头单位");  // two spaces a gap, all alike
  // A wider gap, or one of another width, is the next cell's.
  CHECK(decode("序 号   工 作 任 务    牵 头 单 位").text == "序号   工作任务    牵头单位");
  CHECK(decode("序 号").text == "序号");  // a short column name of two characters
  // Two characters that make no column name, and words of two or more characters, stay apart.
  CHECK(decode("王 健").text == "王 健");
  CHECK(decode("市财政局 市教育局 市民政局").text == "市财政局 市教育局 市民政局");
  CHECK(decode("甲 乙 丙丁").text == "甲 乙 丙丁");
  CHECK(decode("1 是 否 2").text == "1 是 否 2");
  // Four spaces are a cell's gap; a line break ends a word; punctuation is no ideograph.
  CHECK(decode("牵    头    单    位").text == "牵    头    单    位");
  CHECK(decode("牵 头\n单 位").text == "牵 头\n单 位");
  CHECK(decode("、 。 （ ）").text == "、 。 （ ）");
  // In every encoding, as decoding gives it.
  CHECK(decode(encode("牵 头 单 位：市财政局", "GB18030"), std::string("GB18030")).text == "牵头单位：市财政局");
}

TEST_CASE("small form punctuation reads as the usual forms; other small forms stay") {
  CHECK(decode("1\ufe52全省生产总值增长7%\ufe50力争更好\ufe51省发改委\ufe59牵头\ufe5a\ufe54").text ==
        "1．全省生产总值增长7%，力争更好、省发改委（牵头）；");
  CHECK(decode("\ufe61\ufe58\ufe6b").text == "\ufe61\ufe58\ufe6b");
  CHECK(decode(encode("1\ufe52任务", "GB18030"), std::string("GB18030")).text == "1．任务");
}

TEST_CASE("short GBK text that fools ICU's detector is still read as GB18030") {
  for (const char* text : {"责任单位\n", "市住建局", "牵头单位：市扶贫办"}) {
    CAPTURE(text);
    const DecodedText d = decode(encode(text, "GBK"));
    CHECK(d.encoding == "GB18030");
    CHECK(d.text == text);
  }
}

TEST_CASE("empty input is empty text") {
  CHECK(decode("").text.empty());
  CHECK(decode("").encoding == "UTF-8");
  CHECK(decode("", std::string("GBK")).text.empty());
}

TEST_CASE("a forced encoding is used without detection") {
  const DecodedText gbk = decode(encode(kSample, "GBK"), std::string("gbk"));
  CHECK(gbk.text == kSample);
  CHECK(gbk.encoding == "GB18030");
  const DecodedText le = decode(encode(kSample, "UTF-16LE"), std::string("utf-16le"));
  CHECK(le.text == kSample);
  CHECK(le.encoding == "UTF-16LE");
  // Big5 is never guessed, but is read when named.
  const std::string traditional = "牽頭單位：市政府；配合單位：財政局。按職責分工負責\n";
  const DecodedText big5 = decode(encode(traditional, "Big5"), std::string("BIG5"));
  CHECK(big5.text == traditional);
  CHECK(big5.encoding == "Big5");
  // Latin-1 bytes are valid in a single-byte encoding, whatever they mean.
  CHECK(decode("caf\xE9\n", std::string("latin1")).text == "café\n");
}

TEST_CASE("an invalid byte under a forced encoding names the line and byte offset") {
  const std::string head = encode(kLine1 + kLine2, "GB18030");
  const std::string bad = head + "\xFF" + encode(kLine3 + kLine4, "GB18030");
  const std::string expected = "invalid GB18030 byte sequence at line 3 (byte offset " + std::to_string(head.size()) + ")";
  CHECK(error_of(bad, std::string("GBK")) == expected);
  CHECK(error_of(bad, std::string("gb18030")) == expected);
  // GBK read as UTF-8: the first byte of 荆 already fails.
  CHECK(error_of(encode(kSample, "GBK"), std::string("UTF-8")) == "invalid UTF-8 byte sequence at line 1 (byte offset 0)");
  // A lone surrogate in UTF-16, on the second line; offsets count the BOM.
  const std::string u16 = kBomLE + encode(kLine1, "UTF-16LE") + std::string("\x00\xD8\x41\x00", 4);
  CHECK(error_of(u16, std::string("UTF-16LE")) ==
        "invalid UTF-16LE byte sequence at line 2 (byte offset " + std::to_string(u16.size() - 4) + ")");
  // Input that ends inside a character.
  const std::string cut = encode(kLine1 + "市", "GB18030");
  CHECK(error_of(cut.substr(0, cut.size() - 1), std::string("GBK")) ==
        "truncated GB18030 byte sequence at line 2 (byte offset " + std::to_string(cut.size() - 2) + ")");
}

TEST_CASE("an unknown encoding name is an error") {
  CHECK(error_of("abc", std::string("XYZ")) == "unknown encoding 'XYZ'");
  CHECK(error_of("abc", std::string("")) == "unknown encoding ''");
}

TEST_CASE("damaged UTF-8 is reported at its line, not guessed to be another encoding") {
  const std::string bad = kLine1 + kLine2 + "\xE5\xB8" + kLine3 + kLine4;  // a truncated 3-byte character
  const std::string expected = "invalid UTF-8 byte sequence at line 3 (byte offset " + std::to_string((kLine1 + kLine2).size()) + ")";
  CHECK(error_of(bad) == expected);
  CHECK(error_of(kBomUtf8 + bad) ==
        "invalid UTF-8 byte sequence at line 3 (byte offset " + std::to_string((kLine1 + kLine2).size() + 3) + ")");
  // Latin-1 is none of the detected encodings.
  const std::string latin1 = "title\ncaf\xE9 na\xEFve\n";
  CHECK(error_of(latin1) == "invalid UTF-8 byte sequence at line 2 (byte offset 9); not UTF-8, UTF-16 or GB18030 text");
}

// Three valid multi-byte characters for every bad byte still make UTF-8; the count must reach the
// end of the input (a bad byte first, the valid characters after it) to tell.
TEST_CASE("damaged UTF-8 is told from other bytes by three valid characters to a bad byte") {
  CHECK(error_of("\xFF市市市") == "invalid UTF-8 byte sequence at line 1 (byte offset 0)");
  CHECK(error_of("\xFF市市") != "invalid UTF-8 byte sequence at line 1 (byte offset 0)");
  CHECK(error_of("市\xFF市市") == "invalid UTF-8 byte sequence at line 1 (byte offset 3)");
  CHECK(error_of("市\xFF\xFF市市市市市") == "invalid UTF-8 byte sequence at line 1 (byte offset 3)");
  CHECK(error_of("市\xFF\xFF市市市市") != "invalid UTF-8 byte sequence at line 1 (byte offset 3)");
}

TEST_CASE("Big5 is not taken for GB18030") {
  const std::string traditional =
      "牽頭單位：市政府；配合單位：財政局、教育局、衛生局。按職責分工負責，年內持續推進。\n"
      "責任單位：市發展和改革委員會、市住房和城鄉建設局，各縣市區人民政府。\n";
  const std::string msg = error_of(encode(traditional, "Big5"));
  CHECK(msg.find("invalid UTF-8 byte sequence at line 1") == 0);
  CHECK(msg.find("Big5") != std::string::npos);
}

TEST_CASE("binary data is rejected") {
  std::string png("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00", 29);  // signature, IHDR length and type, 13 data bytes
  std::mt19937 rng(20200101);
  std::string noise;
  for (int i = 0; i < 400; ++i) noise.push_back(static_cast<char>(rng() & 0xFF));
  CHECK(error_of(png + noise) == "binary data, not text");
  std::string no_nul = noise;
  for (char& c : no_nul)
    if (c == '\0') c = '\x01';
  CHECK(error_of(no_nul) == "binary data, not text");
  // Valid UTF-8, but mostly control characters.
  CHECK(error_of(std::string("\x01\x02\x03\x04 abc \x05\x06\x07\x08\x0E\x0F")) == "binary data, not text");
  // A NUL in otherwise valid UTF-8 text that is not UTF-16.
  CHECK(error_of(kSample + std::string(1, '\0') + "x") == "binary data, not text");
  CHECK(error_of(kSample + std::string(1, '\0') + "x", std::string("UTF-8")) == "binary data, not text");
}

TEST_CASE("the UTF-8 validator agrees with ICU's strict UTF-8 converter") {
  // Bytes around every boundary of the UTF-8 grammar: overlongs, surrogates, > U+10FFFF, truncation.
  const unsigned char alphabet[] = {'a',  '\n', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                    0xDF, 0xE0, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(7);
  UErrorCode err = U_ZERO_ERROR;
  UConverter* icu = ucnv_open("UTF-8", &err);
  REQUIRE(U_SUCCESS(err));
  ucnv_setToUCallBack(icu, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  for (int round = 0; round < 20000; ++round) {
    // Valid characters (ASCII, 汉, é, 𠀀) with a few bytes from the alphabet mixed in; long enough,
    // now and then, for the validator's 16-byte blocks and its two interleaved halves.
    std::string s = "ab";  // never a BOM, which the forced UTF-8 path would strip
    const auto len = 1 + rng() % (round % 2 == 0 ? 12 : 120);
    for (unsigned k = 0; k < len; ++k) {
      switch (rng() % 6) {
        case 0: s += "x"; break;
        case 1: s += "汉"; break;
        case 2: s += "é"; break;
        case 3: s += "\xF0\xA0\x80\x80"; break;
        default:
          if (rng() % (round % 2 == 0 ? 1 : 40) == 0) s.push_back(static_cast<char>(alphabet[rng() % sizeof alphabet]));
          else s += "汉";
      }
    }
    // What ICU says: the offset of the first invalid sequence, or none.
    ucnv_reset(icu);
    UChar out[2048];
    UChar* target = out;
    const char* src = s.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(icu, &target, out + 2048, &src, s.data() + s.size(), nullptr, true, &err);
    REQUIRE(err != U_BUFFER_OVERFLOW_ERROR);
    std::string expected = "(no error)";
    if (U_FAILURE(err)) {
      char bad[8];
      int8_t bad_len = sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(icu, bad, &bad_len, &e2);
      const auto offset = static_cast<std::size_t>(src - s.data()) - static_cast<std::size_t>(bad_len);
      const auto line = 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<long>(offset), '\n'));
      expected = std::string(err == U_TRUNCATED_CHAR_FOUND ? "truncated" : "invalid") + " UTF-8 byte sequence at line " +
                 std::to_string(line) + " (byte offset " + std::to_string(offset) + ")";
    }
    CAPTURE(s);
    CHECK(error_of(s, std::string("UTF-8")) == expected);
  }
  ucnv_close(icu);
}

// decode_owned() must be decode() in all but the copy it saves.
TEST_CASE("decode_owned decodes as decode does, and takes UTF-8 input over without a copy") {
  const std::vector<std::pair<std::string, std::optional<std::string>>> inputs = {
      {kSample, std::nullopt},
      {kBomUtf8 + kSample, std::nullopt},
      {kBomUtf8 + kSample, std::string("UTF-8")},
      {kSample, std::string("utf8")},
      {encode(kSample, "GBK"), std::nullopt},
      {kBomLE + encode(kSample, "UTF-16LE"), std::nullopt},
      {encode(kSample, "UTF-16BE"), std::string("UTF-16BE")},
      {"", std::nullopt},
      {kBomUtf8, std::nullopt},
      {kSample + "\xFF", std::nullopt},
      {kSample + std::string(1, '\0'), std::nullopt},
  };
  for (const auto& input : inputs) {
    const std::string& bytes = input.first;
    const std::optional<std::string>& forced = input.second;
    CAPTURE(bytes);
    std::string expected_error;
    DecodedText expected;
    try {
      expected = decode(bytes, forced);
    } catch (const DecodeError& e) {
      expected_error = e.what();
    }
    std::string error;
    DecodedText got;
    try {
      got = decode_owned(bytes, forced);
    } catch (const DecodeError& e) {
      error = e.what();
    }
    CHECK(error == expected_error);
    CHECK(got.text == expected.text);
    CHECK(got.encoding == expected.encoding);
  }
  std::string bytes = kSample;
  const char* storage = bytes.data();
  CHECK(decode_owned(std::move(bytes)).text.data() == storage);
}

TEST_CASE("read_file_bytes reads files and reports why it cannot") {
  CHECK(fixture("sample.gbk.txt").size() == 708);
  CHECK(read_file_bytes(std::string(AGENCYGRAPH_TEST_DATA) + "/encodings/sample.utf8.txt") == kSample);
  CHECK_THROWS_WITH_AS(read_file_bytes(std::string(AGENCYGRAPH_TEST_DATA) + "/encodings/no-such-file.txt"),
                       "cannot open: No such file or directory", std::runtime_error);
  CHECK_THROWS_WITH_AS(read_file_bytes(std::string(AGENCYGRAPH_TEST_DATA) + "/encodings"),
                       "cannot open: Is a directory", std::runtime_error);
}

}  // TEST_SUITE
