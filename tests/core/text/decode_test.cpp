#include <doctest/doctest.h>

#include <string>

#include "core/error.h"
#include "core/text/decode.h"

using namespace cmap::text;

namespace {

DecodedText decode(std::string_view bytes, Format f = Format::Text) { return decodeText(bytes, f, "test.txt"); }

// Every byte of `word` in the decoded text maps back to the same bytes in the source.
void checkMapsBack(const DecodedText& d, std::string_view source, std::string_view word) {
    const size_t at = d.text.find(word);
    REQUIRE(at != std::string::npos);
    const uint32_t start = d.sourceOffset(static_cast<uint32_t>(at));
    const uint32_t end = d.sourceEnd(static_cast<uint32_t>(at + word.size()));
    CHECK(source.substr(start, end - start) == word);
}

std::string problemOf(std::string_view bytes, Format f = Format::Text) {
    try {
        decodeText(bytes, f, "x/sample.txt");
    } catch (const cmap::DataError& e) {
        CHECK(e.path() == "x/sample.txt");
        return e.problem();
    }
    return "";
}

}  // namespace

TEST_CASE("formatForPath picks the format from the extension") {
    CHECK(formatForPath("a/b.txt") == Format::Text);
    CHECK(formatForPath("a/b.TXT") == Format::Text);
    CHECK(formatForPath("b.md") == Format::Markdown);
    CHECK(formatForPath("b.html") == Format::Html);
    CHECK(formatForPath("b.HTM") == Format::Html);
    CHECK(formatForPath("b.docx") == Format::Text);
    CHECK(formatForPath("README") == Format::Text);
}

TEST_CASE("valid UTF-8 text is kept as is, without an offset map") {
    const std::string src = "Troops moved to Hom\xC3\xA9s.\nA second line \xE2\x80\x94 with a dash.";
    const auto d = decode(src);
    CHECK(d.text == src);
    CHECK(d.identity());
    CHECK(d.toSource.empty());
    CHECK(d.warnings.empty());
    CHECK(d.sourceOffset(5) == 5);
    CHECK(d.sourceOffset(static_cast<uint32_t>(src.size())) == src.size());
    CHECK(d.sourceOffset(1000000) == src.size());  // past the end clamps
}

TEST_CASE("a UTF-8 byte order mark is skipped but offsets still point into the file") {
    const std::string src = "\xEF\xBB\xBFHello Aleppo";
    const auto d = decode(src);
    CHECK(d.text == "Hello Aleppo");
    CHECK(d.identity());
    CHECK(d.sourceOffset(0) == 3);
    checkMapsBack(d, src, "Aleppo");
}

TEST_CASE("empty input decodes to empty text") {
    const auto d = decode("");
    CHECK(d.text.empty());
    CHECK(d.sourceOffset(0) == 0);
    CHECK(decode("\xEF\xBB\xBF").text.empty());
    CHECK(decode("", Format::Html).text.empty());
}

TEST_CASE("binary input is refused naming the file") {
    CHECK(problemOf(std::string("GIF89a\0\0\x01\x02", 10)) == "binary file, not text");
    CHECK(problemOf(std::string("text with a NUL\0 inside", 23)) == "binary file, not text");
    std::string controls;
    for (int i = 0; i < 200; ++i) controls += "ab\x01\x02\x03";
    CHECK(problemOf(controls) == "binary file, not text");
    CHECK(problemOf(std::string("<p>\0</p>", 8), Format::Html) == "binary file, not text");
    // One stray control character is still text.
    CHECK(decode("Bell\x07 rang in Idlib.").text == "Bell\x07 rang in Idlib.");
}

TEST_CASE("invalid UTF-8 is read as Windows-1252 with a warning") {
    const std::string src = "Caf\xE9 in Tartus, \x93quoted\x94 \x97 \x80" "5";
    const auto d = decode(src);
    CHECK(d.text == "Caf\xC3\xA9 in Tartus, \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 \xE2\x82\xAC" "5");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0] == "not valid UTF-8, read as Windows-1252");
    REQUIRE(d.toSource.size() == d.text.size() + 1);
    // Both bytes of the decoded é come from the one source byte.
    CHECK(d.sourceOffset(3) == 3);
    CHECK(d.sourceOffset(4) == 3);
    CHECK(d.sourceOffset(5) == 4);
    CHECK(d.sourceEnd(5) == 4);
    checkMapsBack(d, src, "Tartus");
    checkMapsBack(d, src, "quoted");
    CHECK(d.sourceOffset(static_cast<uint32_t>(d.text.size())) == src.size());
}

TEST_CASE("UTF-8 with a few stray legacy bytes keeps its UTF-8 and fixes only those bytes") {
    const std::string src = "Homs \xE2\x80\x94 Hama \xE2\x80\x94 Idlib \xE2\x80\x94 Dar\xE2\x80\x99" "a, caf\xE9.";
    const auto d = decode(src);
    CHECK(d.text == "Homs \xE2\x80\x94 Hama \xE2\x80\x94 Idlib \xE2\x80\x94 Dar\xE2\x80\x99" "a, caf\xC3\xA9.");
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].find("Windows-1252") != std::string::npos);
    checkMapsBack(d, src, "Idlib");
}

