#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/error.h"
#include "core/text/article.h"
#include "core/text/dates.h"
#include "core/text/sentences.h"

using cmap::model::Date;
using namespace cmap::text;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed with everything in it at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path = fs::temp_directory_path() / ("cmap_article_test_" + std::to_string(stamp) + "_" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, std::string_view bytes) const {
        const fs::path p = path / name;
        std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return p;
    }
};

// The DataError a call throws: "path: problem", or "" when it throws none.
template <class F>
std::string dataError(F&& f) {
    try {
        f();
    } catch (const cmap::DataError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("sidecarPath replaces the extension") {
    CHECK(sidecarPath("x/foo.txt") == fs::path("x/foo.meta.json"));
    CHECK(sidecarPath("x/foo.html") == fs::path("x/foo.meta.json"));
    CHECK(sidecarPath("foo") == fs::path("foo.meta.json"));
}

TEST_CASE("loadArticle reads text and its sidecar") {
    TempDir dir;
    const std::string body = "Ships docked at Tartus on Monday.\nJets landed at Latakia.";
    const auto path = dir.write("a.txt", body);
    dir.write("a.meta.json",
              R"({"title": "Ports", "source": null, "author": "A. Writer", "published": "2015-09-30", "kind": "news"})");
    const Article a = loadArticle(path);
    CHECK(a.path == path.string());
    CHECK(a.bytes() == body);
    CHECK(a.decoded.text == body);
    CHECK(a.decoded.identity());
    CHECK(a.meta.title == "Ports");
    CHECK_FALSE(a.meta.source);
    CHECK(a.meta.author == "A. Writer");
    CHECK(a.meta.kind == "news");
    CHECK(a.meta.published == Date{2015, 9, 30});
    CHECK(a.meta.publishedFrom == PublishedFrom::Sidecar);
    CHECK(a.warnings.empty());
}

TEST_CASE("a long article is read byte for byte") {
    // Over 4 MiB: read into room backed by huge pages, which must change nothing of the bytes.
    TempDir dir;
    std::string body;
    for (int i = 0; body.size() < (9u << 20); ++i) body += "Convoy " + std::to_string(i) + " passed the bridge at Raqqa.\n";
    const Article a = loadArticle(dir.write("long.txt", body));
    CHECK(a.bytes().size() == body.size());
    CHECK(a.bytes() == body);
}

TEST_CASE("publication date priority: override, sidecar, text, unknown") {
    TempDir dir;
    const auto withSidecar = dir.write("s.txt", "Published: September 29, 2015\nBody.");
    dir.write("s.meta.json", R"({"published": "2015-09"})");
    CHECK(loadArticle(withSidecar).meta.published == Date{2015, 9, 0});
    const Article over = loadArticle(withSidecar, Date{2015, 10, 1});
    CHECK(over.meta.published == Date{2015, 10, 1});
    CHECK(over.meta.publishedFrom == PublishedFrom::Override);

    const auto textOnly = dir.write("t.txt", "Published: September 29, 2015\nBody.");
    const Article t = loadArticle(textOnly);
    CHECK(t.meta.published == Date{2015, 9, 29});
    CHECK(t.meta.publishedFrom == PublishedFrom::Text);

    const auto nothing = dir.write("n.txt", "Body without a date.");
    const Article n = loadArticle(nothing);
    CHECK_FALSE(n.meta.published);
    CHECK(n.meta.publishedFrom == PublishedFrom::Unknown);

    // A null date in the sidecar leaves the text to speak.
    const auto nullDate = dir.write("z.txt", "Published: September 29, 2015\nBody.");
    dir.write("z.meta.json", R"({"published": null, "title": null})");
    CHECK(loadArticle(nullDate).meta.published == Date{2015, 9, 29});
}

TEST_CASE("bad files are DataErrors naming the file") {
    TempDir dir;
    const auto missing = dir.path / "missing.txt";
    CHECK(dataError([&] { loadArticle(missing); }) == missing.string() + ": no such file");
    CHECK(dataError([&] { loadArticle(dir.path); }) == dir.path.string() + ": is a directory, not a file");
    const auto bin = dir.write("b.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
    CHECK(dataError([&] { loadArticle(bin); }) == bin.string() + ": binary file, not text");
}

TEST_CASE("bad sidecars are DataErrors naming the sidecar and the problem") {
    TempDir dir;
    const auto art = dir.write("x.txt", "Text.");
    const auto side = dir.path / "x.meta.json";
    const std::string s = side.string();

    dir.write("x.meta.json", R"({"title": "unterminated)");
    const std::string malformed = dataError([&] { loadArticle(art); });
    CHECK(malformed.rfind(s + ": not valid JSON: ", 0) == 0);
    CHECK(malformed.find("[json.exception") == std::string::npos);

    // A number too large for a double is a JSON error too, not an internal failure (found by
    // fuzz/fuzz_sidecar.cpp).
    dir.write("x.meta.json", R"({"title": "T", "rating": 1e999})");
    CHECK(dataError([&] { loadArticle(art); }).rfind(s + ": not valid JSON: ", 0) == 0);

    dir.write("x.meta.json", R"(["not", "an", "object"])");
    CHECK(dataError([&] { loadArticle(art); }) == s + ": expected a JSON object, got array");

    dir.write("x.meta.json", R"({"title": 42})");
    CHECK(dataError([&] { loadArticle(art); }) == s + ": title: expected a string or null, got number");

    dir.write("x.meta.json", R"({"published": 2015})");
    CHECK(dataError([&] { loadArticle(art); }) == s + ": published: expected a string or null, got number");

    dir.write("x.meta.json", R"({"published": "2015-02-30"})");
    CHECK(dataError([&] { loadArticle(art); }) == s + ": published: 2015-02-30 is not a valid date");

    dir.write("x.meta.json", R"({"published": "30/09/2015"})");
    CHECK(dataError([&] { loadArticle(art); }) ==
          s + ": published: 30/09/2015 is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");

    // Even with an override the sidecar must be sound: it is the user's data and it is wrong.
    dir.write("x.meta.json", R"({"published": "2015-13"})");
    CHECK_FALSE(dataError([&] { loadArticle(art, Date{2015, 9, 30}); }).empty());

    fs::remove(side);
    fs::create_directory(side);
    CHECK(dataError([&] { loadArticle(art); }) == s + ": is a directory, not a file");
    fs::remove(side);

    // Unknown keys are only warnings.
    dir.write("x.meta.json", R"({"published": "2015", "tags": ["a"]})");
    const Article a = loadArticle(art);
    CHECK(a.meta.published == Date{2015, 0, 0});
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0] == s + ": unknown key 'tags' ignored");
}

TEST_CASE("HTML and Windows-1252 articles decode with warnings naming the file") {
    TempDir dir;
    const auto html = dir.write("p.html", "<html><body><p>Jets at <b>Latakia</b>.</p><script>x()</script></body></html>");
    const Article h = loadArticle(html);
    CHECK(h.decoded.text == "Jets at Latakia.");
    const auto at = static_cast<uint32_t>(h.decoded.text.find("Latakia"));
    CHECK(h.bytes().substr(h.decoded.sourceOffset(at), 7) == "Latakia");

    const auto legacy = dir.write("l.txt", "Caf\xE9 in Homs.");
    const Article l = loadArticle(legacy);
    CHECK(l.decoded.text == "Caf\xC3\xA9 in Homs.");
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0] == legacy.string() + ": not valid UTF-8, read as Windows-1252");

    const auto empty = dir.write("e.txt", "");
    CHECK(loadArticle(empty).decoded.text.empty());
}

