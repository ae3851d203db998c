#pragma once
// Recognition: spans of a sentence that name places, by longest match of capitalized token
// runs against the gazetteer's name index, minus what context says is a person, an
// organisation or an ordinary word.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/geo/gazetteer.h"
#include "core/text/span.h"
#include "core/text/tokens.h"
#include "core/text/word_lists.h"

namespace cmap::text {

struct Recognized {
    Span span;                           ///< in the decoded text
    std::vector<geo::Posting> postings;  ///< every gazetteer entry the words can name
    uint32_t sentence = 0;               ///< index of its sentence
    bool singleToken = false;
    bool sentenceInitial = false;
    /// Found through the transliteration-tolerant key only ("Kafranbel" for Kafr Nubl), or an
    /// alternate spelling only a transliteration makes a name: the resolver keeps it only in a
    /// country the rest of the document is about, and near its places unless ownName and the
    /// town is of some size.
    bool loose = false;
    /// Loose, but the words are a spelling GeoNames lists for each place, with the consonants of
    /// its own name ("Kiev" for Kyiv), not a mere fold of a name ("Coincheck" folds like Kansk,
    /// "Karekin" like "Kraken", one of Volgograd's names).
    bool ownName = false;
    /// Loose, and the words are another name GeoNames lists for each place, not a spelling of its
    /// own (a former, Russian or Kurdish one: "Artyomovsk" for Bakhmut, "Shingal" for Sinjar).
    bool otherName = false;
    /// One word that is also a given name ("Hassan", "Omar"): alone it is more often somebody
    /// than a town in a country the story never touches.
    bool givenName = false;
    /// Part of the dateline the article opens with: context for the rest, not an event.
    bool dateline = false;
    /// Start of the mention just before this one when only a comma separates them ("Tacoma,
    /// Washington"): this one then probably names the other's province or country.
    std::optional<uint32_t> containerOf;
    /// Start of the mention before this one in a list ("California or Washington", "Syria and
    /// Iraq"): list members tend to be places of one kind.
    std::optional<uint32_t> listAfter;
};

/// Recognizes place names sentence by sentence and remembers, across the document, the words
/// it has seen used as people's names ("Kerry" after "John Kerry").
class Recognizer {
public:
    explicit Recognizer(const geo::Gazetteer& g) : gaz_(g) {}

    /// Adds the places named in text[sentence] to out.
    void sentence(std::string_view text, Span sentence, uint32_t index, std::vector<Recognized>& out);
    /// Says that the words of text[span] are in capitals by the house style, as a dateline's
    /// are ("HOMS, Syria (AP) --"): there "HOMS" is a town's name, not an acronym.
    void capitalsByStyle(Span span) { styleCaps_ = span; }
    /// The words of the sentence last given to sentence(), as tokenize() made them.
    std::span<const Token> words() const { return tokens_; }
    /// Drops single-word mentions that the document elsewhere uses as a person's name.
    void dropPersonNames(std::string_view text, std::vector<Recognized>& mentions) const;

private:
    struct Match {
        size_t last;  ///< last token of the match
        std::vector<geo::Posting> postings;
        /// A spelling that names the places only as one of their other spellings would, guarded
        /// as Recognized::loose.
        bool loose = false;
        /// As Recognized::ownName.
        bool ownName = false;
        /// As Recognized::otherName.
        bool otherName = false;
    };
    /// article: tokens_[first] is a lower-case article the name starts with (articleBefore).
    Match longestMatch(std::string_view text, size_t first, bool article = false);
    /// Whether tokens_[k] is an Arabic article hyphened to a capitalized word ("al-Bab", "Al-Quds").
    bool hyphenedArticle(std::string_view text, size_t k);
    /// Whether tokens_[k] is such an article that may start a place's name: not after a
    /// capitalized word, where it is inside a longer name ("Bashar al-Assad").
    bool articleBefore(std::string_view text, size_t k);
    /// The last token of the name of a known outlet or armed group (words::organisationKey)
    /// that starts at tokens_[first], if one does: the places in such a name are not mentions.
    std::optional<size_t> organisation(std::string_view text, size_t first);
    /// When the exact names find nothing at first: the longest run of up to three capitalized
    /// words whose looseKey() names places, guarded against ordinary words and people's names.
    Match looseMatch(std::string_view text, size_t first);
    /// "Tartus district", "Idlib province", "Fairfax County": a match followed by a division noun
    /// becomes a mention of that division, the noun included, when the words name one (a district
    /// named only with its noun counts here alone). Otherwise drops such designator-only postings.
    /// False when nothing is left.
    bool division(std::string_view text, Match& m);
    int listDivisionLevel(std::string_view text, size_t k);
    /// A country, region, province or city of 300,000+: well known enough to name organisations.
    bool strong(std::span<const geo::Posting> postings) const;
    /// A country, region or city of a million+: the only places an ordinary word can mean.
    bool major(std::span<const geo::Posting> postings) const;
    /// Whether tokens_[k] is the name of a strong() place.
    bool placeWord(std::string_view text, size_t k);
    /// Whether the match names a place here; may narrow its candidates to the plausible ones.
    bool keep(std::string_view text, size_t first, Match& m, bool sentenceInitial);
    static bool strongPlace(const geo::Place& p);
    static bool majorPlace(const geo::Place& p);
    /// Remembers the words of a person's name found at tokens [from, to] (a given name at from
    /// left out: "Paris Hilton" makes "Hilton" a person, not "Paris").
    /// Whether tokens_[k] follows "a" or "an": a common noun or an adjective, not a name.
    bool afterIndefinite(std::string_view text, size_t k) const;
    /// Remembers the words of a name given with an age ("Karim Saadi, 34,") as a person's.
    void rememberAged(std::string_view text);
    void rememberPerson(std::string_view text, size_t from, size_t to);
    /// Whether token k reads as part of a person's name: capitalized, not an ordinary word, a
    /// title or an organisation's word, and a given name or no well-known place (surname: no
    /// country or great city; a province's or town's name may be a surname after a given name).
    bool nameLike(std::string_view text, size_t k, bool surname = false);

