#include "core/text/events.h"

#include <array>
#include <string>

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

constexpr std::array<bool, 256> kCueStart = [] {
    std::array<bool, 256> t{};
    for (const Cue& c : kCues) t[static_cast<unsigned char>(c.stem[0])] = true;
    return t;
}();

}  // namespace

EventCategory categorize(std::string_view sentence) {
    std::array<int, kCategories> count{};
    std::string word;
    auto flush = [&] {
        // Every cue starts with one of a few letters; most words are rejected on their first.
        if (word.size() < 3 || !kCueStart[static_cast<unsigned char>(word[0])]) return word.clear();
        for (const Cue& c : kCues) {
            if (c.stem[0] != word[0]) continue;
            bool hit = c.whole ? word == c.stem : std::string_view(word).starts_with(c.stem);
            if (hit) {
                ++count[static_cast<size_t>(c.category)];
                break;
            }
        }
        word.clear();
    };
    for (char ch : sentence) {
        auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || c >= 0x80) word.push_back(ch);
        else if (c >= 'A' && c <= 'Z') word.push_back(static_cast<char>(c + 32));
        else if (c == '-' && !word.empty()) continue;  // "build-up" counts as "buildup", "air-strike" too
        else flush();
    }
    flush();
    // Things happening outrank things said: a statement is the category only when nothing else is.
    size_t best = static_cast<size_t>(EventCategory::Other);
    int bestCount = 0;
    for (size_t c = 0; c < static_cast<size_t>(EventCategory::Statement); ++c)
        if (count[c] > bestCount) bestCount = count[c], best = c;
    if (bestCount == 0 && count[static_cast<size_t>(EventCategory::Statement)] > 0)
        best = static_cast<size_t>(EventCategory::Statement);
    return static_cast<EventCategory>(best);
}

}  // namespace cmap::text
