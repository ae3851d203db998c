#include "core/text/geoparse.h"

#include "core/text/dateline.h"
#include "core/text/dates.h"
#include "core/text/events.h"
#include "core/text/recognizer.h"
#include "core/text/resolver.h"
#include "core/text/sentences.h"
#include "core/text/tokens.h"

#include <algorithm>
#include <functional>

namespace cmap::text {
namespace {

// The places the sidecar's `place` names ("Springfield, Illinois": the town, and the state that
// says which Springfield), read as a text of its own.
std::vector<uint32_t> homePlaces(std::string_view place, const geo::Gazetteer& gazetteer) {
    std::vector<uint32_t> out;
    if (place.empty() || place.size() > 1000) return out;  // a home town, not an article
    Recognizer recognizer(gazetteer);
    std::vector<Recognized> found;
    recognizer.sentence(place, {0, static_cast<uint32_t>(place.size())}, 0, found);
    // The sidecar says these words are a place: no village rule, no guard against words.
    for (const Resolution& r : resolve(found, gazetteer)) out.push_back(r.place);
    return out;
}

}  // namespace

model::Document geoparse(const Article& article, const geo::Gazetteer& gazetteer) {
    const std::string_view text = article.decoded.text;
    const DecodedText& dec = article.decoded;
    // sourceEnd, not sourceOffset: the byte after a span may come from far later in the file
    // (after a closing tag).
    auto toFile = [&](Span s) { return model::ByteRange{dec.sourceOffset(s.start), dec.sourceEnd(s.end)}; };

    model::Document doc;
    doc.file = article.path;
    doc.meta.title = article.meta.title;
    doc.meta.source = article.meta.source;
    doc.meta.author = article.meta.author;
    doc.meta.published = article.meta.published;
    doc.warnings = article.warnings;

    const std::vector<Span> sentences = splitSentences(text);
    Recognizer recognizer(gazetteer);
    recognizer.capitalsByStyle(datelineCapitals(text));
    std::vector<Recognized> found;
    // About one mention in 150 bytes of news text: room for them up front, so that a long input's
    // list is not moved (and its fresh pages faulted in) a doubling at a time. Room not used is
    // never touched, so it costs no memory.
    found.reserve(text.size() / 128 + 16);
    // What an event needs from its sentence, read from the words while the recognizer has them,
    // and only for sentences that name a place: most do not.
    struct Cues {
        model::EventCategory category = model::EventCategory::Other;
        bool mayHoldDate = false;
    };
    std::vector<Cues> cues(sentences.size());
    for (uint32_t i = 0; i < sentences.size(); ++i) {
        const size_t before = found.size();
        recognizer.sentence(text, sentences[i], i, found);
        if (found.size() > before)
            cues[i] = {categorize(text, recognizer.words()), mayHoldDate(text, recognizer.words(), article.meta.published)};
    }
    recognizer.dropPersonNames(text, found);
    // The dateline counts when the place words it opens with are a place: "Rebels Retake Aleppo:"
    // is a headline, not Aleppo's dateline.
    if (const Span dateline = datelinePlace(text); !dateline.empty() && !found.empty() && found[0].span.start == dateline.start)
        for (Recognized& r : found) {
            if (r.span.end > dateline.end) break;
            r.dateline = true;
        }
    const std::vector<uint32_t> home = article.meta.place ? homePlaces(*article.meta.place, gazetteer) : std::vector<uint32_t>{};
    const std::vector<Resolution> resolved = resolve(found, gazetteer, home);

    // Room for every mention and event up front: grown a doubling at a time, the vectors of a
    // long input would hold up to three times their size at the last move.
    size_t mentions = 0, events = 0;
    for (size_t k = 0, lastSentence = SIZE_MAX; k < found.size(); ++k) {
        if (resolved[k].implausible) continue;
        ++mentions;
        if (found[k].dateline) continue;
        events += found[k].sentence != lastSentence;
        lastSentence = found[k].sentence;
    }
    doc.mentions.reserve(mentions);
    doc.events.reserve(events);

    // The date the story stands at before sentence i, for "the next day" and "two days later":
    // the date the nearest earlier sentence states, within a few sentences (a story that counts
    // days keeps them close). Rarely asked, so read then, and at most a few sentences deep.
    std::vector<Token> words;
    std::function<std::optional<model::DateRange>(size_t, int)> storyDate = [&](size_t i, int depth) {
        constexpr size_t kLookBack = 6;
        for (size_t j = i; j-- > 0 && i - j <= kLookBack;) {
            words.clear();
            tokenize(text, sentences[j], words);
            if (!mayHoldDate(text, words, article.meta.published)) continue;
            const StoryDate before = [&, j, depth]() -> std::optional<model::DateRange> {
                return depth > 0 ? storyDate(j, depth - 1) : std::nullopt;
            };
            if (auto d = sentenceDate(findDates(sentences[j].in(text), sentences[j].start, article.meta.published, before)))
                return d;
        }
        return std::optional<model::DateRange>();
    };

    // Dates and events only for sentences that mention a place: most sentences do not. A
    // sentence has an event for each date its places have (placeDate): mostly one.
    uint32_t datedSentence = UINT32_MAX;
    std::vector<DateMention> dates;  // of datedSentence
    size_t sentenceEvents = 0;       // its first event
    for (size_t k = 0; k < found.size(); ++k) {
        const Recognized& r = found[k];
        if (resolved[k].implausible) continue;
        if (r.dateline) {
            // Where the report was filed: a mention, dated as the article, of no event.
            model::Mention m;
            m.range = toFile(r.span);
            m.text = std::string(r.span.in(text));
            m.place = model::resolvedPlace(gazetteer, resolved[k].place);
            m.confidence = resolved[k].confidence;
            if (article.meta.published) m.date = model::DateRange::of(*article.meta.published);
            m.sentence = toFile(sentences[r.sentence]);
            m.event = model::kNoEvent;
            m.role = model::MentionRole::Dateline;
            doc.mentions.push_back(std::move(m));
            continue;
        }
        const Span s = sentences[r.sentence];
        if (r.sentence != datedSentence) {
            datedSentence = r.sentence;
            dates.clear();
            const StoryDate before = [&, sentence = r.sentence]() { return storyDate(sentence, 2); };
            if (cues[r.sentence].mayHoldDate) dates = findDates(s.in(text), s.start, article.meta.published, before);
            sentenceEvents = doc.events.size();
        }
        std::optional<model::DateRange> date = placeDate(dates, text, s, r.span);
        if (!date && article.meta.published) date = model::DateRange::of(*article.meta.published);
        auto event = std::find_if(doc.events.begin() + static_cast<std::ptrdiff_t>(sentenceEvents), doc.events.end(),
                                  [&](const model::Event& e) { return e.date == date; });
        if (event == doc.events.end()) {
            model::Event e;
            e.date = date;
            e.category = cues[r.sentence].category;
            e.sentence = toFile(s);
            doc.events.push_back(std::move(e));
            event = doc.events.end() - 1;
        }
        model::Mention m;
        m.range = toFile(r.span);
        // The decoded words: for UTF-8 files exactly the file's bytes at m.range; for others the
        // same words in UTF-8, which is what JSON can carry.
        m.text = std::string(r.span.in(text));
        m.place = model::resolvedPlace(gazetteer, resolved[k].place);
        m.confidence = resolved[k].confidence;
        m.date = event->date;
        m.sentence = event->sentence;
        m.event = static_cast<uint32_t>(event - doc.events.begin());
        event->mentions.push_back(static_cast<uint32_t>(doc.mentions.size()));
        doc.mentions.push_back(std::move(m));
    }
    return doc;
}

}  // namespace cmap::text
