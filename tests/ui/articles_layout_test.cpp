#include <doctest/doctest.h>

#include "ui/articles_panel.h"
#include "ui/session.h"

using namespace cmap;

namespace {
// Every byte 10 pixels wide: widths are byte counts, easy to reason about.
float fixedWidth(const char* b, const char* e) { return static_cast<float>(e - b) * 10; }
}  // namespace

TEST_CASE("article text wraps at the width, keeps mentions whole, and breaks at newlines") {
    ui::ArticleSource a;
    a.decoded.text = "Russian jets reached Latakia airport today.\nMore later.";
    model::Mention m;
    m.range = {21, 36};  // "Latakia airport"
    a.raw.mentions = {m};
    auto L = ui::layoutText(a, 200, 20, fixedWidth);
    int mentionRuns = 0;
    for (const auto& r : L.runs) {
        CHECK(r.x + r.w <= 200 + 160);  // only a piece wider than the line may overflow
        if (r.mention == 0) {
            ++mentionRuns;
            CHECK(a.decoded.text.substr(r.start, 15) == "Latakia airport");
            CHECK(r.x == 0);  // did not fit after "reached ": wrapped whole
        }
    }
    CHECK(mentionRuns == 1);
    const auto& more = L.runs[L.runs.size() - 2];
    CHECK(a.decoded.text.substr(more.start, 4) == "More");
    CHECK(more.x == 0);
    CHECK(L.height > more.y);
}

TEST_CASE("file offsets map back to decoded text offsets") {
    text::DecodedText d;
    d.text = "abc";
    d.sourceBase = 3;  // a BOM
    CHECK(ui::textOffsetOf(d, 4) == 1);
    d.toSource = {5, 6, 12, 13};  // markup between b and c
    d.sourceLength = {1, 1, 1};
    CHECK(ui::textOffsetOf(d, 12) == 2);
    CHECK(ui::textOffsetOf(d, 7) == 2);
}