    /// gaz_.postings(key, hash), remembered for the document: a text names the same places and
    /// uses the same capitalized words again and again, and each gazetteer probe that finds a key
    /// is a handful of cache misses in tables of megabytes.
    /// Where the key got a memo entry, *entry points to it (until the next memo lookup).
    struct Memo;
    std::span<const geo::Posting> namePostings(std::string_view key, uint64_t hash, Memo** entry = nullptr);
    std::span<const geo::Posting> namePostings(std::string_view key) { return namePostings(key, geo::hashKey(key)); }
    /// gaz_.isCommonWord(key), remembered as postings() are.
    bool commonWord(std::string_view key);
    /// Whether the document has used this word as a person's name (personWords_).
    bool personWord(std::string_view word) const;

    /// Beside words::Class, what the recognizer asks of a lower-case word.
    enum WordBit : uint16_t { kClitic = 1 << 12, kAndOr = 1 << 13, kOf = 1 << 14, kAsked = 1 << 15 };
    static_assert(unsigned{words::kPluralDivision} < unsigned{kClitic}, "the word lists' bits and the recognizer's overlap");
    /// words::classes() and WordBit of tokens_[k]: a sentence asks the lists about the same
    /// words several times (is it a title, a given name, an organisation's word), and each
    /// question used to lower-case the word and look it up again.
    uint16_t classes(std::string_view text, size_t k);
    bool is(std::string_view text, size_t k, uint16_t wordClass) { return (classes(text, k) & wordClass) != 0; }
    /// Whether tokens_[k + 1] is a division noun ("district", "County") right after tokens_[k].
    bool divisionNounAfter(std::string_view text, size_t k) {
        return k + 1 < tokens_.size() && tokens_[k].gapAfter == Gap::Space &&
               words::divisionLevel(classes(text, k + 1)) > 0;
    }

    struct Memo {
        uint64_t hash = 0;
        const geo::Posting* data = nullptr;
        uint32_t size = 0;
        int8_t common = -1;  ///< isCommonWord: -1 not asked yet
        int8_t longer = -1;  ///< gaz_.mayStartLongerName of the key and a space: -1 not asked yet
        uint8_t len = 0;     ///< 0: an empty entry (the empty key is never remembered)
        char key[18];
    };
    /// Direct-mapped by hash, sized on the first sentence by the length of the text.
    Memo* memoEntry(std::string_view key, uint64_t hash, bool& hit);

    const geo::Gazetteer& gaz_;
    std::vector<Memo> memo_;
    std::vector<Token> tokens_;
    std::vector<uint16_t> tokenClasses_;  ///< classes() of tokens_, 0 until asked
    Span styleCaps_;
    std::string key_, lower_;
    /// loosePostings by normalized key, for this document: names recur, misses more so.
    std::unordered_map<std::string, std::vector<geo::Posting>> looseMemo_;
    /// Words used as people's names in the document, and a bit per hashKey() % 4096 of each, so
    /// that most words are known not to be one without hashing them into the set.
    std::unordered_set<std::string> personWords_;
    std::array<uint64_t, 64> personBits_{};
};

}  // namespace cmap::text
