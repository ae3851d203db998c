#include "core/text/recognizer.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "core/assets.h"
#include "core/geo/normalize.h"
#include "core/text/word_lists.h"

namespace cmap::text {
namespace {

constexpr size_t kMaxTokens = 8;  // "Bassel al Assad International Airport" is 5
constexpr size_t kMemoWays = 4;   // entries of Recognizer::memo_ a key may take (memoEntry)
// Short spellings (an alternate name of four letters or fewer, a loose key of kShortLoose to
// kLongLoose - 1 bytes; a shorter loose key finds nothing) are a place's only for a town large
// enough to be news: most such words are somebody's first name or an English word.
constexpr size_t kShortLoose = 4, kLongLoose = 6;
constexpr int64_t kShapeTown = 20000;  // the least town a three-consonant loose key names
constexpr int64_t kOtherNameTown = 20000;  // the least town another of its names names alone
bool newsworthyTown(const geo::Place& pl) { return pl.kind == geo::PlaceKind::City && pl.population >= 50000; }

std::string_view tokenText(std::string_view text, const Token& t) { return t.span.in(text); }

// Whether two spelling skeletons are one name's in a country: Russian г is Ukrainian and
// Belarusian г, written h ("Gorlovka" is Horlivka, "Lugansk" Luhansk), so there g and h are one.
bool sameConsonants(std::string_view a, std::string_view b, std::string_view country) {
    if (a.size() != b.size()) return false;
    const bool gh = country == "UA" || country == "BY";
    for (size_t i = 0; i < a.size(); ++i) {
        const char x = gh && a[i] == 'g' ? 'h' : a[i], y = gh && b[i] == 'g' ? 'h' : b[i];
        if (x != y) return false;
    }
    return true;
}

// Lower-case ASCII copy for the word lists (non-ASCII words are never in them).
const std::string& lowered(std::string_view word, std::string& buf) {
    buf.assign(word);
    for (char& c : buf)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return buf;
}

// English clitics after an apostrophe ("Russia's", "didn't"): the word ends before them. Other
// lower-case letters after one belong to the name: "Dara'a", "A'zaz", "Ma'arrat".
bool clitic(std::string_view lower) {
    return lower == "s" || lower == "t" || lower == "d" || lower == "ll" || lower == "re" || lower == "ve" || lower == "m";
}

// Whether a place's country writes its names in another script, so that English text spells them
// in competing transliterations (assets/lexicon/transliterated_countries.txt).
bool transliterated(std::string_view iso2) {
    static const std::unordered_set<std::string_view> countries = [] {
        std::unordered_set<std::string_view> set;
        for (std::string_view c : assets::lines("lexicon/transliterated_countries.txt")) set.insert(c);
        return set;
    }();
    return countries.count(iso2) != 0;
}

bool divisionOnly(std::span<const geo::Posting> posts) {
    return std::all_of(posts.begin(), posts.end(), [](const geo::Posting& p) { return p.how == geo::NameKind::Division; });
}

bool joins(Gap g) {
    return g == Gap::Space || g == Gap::Hyphen || g == Gap::Apostrophe || g == Gap::Period || g == Gap::Comma;
}

// Words of another script quoted in an English sentence ("the sign read «москва»") are names
// whatever their case: a short run of them between Latin-script words counts as capitalized. A
// sentence in that script keeps its own capitals.
void capitalizeQuotedForeign(std::vector<Token>& tokens) {
    constexpr size_t kMaxRun = 3;
    auto foreign = [](const Token& t) { return (t.flags & kForeign) != 0; };
    auto first = std::find_if(tokens.begin(), tokens.end(), foreign);
    if (first == tokens.end()) return;
    if (!std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return !(t.flags & (kForeign | kDigit)); }))
        return;
    for (auto i = first; i != tokens.end();) {
        if (!foreign(*i)) {
            ++i;
            continue;
        }
        auto j = std::find_if_not(i, tokens.end(), foreign);
        if (j - i <= static_cast<std::ptrdiff_t>(kMaxRun))
            for (auto k = i; k != j; ++k) k->flags |= kUpper;
        i = j;
    }
}

}  // namespace