TEST_CASE("overlong and surrogate UTF-8 forms are not valid UTF-8") {
    CHECK(isValidUtf8("plain"));
    CHECK(isValidUtf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(isValidUtf8("\xE2\x80"));          // truncated
}

TEST_CASE("UTF-16 with a byte order mark is decoded") {
    const std::string le("\xFF\xFE" "A\0l\0e\0p\0p\0o\0 \0\x14\x20", 18);
    const auto d = decode(le);
    CHECK(d.text == "Aleppo \xE2\x80\x94");
    CHECK(d.sourceOffset(0) == 2);
    CHECK(d.sourceOffset(1) == 4);
    const std::string be("\xFE\xFF\0H\0i", 6);
    CHECK(decode(be).text == "Hi");
}

TEST_CASE("Markdown keeps its text and offsets") {
    const std::string src = "# Heading\n\n*Latakia* and [Tartus](http://example.org).";
    const auto d = decode(src, Format::Markdown);
    CHECK(d.text == src);
    CHECK(d.identity());
}

TEST_CASE("HTML: tags are stripped, scripts, styles and comments dropped, entities decoded") {
    const std::string src =
        "<!DOCTYPE html><html><head><title>Port news</title><style>p { color: red; }</style>"
        "<script type=\"text/javascript\">var s = '<p>not text</p>'; if (a < b) {}</script></head>"
        "<body><!-- a comment with <p>tags</p> --><h1>Ships &amp; planes</h1>"
        "<p class=\"lead\" data-x='a > b'>Russia&rsquo;s base in <b>Tartus</b> &mdash; and &#8220;Latakia&#x201D;.</p>"
        "<p>Second&nbsp;paragraph<br>after a break &unknown; &amp</p></body></html>";
    const auto d = decode(src, Format::Html);
    CHECK(d.text ==
          "Port news\nShips & planes\nRussia\xE2\x80\x99s base in Tartus \xE2\x80\x94 and "
          "\xE2\x80\x9CLatakia\xE2\x80\x9D.\nSecond paragraph\nafter a break &unknown; &amp");
    REQUIRE(d.toSource.size() == d.text.size() + 1);
    checkMapsBack(d, src, "Tartus");
    checkMapsBack(d, src, "Port news");
    checkMapsBack(d, src, "Latakia");
    // An entity's bytes all point at its '&' and end after its ';'.
    const auto amp = static_cast<uint32_t>(d.text.find('&'));
    CHECK(src.substr(d.sourceOffset(amp), d.sourceEnd(amp + 1) - d.sourceOffset(amp)) == "&amp;");
    const auto dash = static_cast<uint32_t>(d.text.find("\xE2\x80\x94"));
    CHECK(src.substr(d.sourceOffset(dash), d.sourceEnd(dash + 3) - d.sourceOffset(dash)) == "&mdash;");
    // A span's end leaves out the markup that follows it; its start is where the next text begins.
    const auto tartusEnd = static_cast<uint32_t>(d.text.find("Tartus") + 6);
    CHECK(src.compare(d.sourceEnd(tartusEnd), 4, "</b>") == 0);
}

TEST_CASE("HTML: source line breaks are spaces, block tags are line breaks, <pre> keeps lines") {
    const std::string src = "<p>One long\n   sentence wrapped\r\nby the editor.</p>\n\n<div>Next</div><pre>a\nb</pre>x";
    const auto d = decode(src, Format::Html);
    CHECK(d.text == "One long sentence wrapped by the editor.\nNext\na\nb\nx");
}

TEST_CASE("HTML: numeric references, literal '<', broken markup") {
    CHECK(decode("a &#60; b &#x3C; c &#151; &#0; &#xD800; &#99999999;", Format::Html).text ==
          "a < b < c \xE2\x80\x94 \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(decode("&#1234567890123; &#xZZ; &#;", Format::Html).text == "&#1234567890123; &#xZZ; &#;");
    CHECK(decode("if a < b and c<3 then", Format::Html).text == "if a < b and c<3 then");
    CHECK(decode("Text <!-- never closed", Format::Html).text == "Text");
    CHECK(decode("Text <a href=\"never closed>more", Format::Html).text == "Text");
    CHECK(decode("Text <script>alert(1)", Format::Html).text == "Text");
    CHECK(decode("<SCRIPT>x</SCRIPT >Shown<Style>y</STYLE>", Format::Html).text == "Shown");
    CHECK(decode("Lata&shy;kia", Format::Html).text == "Latakia");
    CHECK(decode("<td>a</td><td>b</td>", Format::Html).text == "a b");
}

TEST_CASE("HTML in Windows-1252 maps through both decoding steps") {
    const std::string src = "<p>Caf\xE9 near <b>Homs</b></p>";
    const auto d = decode(src, Format::Html);
    CHECK(d.text == "Caf\xC3\xA9 near Homs");
    CHECK(d.warnings.size() == 1);
    checkMapsBack(d, src, "Homs");
    CHECK(d.sourceOffset(4) == 6);  // second byte of é -> the one source byte
}

// Linear time is not timed here (tests stay deterministic on shared machines): quadratic
// behaviour on these inputs would run for hours, past ctest's timeout, and bench/ measures speed.
TEST_CASE("big inputs decode whole, without quadratic blow-up") {
    // 20 MB on a single line, valid UTF-8: no map, one copy.
    std::string line;
    line.reserve(20u << 20);
    while (line.size() < (20u << 20)) line += "word \xC3\xA9 ";
    const auto d = decode(line);
    CHECK(d.text.size() == line.size());
    CHECK(d.identity());
    // 4 MB of dense markup.
    std::string html;
    while (html.size() < (4u << 20)) html += "<p class='x'>Homs &amp; Hama</p><!-- c --><span>a</span>";
    const auto h = decode(html, Format::Html);
    CHECK(h.text.size() > 1000);
    // 4 MB of an unclosed quote inside a tag and of '<' that open nothing.
    CHECK(decode("<a title=\"" + std::string(4u << 20, 'x'), Format::Html).text.empty());
    CHECK(decode(std::string(4u << 20, '<'), Format::Html).text.size() == (4u << 20));
}
