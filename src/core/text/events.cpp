#include "core/text/events.h"

#include <array>
#include <vector>

namespace cmap::text {
namespace {

using model::EventCategory;

struct Cue {
    std::string_view stem;  ///< matches any word that starts with it
    EventCategory category;
    bool whole = false;     ///< the word must equal the stem
};

// Ordered by how specific a cue is: the first category to reach the highest count wins ties.
constexpr Cue kCues[] = {
    {"airstrike", EventCategory::Airstrike}, {"sortie", EventCategory::Airstrike},
    {"bombard", EventCategory::Airstrike},   {"raid", EventCategory::Airstrike},
    {"bombing", EventCategory::Attack},      {"bomb", EventCategory::Attack, true},
    {"attack", EventCategory::Attack},       {"explosion", EventCategory::Attack},
    {"blast", EventCategory::Attack},        {"killed", EventCategory::Attack, true},
    {"shelling", EventCategory::Attack},     {"suicide", EventCategory::Attack},
    {"ambush", EventCategory::Attack},       {"clashes", EventCategory::Attack, true},
    {"assault", EventCategory::Attack},      {"atentado", EventCategory::Attack},
    {"deploy", EventCategory::Deployment},   {"troops", EventCategory::Deployment, true},
    {"buildup", EventCategory::Deployment},  {"reinforce", EventCategory::Deployment},
    {"dispatch", EventCategory::Deployment}, {"stationed", EventCategory::Deployment, true},
    {"warship", EventCategory::Deployment},  {"intervene", EventCategory::Deployment},
    {"intervention", EventCategory::Deployment}, {"advisers", EventCategory::Deployment, true},
    {"airbase", EventCategory::Base},        {"base", EventCategory::Base, true},
    {"bases", EventCategory::Base, true},    {"airfield", EventCategory::Base},
    {"airport", EventCategory::Base},        {"naval", EventCategory::Base, true},
    {"facility", EventCategory::Base},       {"facilities", EventCategory::Base, true},
    {"hub", EventCategory::Base, true},      {"port", EventCategory::Base, true},
    {"meeting", EventCategory::Meeting},     {"met", EventCategory::Meeting, true},
    {"meet", EventCategory::Meeting, true},  {"talks", EventCategory::Meeting, true},
    {"summit", EventCategory::Meeting},      {"visit", EventCategory::Meeting},
    {"negotiat", EventCategory::Meeting},    {"diplomat", EventCategory::Meeting},
    {"reuni", EventCategory::Meeting},       {"réuni", EventCategory::Meeting},
    {"said", EventCategory::Statement, true}, {"says", EventCategory::Statement, true},
    {"told", EventCategory::Statement, true}, {"statement", EventCategory::Statement},
    {"announce", EventCategory::Statement},  {"speech", EventCategory::Statement},
    {"declared", EventCategory::Statement, true}, {"warned", EventCategory::Statement, true},
    {"claimed", EventCategory::Statement, true},
};

constexpr size_t kCategories = 7;

// Cue indexes by the first two lower-case letters (ASCII; "réuni" files under "r", "\xC3"):
// most words are rejected with one lookup. Only bytes that start a cue's first two letters get
// a number, so the table is 6 KiB and stays in the L1 cache; every other byte is 0, whose row
// and column hold no cue.
constexpr size_t kNoCue = 0xff;
constexpr size_t kCueBytes = 28;  // none, a..z, 0xC3
constexpr std::array<uint8_t, 256> kCueByte = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = static_cast<uint8_t>(c - 'a' + 1);
    t[0xC3] = 27;
    return t;
}();
constexpr size_t slot(unsigned char a, unsigned char b) { return kCueByte[a] * kCueBytes + kCueByte[b]; }
struct CueIndex {
    std::array<std::array<uint8_t, 8>, kCueBytes * kCueBytes> bySlot{};  ///< up to 8 cues per two-letter start
    /// A bit per slot that holds a cue: 98 bytes, so the question most words get a no to stays in
    /// two cache lines while the gazetteer's tables push everything else out between sentences.
    std::array<uint64_t, (kCueBytes * kCueBytes + 63) / 64> used{};
    bool any(size_t slot) const { return used[slot / 64] >> (slot % 64) & 1; }
};
const CueIndex& cueIndex() {
    static const CueIndex index = [] {
        CueIndex ix;
        for (auto& a : ix.bySlot) a.fill(kNoCue);
        for (size_t i = 0; i < std::size(kCues); ++i) {
            const size_t at = slot(static_cast<unsigned char>(kCues[i].stem[0]), static_cast<unsigned char>(kCues[i].stem[1]));
            ix.used[at / 64] |= uint64_t{1} << (at % 64);
            auto& cell = ix.bySlot[at];
            for (auto& c : cell)
                if (c == kNoCue) {
                    c = static_cast<uint8_t>(i);
                    break;
                }
        }
        return ix;
    }();
    return index;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Whether word (any case; hyphens skipped, so "build-up" reads "buildup") matches the cue.
bool matches(std::string_view word, const Cue& cue) {
    size_t i = 0;
    for (char c : word) {
        if (c == '-') continue;
        if (i == cue.stem.size()) return !cue.whole;
        if (lower(c) != cue.stem[i++]) return false;
    }
    return i == cue.stem.size();
}

}  // namespace

EventCategory categorize(std::string_view text, std::span<const Token> words) {
    std::array<int, kCategories> count{};
    const CueIndex& index = cueIndex();
    for (size_t k = 0; k < words.size();) {
        // A cue may run over hyphens ("build-up"): the words they join are read as one.
        size_t last = k;
        while (last + 1 < words.size() && words[last].gapAfter == Gap::Hyphen) ++last;
        const std::string_view word = text.substr(words[k].span.start, words[last].span.end - words[k].span.start);
        k = last + 1;
        if (word.size() < 3 || word[1] == '-') continue;
        const size_t at = slot(static_cast<unsigned char>(lower(word[0])), static_cast<unsigned char>(lower(word[1])));
        if (!index.any(at)) continue;
        for (uint8_t c : index.bySlot[at]) {
            if (c == kNoCue) break;
            if (matches(word, kCues[c])) {
                ++count[static_cast<size_t>(kCues[c].category)];
                break;
            }
        }
    }
    // Things happening outrank things said: a statement is the category only when nothing else is.
    size_t best = static_cast<size_t>(EventCategory::Other);
    int bestCount = 0;
    for (size_t c = 0; c < static_cast<size_t>(EventCategory::Statement); ++c)
        if (count[c] > bestCount) bestCount = count[c], best = c;
    if (bestCount == 0 && count[static_cast<size_t>(EventCategory::Statement)] > 0)
        best = static_cast<size_t>(EventCategory::Statement);
    return static_cast<EventCategory>(best);
}

EventCategory categorize(std::string_view sentence) {
    std::vector<Token> words;
    tokenize(sentence, {0, static_cast<uint32_t>(sentence.size())}, words);
    return categorize(sentence, words);
}

}  // namespace cmap::text