Recognizer::Memo* Recognizer::memoEntry(std::string_view key, uint64_t hash, bool& hit) {
    hit = false;
    if (key.empty() || key.size() > sizeof(Memo::key) || memo_.empty()) return nullptr;
    // FNV-1a's low bits mix poorly: the set comes from the middle of the hash. A set holds
    // kMemoWays keys: in a table of one key a slot, keys that shared a slot pushed each other out
    // by turns, a quarter of all probes of a long text at half load.
    Memo* set = &memo_[((hash >> 24) * kMemoWays) & (memo_.size() - 1)];
    for (size_t w = 0; w < kMemoWays; ++w) {
        Memo& e = set[w];
        if (e.hash == hash && e.len == key.size() && std::memcmp(e.key, key.data(), key.size()) == 0) {
            hit = true;
            if (w == 0) return &e;
            std::swap(set[w - 1], e);  // what is asked again moves up; the last way is the one replaced
            return &set[w - 1];
        }
    }
    for (size_t w = 0; w < kMemoWays; ++w)
        if (set[w].len == 0) return &set[w];
    return &set[kMemoWays - 1];
}

std::span<const geo::Posting> Recognizer::namePostings(std::string_view key, uint64_t hash, Memo** entry) {
    bool hit;
    Memo* e = memoEntry(key, hash, hit);
    if (entry) *entry = e;
    if (hit) return {e->data, e->size};
    const std::span<const geo::Posting> found = gaz_.postings(key, hash);
    if (e) {
        e->hash = hash;
        e->len = static_cast<uint8_t>(key.size());
        std::memcpy(e->key, key.data(), key.size());
        e->data = found.data();
        e->size = static_cast<uint32_t>(found.size());
        e->common = -1;
        e->longer = -1;
    }
    return found;
}

bool Recognizer::commonWord(std::string_view key) {
    const uint64_t hash = geo::hashKey(key);
    bool hit;
    Memo* e = memoEntry(key, hash, hit);
    if (!hit) {
        namePostings(key, hash);  // makes the entry this key's
        e = memoEntry(key, hash, hit);
    }
    if (!hit) return gaz_.isCommonWord(key);
    if (e->common < 0) e->common = gaz_.isCommonWord(key) ? 1 : 0;
    return e->common == 1;
}

uint16_t Recognizer::classes(std::string_view text, size_t k) {
    uint16_t& c = tokenClasses_[k];
    if (c == 0) {
        // Lower-cased on the stack: nearly every word fits, and a string would cost a copy call.
        const std::string_view word = tokenText(text, tokens_[k]);
        char buf[32];
        std::string_view w;
        if (word.size() <= sizeof buf) {
            for (size_t i = 0; i < word.size(); ++i)
                buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] + 32) : word[i];
            w = {buf, word.size()};
        } else {
            w = lowered(word, lower_);
        }
        c = words::classes(w) | kAsked;
        if (w.size() <= 3) {  // the clitics, "and", "or" and "of"
            if (clitic(w)) c |= kClitic;
            if (w == "and" || w == "or") c |= kAndOr;
            if (w == "of") c |= kOf;
        }
    }
    return c;
}

bool Recognizer::strongPlace(const geo::Place& pl) {
    switch (pl.kind) {
    case geo::PlaceKind::Admin2: return false;
    case geo::PlaceKind::Country:
    case geo::PlaceKind::Region:
    case geo::PlaceKind::Water:
    case geo::PlaceKind::Admin1: return true;
    case geo::PlaceKind::City: return pl.population >= 300000;
    case geo::PlaceKind::Poi: return false;
    }
    return false;
}

// A province's population is the sum of its towns': it makes no ordinary word ("Central") a place.
bool Recognizer::majorPlace(const geo::Place& pl) {
    return pl.kind == geo::PlaceKind::Country || pl.kind == geo::PlaceKind::Region ||
           pl.kind == geo::PlaceKind::Water || (pl.kind == geo::PlaceKind::City && pl.population >= 1000000);
}

// "the Donetsk and Luhansk regions", "Homs, Hama and Idlib provinces": the level of the plural
// division noun that ends a list of names going on after token k, which is one of the list's
// names; 0 where the words after k are not such a list.
int Recognizer::listDivisionLevel(std::string_view text, size_t k) {
    bool joined = false;  // an "and" or "or" seen: a list, not one name going on
    constexpr size_t kReach = 12;
    for (size_t j = k + 1; j < tokens_.size() && j <= k + kReach; ++j) {
        const Gap g = tokens_[j - 1].gapAfter;
        if (g != Gap::Space && g != Gap::Comma && g != Gap::Hyphen && g != Gap::Apostrophe) return 0;
        const Token& t = tokens_[j];
        if (t.flags & kDigit) return 0;
        if (t.upper()) continue;
        const uint16_t c = classes(text, j);
        if (c & kAndOr) {
            if (g != Gap::Space && g != Gap::Comma) return 0;
            joined = true;
            continue;
        }
        if ((c & words::kConnector) && j + 1 < tokens_.size() && tokens_[j + 1].upper()) continue;  // "Deir ez-Zor"
        const bool afterName = tokens_[j - 1].upper() && g == Gap::Space;
        return joined && afterName && (c & words::kPluralDivision) ? words::divisionLevel(c) : 0;
    }
    return 0;
}

