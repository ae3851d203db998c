#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "core/assets.h"
#include "core/model/document.h"
#include "scene/style.h"

using namespace cmap;
using namespace cmap::scene;

TEST_CASE("style: the embedded default style reads, with every palette and size in it") {
    const Style& s = defaultStyle();
    CHECK(s.basemap.sea == rgb(0xdde7ec));
    CHECK(s.basemap.cityHalo == rgb(0xffffff, 0.8f));
    CHECK(s.palettes.articles.front() == 0xd62728u);  // red first, as LayerStyle's default
    CHECK(s.palettes.eventCategories.size() >= model::kEventCategoryCount);
    CHECK(s.mentions.townPx > 0);
    CHECK(&defaultBasemapStyle() == &s.basemap);
}

TEST_CASE("style: a malformed style is one line naming the key and the problem") {
    std::string text(assets::get("styles/default.json"));
    auto problem = [](const std::string& json) {
        try {
            parseStyle(json);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("(read)");
    };
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const size_t at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    CHECK(problem(text) == "(read)");
    CHECK(problem(edited("\"sea\": \"#dde7ec\"", "\"sea\": \"#dde7e\"")) ==
          "style.basemap.sea: expected a colour \"#rrggbb\"");
    CHECK(problem(edited("\"sea\": \"#dde7ec\"", "\"sea\": [\"#dde7ec\", 1.5]")) == "style.basemap.sea: opacity above 1");
    CHECK(problem(edited("\"sea\": \"#dde7ec\"", "\"seaa\": \"#dde7ec\"")) == "style.basemap.sea: missing");
    CHECK(problem(edited("\"townPx\": 11", "\"townPx\": -1")) == "style.mentions.townPx: expected a number of 0 or more");
    CHECK(problem(edited("\"townPx\": 11", "\"townPx\": 11, \"townpx\": 3")) == "style.mentions.townpx: unknown key");
    const std::string syntax = problem(edited("\"townPx\": 11", "\"townPx\" 11"));
    CHECK(syntax.find("parse error") != std::string::npos);
    CHECK(syntax.find('\n') == std::string::npos);
}

TEST_CASE("style: colours are #rrggbb, in either case, and nothing else") {
    CHECK(scene::parseHexColor("#1a2B3c") == std::optional<uint32_t>(0x1a2b3c));
    CHECK_FALSE(scene::parseHexColor("1a2b3c0"));
    CHECK_FALSE(scene::parseHexColor("#1a2b3"));
    CHECK_FALSE(scene::parseHexColor("#1a2b3g"));
    CHECK_FALSE(scene::parseHexColor("#-1a2b3"));
}
