#include <doctest/doctest.h>

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