bool Recognizer::division(std::string_view text, Match& m) {
    const size_t next = m.last + 1;
    int level = 0;
    bool nounAfter = false;  // the noun follows this name, rather than a list it starts
    if (next < tokens_.size() && tokens_[m.last].gapAfter == Gap::Space && !(tokens_[next].flags & kDigit))
        level = words::divisionLevel(classes(text, next));
    if (level)
        nounAfter = true;
    else if (next < tokens_.size() && (tokens_[m.last].gapAfter == Gap::Space || tokens_[m.last].gapAfter == Gap::Comma))
        level = listDivisionLevel(text, m.last);
    auto isAdmin = [&](const geo::Posting& p) {
        auto k = gaz_.place(p.place).kind;
        return k == geo::PlaceKind::Admin1 || k == geo::PlaceKind::Admin2;
    };
    if (level && std::any_of(m.postings.begin(), m.postings.end(), isAdmin)) {
        // The noun says the level; a country without divisions of that level by that name has
        // the other ("Donetsk district" where only the oblast is known).
        const auto want = level == 1 ? geo::PlaceKind::Admin1 : geo::PlaceKind::Admin2;
        const bool any = std::any_of(m.postings.begin(), m.postings.end(),
                                     [&](const geo::Posting& p) { return gaz_.place(p.place).kind == want; });
        std::erase_if(m.postings, [&](const geo::Posting& p) { return !isAdmin(p) || (any && gaz_.place(p.place).kind != want); });
        if (nounAfter) m.last = next;
        return true;
    }
    std::erase_if(m.postings, [](const geo::Posting& p) { return p.how == geo::NameKind::Division; });
    return !m.postings.empty();
}

bool Recognizer::strong(std::span<const geo::Posting> postings) const {
    return std::any_of(postings.begin(), postings.end(), [&](const geo::Posting& p) { return strongPlace(gaz_.place(p.place)); });
}

bool Recognizer::major(std::span<const geo::Posting> postings) const {
    return std::any_of(postings.begin(), postings.end(), [&](const geo::Posting& p) { return majorPlace(gaz_.place(p.place)); });
}

bool Recognizer::placeWord(std::string_view text, size_t k) {
    key_.clear();
    geo::appendNormalized(tokenText(text, tokens_[k]), key_);
    return strong(namePostings(key_));
}

