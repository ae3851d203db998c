// Fuzz target: the text decoder and the geoparser, over a small gazetteer written from the test
// fixtures. The first byte picks the format (text, Markdown, HTML); the rest is the file. Any
// input is either refused as a DataError or decoded and geoparsed into mentions that cite slices
// of the file, with events and sentences that hold together, and output that is valid JSON.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/geo/gazetteer.h"
#include "core/io/document_json.h"
#include "core/text/article.h"
#include "core/text/geoparse.h"
#include "fuzz_check.h"
#include "geo/test_geodata.h"

namespace {

const cmap::geo::Gazetteer& gazetteer() {
    static const auto g = [] {
        const auto dir = cmap::fuzz::tempDir() / "geodata";
        std::filesystem::create_directories(dir);
        cmap::test::writeMiniGeodata(dir);
        cmap::geo::GazetteerOptions opt;
        opt.cacheDir.clear();
        return cmap::geo::Gazetteer::load(dir, opt);
    }();
    return *g;
}

void checkDecoded(const cmap::text::DecodedText& d, std::string_view bytes) {
    using cmap::fuzz::check;
    check(cmap::text::isValidUtf8(d.text), "decoded text is not UTF-8");
    if (d.identity()) {
        check(d.sourceBase <= bytes.size() && bytes.substr(d.sourceBase) == d.text, "identity text differs from the file");
        return;
    }
    check(d.toSource.size() == d.text.size() + 1 && d.sourceLength.size() == d.text.size(), "offset map of the wrong size");
    for (size_t k = 0; k < d.text.size(); ++k) {
        check(d.toSource[k] <= d.toSource[k + 1], "offset map goes backwards");
        check(d.toSource[k] + d.sourceLength[k] <= bytes.size(), "a character maps past the end of the file");
    }
    check(d.toSource.back() <= bytes.size(), "offset map ends past the file");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace cmap;
    using fuzz::check;
    if (size == 0) return 0;
    const auto format = static_cast<text::Format>(data[0] % 3);
    std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto& gaz = gazetteer();

    text::Article article;
    try {
        article = text::makeArticle("fuzz.txt", bytes, format, {});
    } catch (const DataError& e) {
        check(e.path() == "fuzz.txt", "a decoding error does not name the file");
        return 0;
    }
    checkDecoded(article.decoded, bytes);

    const model::Document doc = text::geoparse(article, gaz);
    for (const auto& m : doc.mentions) {
        check(m.range.start < m.range.end && m.range.end <= bytes.size(), "a mention's range is outside the file");
        // A UTF-8 file's mention is its bytes; others carry the same words decoded to UTF-8.
        if (article.decoded.identity())
            check(m.text == std::string_view(bytes).substr(m.range.start, m.range.end - m.range.start),
                  "a mention's text is not the file's bytes at its range");
        check(!m.text.empty() && text::isValidUtf8(m.text), "a mention's text is empty or not UTF-8");
        check(m.sentence.start <= m.range.start && m.range.end <= m.sentence.end, "a mention lies outside its sentence");
        // A dateline is context, of no event; every other mention has one.
        if (m.role == model::MentionRole::Dateline) check(m.event == model::kNoEvent, "a dateline has an event");
        else check(m.event < doc.events.size(), "a mention's event does not exist");
    }
    for (const auto& e : doc.events) {
        check(e.sentence.start <= e.sentence.end && e.sentence.end <= bytes.size(), "an event's sentence is outside the file");
        for (uint32_t i : e.mentions) check(i < doc.mentions.size(), "an event names a mention that does not exist");
    }

    std::string json;
    io::appendDocumentJson(doc, json);
    check(nlohmann::json::accept(json), "geoparse --json output is not valid JSON");
    std::string features = "[";
    io::appendMentionFeatures(doc, features, true);
    features += "]";
    check(nlohmann::json::accept(features), "geoparse --geojson features are not valid JSON");
    return 0;
}
