// The recognizer's memory of people: the words of names it has read as a person's ("John Kerry",
// "Karim Saadi, 34,"), which later stand for that person and not a place (recognizer.h).
#include <unordered_set>

#include "core/geo/normalize.h"
#include "core/text/recognizer.h"
#include "core/text/word_lists.h"

namespace cmap::text {

bool Recognizer::personWord(std::string_view word) const {
    if (personWords_.empty()) return false;
    const uint64_t h = geo::hashKey(word) >> 24 & 4095;
    if (!(personBits_[h / 64] >> (h % 64) & 1)) return false;
    return personWords_.count(std::string(word)) != 0;
}

void Recognizer::rememberPerson(std::string_view text, size_t from, size_t to) {
    for (size_t k = from; k <= to && k < tokens_.size(); ++k) {
        if (!tokens_[k].upper() || tokens_[k].span.size() < 2) continue;  // initials say nothing later
        if (k == from && k < to && is(text, k, words::kFirstName)) continue;
        const std::string_view word = tokens_[k].span.in(text);
        personWords_.emplace(word);
        const uint64_t h = geo::hashKey(word) >> 24 & 4095;
        personBits_[h / 64] |= uint64_t{1} << (h % 64);
    }
}

bool Recognizer::afterIndefinite(std::string_view text, size_t k) const {
    if (k == 0 || tokens_[k - 1].gapAfter != Gap::Space) return false;
    const std::string_view w = tokens_[k - 1].span.in(text);
    return w == "a" || w == "an" || w == "A" || w == "An";
}

void Recognizer::rememberAged(std::string_view text) {
    // "Karim Saadi, 34, was": two or three capitalized words, then an age between commas.
    auto nameWord = [&](size_t i) { return tokens_[i].upper() && !tokens_[i].allCaps() && !(tokens_[i].flags & kDigits); };
    for (size_t j = 1; j + 1 < tokens_.size(); ++j) {
        const Token& age = tokens_[j + 1];
        if (tokens_[j].gapAfter != Gap::Comma || !(age.flags & kDigit) || age.span.size() > 3 || age.gapAfter != Gap::Comma)
            continue;
        size_t k = j;
        while (k > 0 && j - k < 2 && nameWord(k - 1) && tokens_[k - 1].gapAfter == Gap::Space) --k;
        if (k < j && nameWord(j)) rememberPerson(text, k, j);
    }
}

bool Recognizer::nameLike(std::string_view text, size_t k, bool surname) {
    const Token& t = tokens_[k];
    if (!t.upper() || t.allCaps() || (t.flags & kDigits)) return false;
    const uint16_t c = classes(text, k);
    using namespace words;
    if (c & (kCommon | kTitle | kConnector | kOrgSuffix | kFeatureNoun)) return false;
    if (c & kFirstName) return true;
    if (!surname) return !placeWord(text, k);
    // After a given name, a surname may be a province's or a town's name too ("Ashley Sutton"),
    // not a country's or a great city's.
    key_.clear();
    geo::appendNormalized(t.span.in(text), key_);
    return !major(namePostings(key_));
}

void Recognizer::dropPersonNames(std::string_view text, std::vector<Recognized>& mentions) const {
    if (personWords_.empty()) return;
    // The countries the document names: a province of one of them keeps its name ("Washington"
    // in an American story after "George Washington"); one of another country does not ("Kerry"
    // after "John Kerry" is not Ireland's county).
    std::unordered_set<std::string_view> named;
    for (const Recognized& r : mentions)
        if (r.postings.size() == 1 && gaz_.place(r.postings[0].place).kind == geo::PlaceKind::Country)
            named.insert(gaz_.place(r.postings[0].place).countryCode());
    std::erase_if(mentions, [&](const Recognized& r) {
        if (!r.singleToken || major(r.postings)) return false;
        if (!personWord(r.span.in(text))) return false;
        for (const auto& p : r.postings) {
            const geo::Place& pl = gaz_.place(p.place);
            auto k = pl.kind;
            if (k == geo::PlaceKind::Country || k == geo::PlaceKind::Region || k == geo::PlaceKind::Water) return false;
            // Provinces and districts of a country the document names are exempt from person memory.
            if ((k == geo::PlaceKind::Admin1 || k == geo::PlaceKind::Admin2) && named.count(pl.countryCode())) return false;
        }
        return true;
    });
}

}  // namespace cmap::text