Recognizer::Match Recognizer::longestMatch(std::string_view text, size_t first, bool article) {
    Match best{first, {}};
    key_.clear();
    uint64_t hash = geo::hashKey({});  // of key_, continued as it grows
    auto append = [&](std::string_view word) {
        size_t from = key_.size();
        geo::appendNormalized(word, key_);
        hash = geo::hashMore(hash, std::string_view(key_).substr(from));
    };
    bool kindWords = false;  // past a lower-case word that is not a connector
    // The memo entry of key_ as the last word left it: whether a longer name may start with it is
    // asked after nearly every capitalized word, and the filter's answer is a cache miss.
    Memo* entry = nullptr;
    for (size_t j = first; j < tokens_.size() && j < first + kMaxTokens; ++j) {
        const Token& t = tokens_[j];
        if (j > first) {
            Gap g = tokens_[j - 1].gapAfter;
            if (!joins(g)) break;
            // A period joins abbreviations ("U.S.", "St. Louis"), not words that end a clause.
            if (g == Gap::Period && tokens_[j - 1].span.size() > 3) break;
            if (g != Gap::Apostrophe) {
                key_.push_back(' ');
                hash = geo::hashMore(hash, " ");
                if (entry && entry->longer < 0) entry->longer = gaz_.mayStartLongerName(hash) ? 1 : 0;
                // No name goes on from here: stop before looking further.
                if (entry ? entry->longer == 0 : !gaz_.mayStartLongerName(hash)) break;
            }
        }
        entry = nullptr;
        const bool glued = j > first && tokens_[j - 1].gapAfter == Gap::Apostrophe && !(t.flags & kDigit) &&
                           !is(text, j, kClitic);
        if (!t.upper() && !glued) {
            if ((j == first && !article) || (t.flags & kDigit)) break;
            const bool connector = is(text, j, words::kConnector);
            append(tokenText(text, t));
            if (connector) continue;  // a connector never ends a name
            // News writes a facility's kind in lower case ("the Shayrat air base", "the Kakhovka
            // dam", "the Rafah crossing"); the name without it is often a town's. Only facilities
            // may end in such a word, so "Kuwait city" or "Idlib province" read as before.
            std::vector<geo::Posting> facilities;
            for (const auto& p : namePostings(key_, hash, &entry))
                if (gaz_.place(p.place).kind == geo::PlaceKind::Poi) facilities.push_back(p);
            if (!facilities.empty()) best = {j, std::move(facilities)};
            kindWords = true;
            continue;  // the next word goes on only where a longer name does
        }
        if (kindWords) break;  // "Kakhovka dam Monday": the kind words end the name
        append(tokenText(text, t));
        auto posts = namePostings(key_, hash, &entry);
        if (!posts.empty() && j == first && (t.span.size() <= 2 || (t.allCaps() && t.span.size() <= 5))) {
            // Short words and acronyms: "US", "UK", "NATO" are names only in capitals, and only
            // through a curated alias or for a place everybody abbreviates; "Us", "BA" or "APC"
            // matching some village's name or alternate name are not places.
            best.postings.clear();
            const bool abbreviation = t.gapAfter == Gap::Period && t.span.size() == 2;  // "Ga.", "Pa."
            if (t.allCaps() || abbreviation)
                for (const auto& p : posts)
                    if (p.how == geo::NameKind::Alias || p.how == geo::NameKind::Demonym) best.postings.push_back(p);
            if (!best.postings.empty()) best.last = j;
        } else if (!posts.empty() && !(divisionOnly(posts) && !divisionNounAfter(text, j))) {
            // A division's name without its noun ("Miami-Dade" of "Miami-Dade County") names
            // nothing: the shorter name before it ("Miami") stays the match.
            best.last = j;
            best.postings.assign(posts.begin(), posts.end());
        } else if (key_.size() > 4 && key_.back() == 's') {
            // Plural demonyms: "Mexicans", "South Koreans".
            std::string_view singular(key_.data(), key_.size() - 1);
            std::vector<geo::Posting> demonyms;
            entry = nullptr;  // the lookup below may move it
            for (const auto& p : namePostings(singular))
                if (p.how == geo::NameKind::Demonym) demonyms.push_back(p);
            if (!demonyms.empty()) best = {j, std::move(demonyms)};
        }
    }
    return best;
}

std::optional<size_t> Recognizer::organisation(std::string_view text, size_t first) {
    std::optional<size_t> last;
    bool head = false;
    std::string key;
    for (size_t j = first; j < tokens_.size(); ++j) {
        if (j > first) {
            const auto join = words::organisationJoin(
                tokens_[j - 1].gapAfter, text.substr(tokens_[j - 1].span.end, tokens_[j].span.start - tokens_[j - 1].span.end));
            if (!join) break;
            key += *join;
        }
        key += lowered(tokenText(text, tokens_[j]), lower_);
        const uint8_t found = words::organisationKey(key);
        if (j == first) head = (found & words::kOrganisationHead) && tokens_[first].upper();
        if (found & words::kOrganisation) last = j;
        if (!(found & words::kOrganisationPrefix)) break;
    }
    if (last || !head) return last;
    // A head and the name after it: "Liwa al-Quds", "Jaish al-Fatah", "Liwa Fatemiyoun". A word
    // of the dictionary is no such name ("the Liwa Oasis").
    auto nameWord = [&](size_t k) {
        const Token& t = tokens_[k];
        if (!t.upper() || t.allCaps() || (t.flags & kDigits)) return false;
        using namespace words;
        if (classes(text, k) & (kCommon | kTitle | kOrgSuffix | kFeatureNoun)) return false;
        key.clear();
        geo::appendNormalized(tokenText(text, t), key);
        return !commonWord(key);
    };
    size_t j = first;
    while (j + 1 < tokens_.size() && tokens_[j].gapAfter == Gap::Space) {
        if (hyphenedArticle(text, j + 1))  // "al-Quds", "Al-Quds"
            j += 2;
        else if (nameWord(j + 1))
            ++j;
        else
            break;
    }
    if (j > first) last = j;
    return last;
}

