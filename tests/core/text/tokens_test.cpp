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

TEST_CASE("tokens of another script than Latin are marked, whatever their case") {
    auto t = tokens("\xC3\x89lodie met \xD0\xBC\xD1\x8D\xD1\x80 and \xD8\xAD\xD9\x85\xD8\xB5 in \xE1\xBA\xA0i near \xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");
    REQUIRE(t.size() == 9);
    auto foreign = [&](size_t k) { return (t[k].flags & kForeign) != 0; };
    CHECK_FALSE(foreign(0));  // É: Latin-1
    CHECK(foreign(2));        // мэр: Cyrillic, lower case
    CHECK_FALSE(t[2].upper());
    CHECK(foreign(4));        // Arabic: uncased, so also upper
    CHECK(t[4].upper());
    CHECK_FALSE(foreign(6));  // Ạ: Latin Extended Additional (Vietnamese)
    CHECK(foreign(8));        // Greek
}
