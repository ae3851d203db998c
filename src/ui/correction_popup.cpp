#include "ui/correction_popup.h"

#include <imgui.h>

#include "ui/review.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

constexpr const char* kPopupId = "Correct mention";

void candidateList(Viewer& v, const model::Mention& first, const std::vector<geo::Candidate>& list) {
    const geo::Gazetteer& g = *v.session.geodata->gazetteer;
    CorrectionPopup& c = v.correction;
    for (size_t i = 0; i < list.size(); ++i) {
        model::ResolvedPlace p = model::resolvedPlace(g, list[i].place);
        bool current = p.gazetteerId == first.place.gazetteerId && p.name == first.place.name;
        ImGui::PushID(static_cast<int>(i));
        std::string label = model::describePlace(p);
        if (const geo::Place& pl = g.place(list[i].place); pl.population > 0)
            label += (pl.populationEstimated ? "  pop. ~" : "  pop. ") + std::to_string(pl.population);
        if (ImGui::Selectable(label.c_str(), current)) {
            resolveMentions(v, c.targets, p, c.always);
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
    }
    if (list.empty()) ImGui::TextDisabled("No places of that name");
}

}  // namespace

void openCorrection(Viewer& v, size_t article, size_t mention) {
    const MentionKey key{article, mention};
    openCorrection(v, std::span(&key, 1));
}

void openCorrection(Viewer& v, std::span<const MentionKey> targets) {
    CorrectionPopup& c = v.correction;
    c.openRequested = true;
    c.targets.assign(targets.begin(), targets.end());
    c.always = false;
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
    std::erase_if(c.targets, [&](const MentionKey& k) {
        return k.article >= v.session.articles.size() || k.mention >= v.session.articles[k.article]->raw.mentions.size();
    });
    if (c.targets.empty() || !v.session.geodata || !v.session.geodata->gazetteer) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const MentionKey first = c.targets.front();
    const ArticleSource& a = *v.session.articles[first.article];
    const model::Mention& m = a.raw.mentions[first.mention];
    const geo::Gazetteer& g = *v.session.geodata->gazetteer;
    if (c.targets.size() == 1) {
        ImGui::Text("\"%s\"", m.text.c_str());
        ImGui::TextDisabled("geoparsed as %s", model::describePlace(m.place).c_str());
    } else {
        ImGui::Text("%zu mentions, the first \"%s\"", c.targets.size(), m.text.c_str());
    }

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
    candidateList(v, m, c.results);
    ImGui::EndChild();

    sectionHeader("Or");
    if (c.targets.size() == 1 && ImGui::Button("Place by hand on the map")) {
        v.canvas.placingByHand = scene::MentionRef{first.article, first.mention};
        ImGui::CloseCurrentPopup();
    }
    if (c.targets.size() == 1) ImGui::SameLine();
    if (ImGui::Button("Not a place")) {
        markNotAPlace(v, c.targets, c.always);
        ImGui::CloseCurrentPopup();
    }
    const bool decided = std::any_of(c.targets.begin(), c.targets.end(), [&](const MentionKey& k) {
        const ArticleSource& src = *v.session.articles[k.article];
        return model::findCorrection(v.session.workspace.corrections, src.key, src.raw.mentions[k.mention].range) ||
               model::findRule(v.session.workspace.always, src.raw.mentions[k.mention].text);
    });
    if (decided) {
        ImGui::SameLine();
        if (ImGui::Button("Undo correction")) {
            clearDecisions(v, c.targets);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::Checkbox("Always: every mention spelled so", &c.always);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The choice also holds for the other mentions of \"%s\", in every article of the workspace", m.text.c_str());
    ImGui::EndPopup();
}

}  // namespace cmap::ui