Recognizer::Match Recognizer::looseMatch(std::string_view text, size_t first) {
    Match none{first, {}};
    const Token& t0 = tokens_[first];
    if (t0.allCaps() || (t0.flags & kDigits)) return none;
    if (personWord(tokenText(text, t0))) return none;
    // The words a name may span, as longestMatch joins them; a connector never ends one.
    size_t ends[3];
    size_t nEnds = 0;
    for (size_t j = first; j < tokens_.size() && j < first + 5 && nEnds < 3; ++j) {
        const Token& t = tokens_[j];
        if (j > first) {
            Gap g = tokens_[j - 1].gapAfter;
            if (g != Gap::Space && g != Gap::Hyphen && g != Gap::Apostrophe) break;
        }
        if (t.flags & kDigits) break;
        const uint16_t c = classes(text, j);
        const bool glued = j > first && tokens_[j - 1].gapAfter == Gap::Apostrophe && !(c & kClitic);
        if (!t.upper() && !glued) {
            // Only an article joins words here ("Ma'arrat al-Numan"): "Gallagher and Che" is two names.
            if (j == first || !(c & words::kParticle)) break;
            continue;
        }
        // Ordinary words, titles and organisation heads are not the rest of a place's name, and a
        // given name starts a person's; after a name's first word it may be part of it ("Beni
        // Walid", "Tal Hamid").
        using namespace words;
        if (t.allCaps() || (c & (kCommon | kTitle | kOrgSuffix | kFeatureNoun)) || (j == first && (c & kFirstName))) break;
        ends[nEnds++] = j;
    }
    for (size_t e = nEnds; e-- > 0;) {
        key_.clear();
        for (size_t j = first; j <= ends[e]; ++j) {
            if (j > first && tokens_[j - 1].gapAfter != Gap::Apostrophe) key_.push_back(' ');
            geo::appendNormalized(tokenText(text, tokens_[j]), key_);
        }
        // Short words fold into too few letters to tell a place from anything else, but for a
        // town large enough to be news ("Edlib" for Idlib); a word cut at a hyphen is half a
        // compound ("Austro-Hungarian"), not a name.
        if (key_.size() < kShortLoose || tokens_[ends[e]].gapAfter == Gap::Hyphen) continue;
        auto [memo, fresh] = looseMemo_.try_emplace(key_);
        if (fresh && !(memo->second = gaz_.loosePostings(key_)).empty()) {
            // A short word folds like many names: only a town large enough to be news. Three
            // consonants of a longer word ("Hawija", "h.v.j.") keep their vowels' places, which
            // sets the words of that shape apart: a town, not a village.
            const bool shortKey = key_.size() < kLongLoose, shapeKey = geo::isShapeKey(geo::looseKey(key_));
            // A word that ends in i where the town's name does not is its nisba, somebody's name
            // or an adjective ("Homsi", "al-Tikriti", "Basri": of Homs, Tikrit, Basra), which
            // folds like the town as its vowels go.
            const bool nisba = key_.back() == 'i';
            std::erase_if(memo->second, [&](const geo::Posting& p) {
                const geo::Place& pl = gaz_.place(p.place);
                if (nisba) {
                    const std::string own = geo::normalizeName(gaz_.name(p.place));
                    if (own.empty() || (own.back() != 'i' && own.back() != 'y')) return true;
                }
                // Only where names are transliterated: an English word of the same consonants
                // ("Chamber", "Christ") must not become a town in Ukraine or Florida.
                return !transliterated(pl.countryCode()) || (shortKey && !newsworthyTown(pl)) ||
                       (shapeKey && !(pl.kind == geo::PlaceKind::City && pl.population >= kShapeTown));
            });
        }
        // As for exact names: a district's name without its noun names nothing.
        Match m{ends[e], memo->second, true};
        if (!m.postings.empty() && division(text, m)) return m;
    }
    return none;
}

