// The Mentions panel driven as a user drives it: typing a filter, grouping, clicking a row,
// keys for bulk decisions, undo; and what the map shows follows (the ring, the threshold).
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>  // the table's scrolling child window, to click its rows

#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>

#include "docked_viewer.h"
#include "scene/map_scene.h"
#include "ui/mention_rows.h"
#include "ui/review.h"

using namespace cmap;

namespace {

// Twenty sentences of our own, each naming "Russian" twice, Latakia and Homs once.
std::vector<test::TestArticle> russianArticle() {
    std::string text;
    for (int i = 1; i <= 20; ++i)
        text += "On day " + std::to_string(i) + " of the exercise, Russian jets flew over Latakia while Russian crews rested near Homs.\n";
    return {{"exercise.txt", text, R"({"title": "Exercise", "published": "2015-09-20"})"}};
}

size_t count(const std::vector<ui::MentionRow>& rows, const std::string& surface) {
    return static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [&](const ui::MentionRow& r) { return r.surface == surface; }));
}

size_t shownMentions(const ui::Viewer& v) {
    size_t n = 0;
    for (const auto& d : v.session.content->documents) n += d->mentions.size();
    return n;
}

struct Panel : test::DockedViewer {
    Panel() : test::DockedViewer(russianArticle()) {
        frame();
        frame();
    }
    ui::MentionsPanel& p() { return v.mentions; }

    void typeInto(const std::string& label, const std::string& text) {
        frame();
        const auto* f = field("Mentions", label);
        REQUIRE(f);
        click((f->x0 + f->x1) / 2, (f->y0 + f->y1) / 2);
        for (char c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
            frame();
        }
        ImGui::ClearActiveID();
        frame();
    }
    // The centre of the i-th row of the table (0 the first under the header), as drawn now.
    ImVec2 row(int i) {
        const ImGuiWindow* table = nullptr;
        for (const ImGuiWindow* w : GImGui->Windows)
            if (std::string_view(w->Name).starts_with("Mentions/##mentions")) table = w;
        REQUIRE(table);
        const float rowH = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
        return {table->Pos.x + 40, table->Pos.y + rowH * (static_cast<float>(i) + 1.5f)};
    }
    void clickRow(int i) {
        const ImVec2 at = row(i);
        click(at.x, at.y);
        frame();
    }
};

}  // namespace

TEST_CASE("mentions panel: every mention in one table, filtered by typing, sorted, grouped") {
    Panel d;
    ui::MentionsPanel& p = d.p();
    REQUIRE(count(p.all, "Russian") == 40);
    CHECK(count(p.all, "Latakia") == 20);
    CHECK(p.rows.size() == p.all.size());

    d.typeInto("##filter", "russ");
    CHECK(p.rows.size() == 40);
    CHECK(count(p.rows, "Russian") == 40);

    // Sorting by confidence, then by article and text order again.
    p.filter.text.clear();
    p.sortColumn = ui::MentionColumn::Confidence;
    p.ascending = false;
    d.frame();
    CHECK(std::is_sorted(p.rows.begin(), p.rows.end(),
                         [](const ui::MentionRow& a, const ui::MentionRow& b) { return a.confidence > b.confidence; }));
    p.sortColumn = ui::MentionColumn::Surface;
    p.ascending = true;
    d.frame();
    CHECK(p.rows.front().surface == "Homs");

    p.group = true;
    d.frame();
    CHECK(p.rows.size() == 3);
    const auto russian = std::find_if(p.rows.begin(), p.rows.end(), [](const ui::MentionRow& r) { return r.surface == "Russian"; });
    REQUIRE(russian != p.rows.end());
    CHECK(russian->count == 40);
}

