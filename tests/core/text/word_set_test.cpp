#include <doctest/doctest.h>

#include <string>

#include "core/text/word_set.h"

using namespace cmap::text;

TEST_CASE("a word set finds exactly its words, whatever their first bytes and lengths share") {
    const WordSet set{"ago", "august", "a", "tue", "x-ray", "m\xC3\xA4rz"};
    for (const char* w : {"ago", "august", "a", "tue", "x-ray", "m\xC3\xA4rz"}) CHECK(set.contains(w));
    // Same first byte and length as a member, or the same first two bytes, but not a member.
    for (const char* w : {"and", "the", "at", "augur", "agog", "tu", "x", "m\xC3\xA4", "", "Ago"})
        CHECK_FALSE(set.contains(w));
}

TEST_CASE("mayContain never rules out a member, and rules out most other words before any bucket is read") {
    const WordSet set{"ago", "a", "tue"};
    CHECK(set.mayContain('a', 'g', 3));
    CHECK(set.mayContain('a', '\0', 1));
    CHECK(set.mayContain('t', 'u', 3));
    CHECK_FALSE(set.mayContain('a', 'n', 3));  // "and": first byte and length as "ago"
    CHECK_FALSE(set.mayContain('t', 'h', 3));  // "the"
    CHECK_FALSE(set.mayContain('a', 'g', 4));
}

TEST_CASE("a word on several lists carries each list's tag, and a word on none has no tags") {
    WordSet set;
    set.insert("jordan", 1);  // a given name
    set.insert("river", 2);
    set.insert("jordan", 4);  // and a river's name
    CHECK(set.tags("jordan") == 5);
    CHECK(set.tags("river") == 2);
    CHECK(set.tags("jordanian") == 0);
    CHECK(set.tags("Jordan") == 0);
    CHECK(set.contains("jordan"));
    // Many more words: the table grows, and the tags go with their words.
    static const std::string words[] = {"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j10", "k11", "l12",
                                        "m13", "n14", "o15", "p16", "q17", "r18", "s19", "t20"};
    for (const std::string& w : words) set.insert(w, 8);
    CHECK(set.tags("jordan") == 5);
    for (const std::string& w : words) CHECK(set.tags(w) == 8);
}