bool Recognizer::keep(std::string_view text, size_t first, Match& m, bool sentenceInitial) {
    const bool single = m.last == first;
    const bool isStrong = strong(m.postings);
    bool countryLevel = false;  // countries, regions and their demonyms are never a person
    for (const auto& p : m.postings) {
        auto k = gaz_.place(p.place).kind;
        countryLevel |= k == geo::PlaceKind::Country || k == geo::PlaceKind::Region || k == geo::PlaceKind::Water;
    }
    const uint16_t firstClasses = classes(text, first);

    // Ordinary words: "May", "Split", "Western" (our list) and "Mission", "Band" (the
    // dictionary). Sentence-initial capitals say nothing; mid-sentence ones say a name, but not
    // necessarily a place's: only a place well known enough to be meant survives.
    if (single && tokens_[first].span.size() < 2) return false;
    if (single && !countryLevel) {
        key_.clear();
        geo::appendNormalized(tokenText(text, tokens_[first]), key_);
        const bool ours = (firstClasses & words::kCommon) != 0, dictionary = commonWord(key_);
        if (ours || dictionary) {
            if (ours && sentenceInitial) return false;
            // Only places well known by this very name stay candidates: not Botswana's Central
            // province, nor Davao, one of whose alternate names is "Central".
            const bool needMajor = ours || sentenceInitial;
            std::erase_if(m.postings, [&](const geo::Posting& p) {
                const geo::Place& pl = gaz_.place(p.place);
                return p.how == geo::NameKind::Alternate || (needMajor ? !majorPlace(pl) : !strongPlace(pl));
            });
            if (m.postings.empty()) return false;
        }
        // Only alternate names (historical, foreign, transliterated): short ones are mostly
        // somebody's first name ("Sam", "Riad"), and small places' ones mostly noise, except where
        // names are transliterated: there they are the spellings the news uses ("Saraqeb" for
        // Saraqib, "Moadamiyeh"), which count as a loose spelling does, near the story's places.
        bool alternateOnly = std::all_of(m.postings.begin(), m.postings.end(),
                                         [](const geo::Posting& p) { return p.how == geo::NameKind::Alternate; });
        if (alternateOnly && (tokens_[first].span.size() <= 4 || !isStrong)) {
            // A spelling of the same name, that is: the consonants of the place's own name. A
            // word of four letters or fewer only for a town large enough to be news ("Azaz").
            // Another name (a former, Russian or Kurdish one: "Artyomovsk" for Bakhmut, "Shingal"
            // for Sinjar) only for a town, not for a given name ("Khalil" is Hebron's Arabic name,
            // and more often somebody's) nor a word after "a" or "an" ("an Alawite officer":
            // GeoNames lists "Alawite" among a Syrian town's names), and only where no place is
            // named by a spelling of its own name.
            const bool shortWord = tokens_[first].span.size() <= 4;
            const bool otherNames = !shortWord && !(firstClasses & words::kFirstName) && !afterIndefinite(text, first);
            key_.clear();
            geo::appendNormalized(tokenText(text, tokens_[first]), key_);
            const std::string skeleton = geo::spellingSkeleton(key_);
            std::vector<geo::Posting> spellings, others;
            for (const geo::Posting& p : m.postings) {
                const geo::Place& pl = gaz_.place(p.place);
                if (!transliterated(pl.countryCode()) || skeleton.empty() || (shortWord && !newsworthyTown(pl))) continue;
                if (sameConsonants(skeleton, geo::spellingSkeleton(geo::normalizeName(gaz_.name(p.place))), pl.countryCode()))
                    spellings.push_back(p);
                else if (otherNames && pl.kind == geo::PlaceKind::City && pl.population >= kOtherNameTown)
                    others.push_back(p);
            }
            m.loose = true;
            m.ownName = !spellings.empty();
            m.otherName = !m.ownName;
            m.postings = std::move(m.ownName ? spellings : others);
            if (m.postings.empty()) return false;
        }
    }
    if (single && (firstClasses & words::kTitle) && !countryLevel) return false;

    // The capitalized run the match sits in, [runStart, runEnd], as far as it matters: a title a
    // few words before, an organisation's suffix up to three after. Bounded, so that a sentence
    // of a name repeated a million times ("Latakia Latakia ...") costs linear time, not a scan of
    // the whole run for each of its names.
    constexpr size_t kRunReach = kMaxTokens;
    size_t runStart = first, runEnd = m.last;
    while (runStart > 0 && first - runStart < kRunReach && tokens_[runStart - 1].upper() &&
           tokens_[runStart - 1].gapAfter == Gap::Space)
        --runStart;
    while (runEnd + 1 < tokens_.size() && runEnd < m.last + 3 && tokens_[runEnd + 1].upper() &&
           tokens_[runEnd].gapAfter == Gap::Space)
        ++runEnd;

    // "Collins Avenue", "Windsor Castle", "the Russian Embassy", "Florida Atlantic University": a
    // street or building named after a place is somewhere else; a marker at the place misleads.
    for (size_t k = m.last + 1; k <= m.last + 3 && k < tokens_.size() && tokens_[k - 1].gapAfter == Gap::Space &&
                                tokens_[k].upper();
         ++k)
        if (is(text, k, words::kFeatureNoun)) return false;
    // ... and "Hotel Kyjev", "University of California", "Camp Murray".
    if (first > 0 && tokens_[first - 1].gapAfter == Gap::Space) {
        size_t k = first - 1;
        if (k > 0 && is(text, k, kOf) && tokens_[k - 1].gapAfter == Gap::Space) --k;
        if (tokens_[k].upper() && is(text, k, words::kFeaturePrefix)) return false;
    }

    // Organisations named after a place: keep well-known places ("European Commission",
    // "New York Times"), drop small towns that are someone's surname ("Brookings Institute"),
    // and loose spellings: a great city among the places a word folds like does not make the word
    // its name ("Kraken", folded, is one of Volgograd's names and a Syrian village's).
    for (size_t k = m.last + 1; k <= runEnd && k <= m.last + 3; ++k) {
        if (is(text, k, words::kOrgSuffix)) {
            if (!isStrong || m.loose) return false;
            break;
        }
    }
    if (countryLevel) return true;

    // A title before the run makes it a person: "Major Genieve David", "General David Petraeus".
    for (size_t k = runStart; k < first; ++k) {
        if (is(text, k, words::kTitle)) {
            rememberPerson(text, k + 1, runEnd);
            return false;
        }
    }
    if (runStart > 0 && tokens_[runStart - 1].gapAfter == Gap::Space &&
        is(text, runStart - 1, words::kTitle)) {
        rememberPerson(text, runStart, runEnd);
        return false;
    }

    if (!single) return true;
    // A given name before a place's name, and a surname after it, make a person: "Paris
    // Hilton", "Georgia Smith". Even a big city's name: the given name and the surname are both
    // needed. The surname is remembered, the given name is not: Paris stays a place elsewhere.
    if ((firstClasses & words::kFirstName) && m.last + 1 < tokens_.size() && tokens_[m.last].gapAfter == Gap::Space &&
        nameLike(text, m.last + 1, true) && !is(text, m.last + 1, words::kFirstName)) {
        rememberPerson(text, m.last + 1, m.last + 1);
        return false;
    }
    // A surname after a first name: "John Kerry", "Barack Obama", "Bashar al-Assad", "John F.
    // Kerry". A city of a million is not somebody's surname often enough to lose it ("Baseball
    // Toronto") unless the name before is a known given name.
    size_t prev = first;
    if (prev > 0 && (tokens_[prev - 1].gapAfter == Gap::Hyphen || tokens_[prev - 1].gapAfter == Gap::Space) &&
        !tokens_[prev - 1].upper() && is(text, prev - 1, words::kParticle))
        --prev;  // "al-" in "Bashar al-Assad"
    // "F." in "John F. Kerry": a middle initial is a strong cue.
    if (prev > 1 && tokens_[prev - 1].gapAfter == Gap::Period && tokens_[prev - 1].span.size() == 1 &&
        tokens_[prev - 1].upper() && tokens_[prev - 2].gapAfter == Gap::Space && nameLike(text, prev - 2)) {
        rememberPerson(text, prev - 2, m.last);
        return false;
    }
    if (prev > 0 && tokens_[prev - 1].gapAfter == Gap::Space && nameLike(text, prev - 1)) {
        const bool given = is(text, prev - 1, words::kFirstName);
        if (given || !major(m.postings)) {
            // "X al-Town" after a word that is no given name is as often a place's own longer
            // name ("Amiriyat al-Fallujah", a town beside Fallujah): not remembered.
            if (given || prev == first) rememberPerson(text, prev - 1, m.last);
            return false;
        }
    }
    if (major(m.postings)) return true;
    // A first name before a surname: "Vladimir Putin". Only when a town is the likeliest
    // reading: provinces and states name things ("Louisiana Purchase"), rarely people.
    auto townLike = [&](const geo::Posting& p) {
        const auto k = gaz_.place(p.place).kind;
        return k == geo::PlaceKind::City || k == geo::PlaceKind::Poi;
    };
    // The priors are needed only where the candidates are of both sorts (most are namesake towns).
    const size_t towns = static_cast<size_t>(std::count_if(m.postings.begin(), m.postings.end(), townLike));
    if (towns == 0) return true;
    if (towns < m.postings.size()) {
        const geo::Posting* likeliest = &m.postings[0];
        double best = gaz_.prior(*likeliest);
        for (const auto& p : m.postings) {
            double pr = gaz_.prior(p);
            if (pr > best) best = pr, likeliest = &p;
        }
        if (!townLike(*likeliest)) return true;
    }
    // Not remembered: "Cambridge Analytica" does not make every later "Cambridge" a person. A
    // loose spelling so followed is ("Saadi Karim", later "Saadi").
    if (m.last + 1 < tokens_.size() && tokens_[m.last].gapAfter == Gap::Space && nameLike(text, m.last + 1)) {
        if (m.loose) rememberPerson(text, first, m.last + 1);
        return false;
    }
    return true;
}