TEST_CASE("mentions panel: 40 mentions marked 'not a place' with one key, and Ctrl+Z puts them back") {
    Panel d;
    ui::Viewer& v = d.v;
    ui::MentionsPanel& p = d.p();
    const size_t before = shownMentions(v);
    d.typeInto("##filter", "Russian");
    p.group = true;
    d.frame();
    REQUIRE(p.rows.size() == 1);
    d.clickRow(0);  // the group: all 40 selected, and the panel has the keyboard
    CHECK(p.selection.size() == 40);
    CHECK(p.focused);
    // The first of them is the one looked at: its sentence in the text, a ring on the map.
    REQUIRE(v.articles.focus);
    const scene::MapState state = v.mapState();
    REQUIRE(state.highlight);
    const scene::Scene scene = scene::buildMapScene(*v.session.content, state, 800, 500);
    CHECK(std::any_of(scene.layers.begin(), scene.layers.end(), [](const scene::Layer& l) { return l.name == "highlight"; }));

    d.key(GLFW_KEY_DELETE);
    CHECK(v.session.workspace.corrections.size() == 40);
    CHECK(shownMentions(v) == before - 40);
    CHECK(v.session.dirty);
    d.frame();
    CHECK(p.all.size() == 80);  // the table keeps them, marked
    CHECK(std::all_of(p.rows.begin(), p.rows.end(), [](const ui::MentionRow& r) { return r.decision == model::Decision::NotAPlace; }));

    d.key(GLFW_KEY_Z, true);  // Ctrl+Z
    CHECK(v.session.workspace.corrections.empty());
    CHECK(shownMentions(v) == before);
    d.key(GLFW_KEY_Y, true);  // Ctrl+Y
    CHECK(shownMentions(v) == before - 40);
    d.key(GLFW_KEY_Z, true);

    // Space accepts: reviewed, confidence 1, still on the map.
    d.key(GLFW_KEY_SPACE);
    CHECK(v.session.workspace.corrections.size() == 40);
    CHECK(shownMentions(v) == before);
    for (const auto& m : v.session.content->documents[0]->mentions)
        if (m.text == "Russian") CHECK(m.confidence == 1);
}

TEST_CASE("mentions panel: arrows move the selection, Shift extends it; 'always' decides later articles too") {
    Panel d;
    ui::Viewer& v = d.v;
    ui::MentionsPanel& p = d.p();
    d.typeInto("##filter", "Latakia");
    d.clickRow(0);
    REQUIRE(p.selection.size() == 1);
    const ui::MentionKey first = p.selection[0];
    d.key(GLFW_KEY_DOWN);
    REQUIRE(p.selection.size() == 1);
    CHECK(first < p.selection[0]);
    CHECK(v.articles.focus->mention == p.selection[0].mention);  // the text follows
    ImGui::GetIO().KeyShift = true;
    d.key(GLFW_KEY_DOWN);
    ImGui::GetIO().KeyShift = false;
    CHECK(p.selection.size() == 2);

    p.always = true;
    d.key(GLFW_KEY_DELETE);
    REQUIRE(v.session.workspace.always.size() == 1);
    CHECK(v.session.workspace.always[0].text == "Latakia");
    // Every Latakia is gone from the map, those not selected too, by the rule.
    for (const auto& m : v.session.content->documents[0]->mentions) CHECK(m.text != "Latakia");
}

TEST_CASE("confidence threshold: the Layers panel's slider hides mentions below it on the map") {
    Panel d;
    ui::Viewer& v = d.v;
    const size_t all = scene::placeMentions(*v.session.content, v.mapState(), 800, 500).size();
    REQUIRE(all > 0);
    // Find the slider as a pointer does, moving down the Layers panel until it is under it.
    const ImGuiID slider = ImGui::FindWindowByName("Layers")->GetID("Min. confidence");
    const float x = d.layout.layers.x + 100;
    float y = -1;
    for (float at = d.layout.layers.y; at < d.layout.layers.y + 200 && y < 0; at += 3) {
        d.input.mouse(x, at, 0, false, [&d] { d.draw(); });
        d.frame();
        if (GImGui->HoveredIdPreviousFrame == slider) y = at;
    }
    REQUIRE(y > 0);
    d.click(d.layout.layers.x + 8 + ImGui::GetFontSize() * 8 - 4, y);  // near its right end
    d.frame();
    const double threshold = v.session.workspace.minConfidence;
    CHECK(threshold > 0.8);
    CHECK(v.session.dirty);
    const auto placed = scene::placeMentions(*v.session.content, v.mapState(), 800, 500);
    CHECK(placed.size() < all);
    for (const auto& m : placed)
        CHECK(v.session.content->documents[m.ref.document]->mentions[m.ref.mention].confidence >= threshold);
}
