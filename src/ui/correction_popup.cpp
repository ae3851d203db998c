#include "ui/correction_popup.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/corrections.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

constexpr const char* kPopupId = "Correct mention";

void choose(Viewer& v, const ArticleSource& a, const model::Mention& m, model::ResolvedPlace place) {
    setCorrection(v.session.workspace, {a.key, m.range, model::Correction::Action::Place, std::move(place)});
    v.correctionsChanged();
    ImGui::CloseCurrentPopup();
}

void candidateList(Viewer& v, const ArticleSource& a, const model::Mention& m, const std::vector<geo::Candidate>& list) {
    const geo::Gazetteer& g = *v.session.geodata->gazetteer;
    for (size_t i = 0; i < list.size(); ++i) {
        model::ResolvedPlace p = model::resolvedPlace(g, list[i].place);
        bool current = p.gazetteerId == m.place.gazetteerId && p.name == m.place.name;
        ImGui::PushID(static_cast<int>(i));
        std::string label = describePlace(p);
        if (g.place(list[i].place).population > 0) label += "  pop. " + std::to_string(g.place(list[i].place).population);
        if (ImGui::Selectable(label.c_str(), current)) choose(v, a, m, std::move(p));
        ImGui::PopID();
    }
    if (list.empty()) ImGui::TextDisabled("No places of that name");
}

}  // namespace

void openCorrection(Viewer& v, size_t article, size_t mention) {
    CorrectionPopup& c = v.correction;
    c.openRequested = true;
    c.article = article;
    c.mention = mention;
    c.search.clear();
    c.results.clear();
    c.resultsFor.clear();
}

void drawCorrectionPopup(Viewer& v) {
    CorrectionPopup& c = v.correction;
    if (c.openRequested) {
        ImGui::OpenPopup(kPopupId);
        c.openRequested = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0));
    if (!ImGui::BeginPopup(kPopupId)) return;
    if (c.article >= v.session.articles.size() || !v.session.geodata ||
        c.mention >= v.session.articles[c.article]->raw.mentions.size()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const ArticleSource& a = *v.session.articles[c.article];
    const model::Mention& m = a.raw.mentions[c.mention];
    const geo::Gazetteer& g = *v.session.geodata->gazetteer;
    ImGui::Text("\"%s\"", m.text.c_str());
    ImGui::TextDisabled("geoparsed as %s", describePlace(m.place).c_str());

    sectionHeader("Pick another place");
    ImGui::SetNextItemWidth(-1);
    inputTextWithHint("##search", "search by name (empty: places named like the mention)", &c.search);
    // Empty search: the gazetteer's other candidates for the mention's own words.
    const std::string& query = c.search.empty() ? m.text : c.search;
    if (c.resultsFor != query) {
        c.results = g.lookup(query, 12);
        c.resultsFor = query;
    }
    ImGui::BeginChild("##candidates", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), true);
    candidateList(v, a, m, c.results);
    ImGui::EndChild();

    sectionHeader("Or");
    if (ImGui::Button("Place by hand on the map")) {
        v.canvas.placingByHand = scene::MentionRef{c.article, c.mention};
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Not a place")) {
        setCorrection(v.session.workspace, {a.key, m.range, model::Correction::Action::NotAPlace, std::nullopt});
        v.correctionsChanged();
        ImGui::CloseCurrentPopup();
    }
    if (findCorrection(v.session.workspace, a.key, m.range)) {
        ImGui::SameLine();
        if (ImGui::Button("Undo correction")) {
            clearCorrection(v.session.workspace, a.key, m.range);
            v.correctionsChanged();
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndPopup();
}

}  // namespace cmap::ui