TEST_CASE("makeArticle decodes from memory") {
    ArticleMeta meta;
    meta.title = "T";
    const Article a = makeArticle("stdin:1", "Posted: 2015-09-30\nText.", Format::Text, meta);
    CHECK(a.path == "stdin:1");
    CHECK(a.meta.title == "T");
    CHECK(a.meta.published == Date{2015, 9, 30});
    CHECK(a.meta.publishedFrom == PublishedFrom::Text);
    CHECK(dataError([] { makeArticle("stdin:2", std::string("\0\0\0", 3), Format::Text, {}); }) ==
          "stdin:2: binary file, not text");
}

// The seed corpus is the user's data: read at run time, never copied into the repository. Missing,
// it fails the test (as in real_data.h): a skipped check would pass without checking anything.
TEST_CASE("seed corpus: dates resolve as the corpus README states") {
    const fs::path corpus = fs::path(CMAP_SHARED_DIR) / "corpus";
    REQUIRE_MESSAGE(fs::exists(corpus / "002_e38f60cd9cc7d4be.txt"), "seed corpus not found under " << corpus.string());
    // Every date mention of an article, as ISO strings, resolved against its sidecar date.
    auto datesOf = [&](const std::string& name) {
        const Article a = loadArticle(corpus / name);
        std::vector<std::string> out;
        for (const Span s : splitSentences(a.decoded.text))
            for (const auto& m : findDates(s.in(a.decoded.text), s.start, a.meta.published)) {
                CHECK(m.span.start >= s.start);
                CHECK(m.span.end <= s.end);
                out.push_back(m.date.iso() + "=" + std::string(m.span.in(a.decoded.text)));
            }
        CHECK_FALSE(inferPublicationDate(a.decoded.text));  // none of them states its date up top
        return out;
    };
    auto has = [](const std::vector<std::string>& v, const std::string& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    };

    const auto d002 = datesOf("002_e38f60cd9cc7d4be.txt");
    CHECK(has(d002, "2005-01-25=25 de enero de 2005"));
    CHECK(has(d002, "2015-09-28=Monday"));
    CHECK(has(d002, "2015-09-18=September 18"));
    CHECK(has(d002, "1917=1917"));
    // Looking back from publication: "in recent weeks", "in the last several months".
    CHECK(has(d002, "2015-09=recent weeks"));
    CHECK(has(d002, "2015=the last several months"));
    CHECK(d002.size() == 6);

    const auto d001 = datesOf("001_a8c1fb0f76f8c4dd.txt");
    CHECK(has(d001, "2015-09-15=September 15"));
    CHECK(has(d001, "2015-06=June 2015"));
    CHECK(has(d001, "2006=2006"));
    CHECK(has(d001, "2013=2013"));
    CHECK(d001.size() == 4);

    // 000 is known to the month only: whatever it says relative to that stays month-precise.
    for (const auto& d : datesOf("000_c1c5c1e535a5ac15.txt")) CHECK(d.rfind("2015-09=", 0) == 0);

    // The Spanish caption is a line of its own, so its date governs only that sentence.
    const Article a = loadArticle(corpus / "002_e38f60cd9cc7d4be.txt");
    for (const Span s : splitSentences(a.decoded.text)) {
        const auto ms = findDates(s.in(a.decoded.text), s.start, a.meta.published);
        if (sentenceDate(ms) == cmap::model::DateRange::of(Date{2005, 1, 25})) CHECK(s.in(a.decoded.text).find('\n') == std::string_view::npos);
    }
}