void Recognizer::sentence(std::string_view text, Span sentence, uint32_t index, std::vector<Recognized>& out) {
    if (memo_.empty()) {
        // About one entry for every 64 bytes of text, within [256, 16384] (16384: 640 KiB).
        size_t n = 256;
        while (n < 16384 && n * 64 < text.size()) n *= 2;
        memo_.resize(n);
    }
    tokens_.clear();
    tokenize(text, sentence, tokens_);
    capitalizeQuotedForeign(tokens_);
    // Only a word that ends its group ("HOMS" of "HOMS, Syria", "DOHA" of "DOHA (Reuters)"): the
    // words of a longer name match as one anyway ("GAZA CITY"), and "NATO ALLIES AGREE -" is a
    // headline's acronym. Two capitals stay an abbreviation even there: "US -", "UK (Reuters) -".
    if (!styleCaps_.empty() && sentence.start < styleCaps_.end)  // the dateline's sentence alone
        for (Token& t : tokens_)
            if (t.span.start >= styleCaps_.start && t.span.end <= styleCaps_.end && t.span.size() > 2 &&
                t.gapAfter != Gap::Space)
                t.flags &= static_cast<uint8_t>(~kAllCaps);
    tokenClasses_.assign(tokens_.size(), 0);
    rememberAged(text);
    for (size_t i = 0; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        // The names that matter hold a place's name after their first word.
        if ((t.gapAfter == Gap::Hyphen || (t.upper() && (t.gapAfter == Gap::Space || t.gapAfter == Gap::Apostrophe))) &&
            words::startsOrganisation(tokenText(text, t)))
            if (const auto last = organisation(text, i)) {
                i = *last;
                continue;
            }
        // "toward al-Bab", "near al-Qaim": a lower-case article starts the name ("Al Bab"); without
        // a match the name is tried alone at the next word.
        const bool article = !t.upper();
        if (article && !(t.gapAfter == Gap::Hyphen && articleBefore(text, i))) continue;
        const size_t name = article ? i + 1 : i;  // the name's first capitalized word, which keep() judges
        Match m = longestMatch(text, i, article);
        if (m.last < name || (!m.postings.empty() && !division(text, m))) m.postings.clear();
        bool loose = false;
        // The loose key only past a sentence's first word: its capital says nothing, and an
        // English word there ("Millions", "Opposition") could fold like a name.
        if (!article && i > 0) {
            if (m.postings.empty()) {
                m = looseMatch(text, i);
                loose = !m.postings.empty();
            } else if (m.last == i && i + 1 < tokens_.size() && t.gapAfter == Gap::Space &&
                       (tokens_[i + 1].upper() || hyphenedArticle(text, i + 1)) && !strong(m.postings)) {
                // "Tal Rifaat", "Jisr al-Shugur": a village named like the first word must not
                // hide a longer name that only the loose key finds ("Tall Rif'at", "Jisr ash
                // Shughur").
                Match longer = looseMatch(text, i);
                if (longer.last > m.last) m = std::move(longer), loose = true;
            }
        }
        if (m.postings.empty()) continue;
        const bool initial = i == 0;
        if (keep(text, name, m, initial)) {
            Recognized r;
            r.span = {t.span.start, tokens_[m.last].span.end};
            r.postings = std::move(m.postings);
            r.sentence = index;
            r.singleToken = m.last == i;
            r.givenName = r.singleToken && is(text, i, words::kFirstName);
            r.sentenceInitial = initial;
            r.loose = loose || m.loose;
            r.ownName = m.ownName;
            r.otherName = m.otherName;
            if (!out.empty() && out.back().sentence == index) {
                std::string_view between = text.substr(out.back().span.end, r.span.start - out.back().span.end);
                if (between.size() >= 1 && between.size() <= 3 && between[0] == ',' &&
                    between.find_first_not_of(", ") == std::string_view::npos)
                    r.containerOf = out.back().span.start;
                if (between == " and " || between == " or " || between == ", " || between == ", and " ||
                    between == ", or ")
                    r.listAfter = out.back().span.start;
            }
            out.push_back(std::move(r));
        } else if (loose || name != i) {
            continue;  // a rejected loose or article reading says nothing of the words after its first
        }
        i = m.last;
    }
}

bool Recognizer::hyphenedArticle(std::string_view text, size_t k) {
    return k + 1 < tokens_.size() && tokens_[k].gapAfter == Gap::Hyphen && tokens_[k + 1].upper() &&
           !(tokens_[k + 1].flags & kDigits) && is(text, k, words::kParticle);
}

bool Recognizer::articleBefore(std::string_view text, size_t k) {
    // After a capitalized word the article is inside a person's or a group's name: "Bashar
    // al-Assad", "Ahrar al-Sham".
    return !(k > 0 && tokens_[k - 1].upper() && tokens_[k - 1].gapAfter == Gap::Space) && hyphenedArticle(text, k);
}

}  // namespace cmap::text
