// Where geoparsing spends its time: each stage of text::geoparse run on its own over one
// article, timed. Usage: geoparse_stages GEODATA_DIR ARTICLE. Reports figures; asserts nothing.
#include <chrono>
#include <cstdio>

#include "core/geo/gazetteer.h"
#include "core/io/document_json.h"
#include "core/text/article.h"
#include "core/text/dates.h"
#include "core/text/events.h"
#include "core/text/geoparse.h"
#include "core/text/recognizer.h"
#include "core/text/resolver.h"
#include "core/text/sentences.h"
#include "core/text/tokens.h"

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s GEODATA_DIR ARTICLE\n", argv[0]);
        return 2;
    }
    double last = 0;
    auto t0 = Clock::now();
    auto lap = [&](const char* what) {
        double now = std::chrono::duration<double>(Clock::now() - t0).count();
        std::printf("%-34s %7.3f s\n", what, now - last);
        last = now;
    };
    auto gaz = cmap::geo::Gazetteer::load(argv[1]);
    lap("gazetteer (cache)");
    auto article = cmap::text::loadArticle(argv[2]);
    lap("read + decode");
    const std::string_view text = article.decoded.text;
    auto sentences = cmap::text::splitSentences(text);
    lap("sentences");
    std::vector<cmap::text::Token> tokens;
    for (auto s : sentences) {
        tokens.clear();
        cmap::text::tokenize(text, s, tokens);
    }
    lap("tokenize alone (part of the next)");
    cmap::text::Recognizer rec(*gaz);
    std::vector<cmap::text::Recognized> found;
    for (uint32_t i = 0; i < sentences.size(); ++i) rec.sentence(text, sentences[i], i, found);
    rec.dropPersonNames(text, found);
    lap("recognize (tokenize + match)");
    auto resolved = cmap::text::resolve(found, *gaz);
    lap("resolve");
    // Events as geoparse makes them: each sentence with a place, its words read for cue words
    // and date words, and the few with date words searched for dates.
    uint32_t lastSentence = UINT32_MAX;
    size_t dates = 0;
    int cats = 0;
    for (const auto& r : found) {
        if (r.sentence == lastSentence) continue;
        lastSentence = r.sentence;
        const auto s = sentences[r.sentence];
        tokens.clear();
        cmap::text::tokenize(text, s, tokens);
        cats += static_cast<int>(cmap::text::categorize(text, tokens));
        if (cmap::text::mayHoldDate(text, tokens, article.meta.published))
            dates += cmap::text::findDates(s.in(text), s.start, article.meta.published).size();
    }
    lap("events: words again, cues, dates");
    auto doc = cmap::text::geoparse(article, *gaz);
    lap("whole geoparse() again");
    std::string out;
    cmap::io::appendDocumentJson(doc, out);
    lap("JSON");
    std::printf("%zu bytes, %zu sentences, %zu mentions, %zu dates (%d)\n", text.size(), sentences.size(), doc.mentions.size(),
                dates, cats);
}
