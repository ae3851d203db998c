#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/text/tokens.h"

using namespace cmap::text;

namespace {

std::vector<Token> tokens(std::string_view text) {
    std::vector<Token> out;
    tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, out);
    return out;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : tokens(text)) out.emplace_back(t.span.in(text));
    return out;
}

}  // namespace

TEST_CASE("tokens are runs of letters and digits, whatever their length") {
    // Words shorter and longer than eight bytes, ending anywhere in a block of eight.
    CHECK(words("Convoys left Sevastopol and Novorossiysk at 0400, refuelling twice.") ==
          std::vector<std::string>{"Convoys", "left", "Sevastopol", "and", "Novorossiysk", "at", "0400", "refuelling",
                                   "twice"});
    CHECK(words("Antidisestablishmentarianism") == std::vector<std::string>{"Antidisestablishmentarianism"});
    // Letters beyond ASCII continue a word; punctuation ends it.
    CHECK(words("Convoys reached Dnipropetrovs\xE2\x80\x99k and Zaporizhzhia\xC3\xA9 today") ==
          std::vector<std::string>{"Convoys", "reached", "Dnipropetrovs", "k", "and", "Zaporizhzhia\xC3\xA9", "today"});
}

TEST_CASE("all capitals: two letters or more, none lower case, however long the word") {
    auto t = tokens("WASHINGTON and NORTHCAUCASUS met ABCDEFGHi and Ab and A.");
    REQUIRE(t.size() == 9);
    CHECK(t[0].allCaps());        // ten capitals
    CHECK_FALSE(t[1].allCaps());
    CHECK(t[2].allCaps());        // thirteen
    CHECK_FALSE(t[4].allCaps());  // a lower-case letter after the first eight bytes
    CHECK_FALSE(t[6].allCaps());
    CHECK_FALSE(t[8].allCaps());  // one letter
    CHECK(t[0].upper());
    CHECK_FALSE(t[1].upper());
}

TEST_CASE("what separates a token from the next") {
    auto t = tokens("Kabardino-Balkaria, U.S. troops");
    REQUIRE(t.size() == 5);
    CHECK(t[0].gapAfter == Gap::Hyphen);
    CHECK(t[1].gapAfter == Gap::Comma);
    CHECK(t[2].gapAfter == Gap::Period);
    CHECK(t[3].gapAfter == Gap::Period);
    CHECK(t[4].gapAfter == Gap::Other);  // the end
}
