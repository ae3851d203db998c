#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

#include "core/assets.h"

using namespace cmap;

TEST_CASE("assets: the word lists are embedded, sorted by path, and read as one entry a line") {
    REQUIRE(assets::kEmbeddedCount > 0);
    CHECK(std::is_sorted(assets::kEmbedded, assets::kEmbedded + assets::kEmbeddedCount,
                         [](const assets::Asset& a, const assets::Asset& b) { return a.path < b.path; }));
    auto titles = assets::lines("lexicon/en/titles.txt");
    CHECK(std::find(titles.begin(), titles.end(), "president") != titles.end());
    for (std::string_view w : titles) {
        CHECK_FALSE(w.empty());
        CHECK(w.front() != '#');
        CHECK(w.find_first_of(" \t\r\n") == std::string_view::npos);
    }
}

TEST_CASE("assets: every English word list is lower case, as the recognizer looks words up") {
    for (size_t i = 0; i < assets::kEmbeddedCount; ++i) {
        const assets::Asset& a = assets::kEmbedded[i];
        if (!a.path.starts_with("lexicon/en/")) continue;
        for (std::string_view w : assets::lines(a.path)) {
            INFO(a.path, ": ", w);
            CHECK(std::none_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
        }
    }
}

TEST_CASE("assets: a name that is not embedded is a defect, reported as such") {
    CHECK_THROWS_AS(assets::get("lexicon/en/no_such_list.txt"), std::logic_error);
    CHECK_THROWS_AS(assets::lines(""), std::logic_error);
}
