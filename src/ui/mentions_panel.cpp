#include "ui/mentions_panel.h"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "ui/review.h"
#include "ui/shortcuts.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {


// The keys a row stands for: a group's members, else itself.
std::vector<MentionKey> rowKeys(const MentionRow& r) { return r.members.empty() ? std::vector{r.key} : r.members; }

bool rowSelected(const MentionsPanel& p, const MentionRow& r) {
    for (const MentionKey& k : rowKeys(r))
        if (std::find(p.selection.begin(), p.selection.end(), k) != p.selection.end()) return true;
    return false;
}

size_t cursorRow(const MentionsPanel& p) {
    if (!p.cursor) return 0;
    for (size_t i = 0; i < p.rows.size(); ++i)
        for (const MentionKey& k : rowKeys(p.rows[i]))
            if (k == *p.cursor) return i;
    return 0;
}

// Click, Ctrl+click (toggle) and Shift+click (a range from the cursor).
void clickRow(Viewer& v, size_t i) {
    MentionsPanel& p = v.mentions;
    const ImGuiIO& io = ImGui::GetIO();
    const std::vector<MentionKey> keys = rowKeys(p.rows[i]);
    if (io.KeyShift && p.cursor) {
        size_t from = cursorRow(p), lo = std::min(from, i), hi = std::max(from, i);
        p.selection.clear();
        for (size_t j = lo; j <= hi; ++j)
            for (const MentionKey& k : rowKeys(p.rows[j])) p.selection.push_back(k);
        return;
    }
    if (io.KeyCtrl) {
        if (rowSelected(p, p.rows[i]))
            std::erase_if(p.selection, [&](const MentionKey& k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); });
        else p.selection.insert(p.selection.end(), keys.begin(), keys.end());
        p.cursor = keys.front();
        return;
    }
    p.selection = keys;
    selectMention(v, keys.front(), true);
    p.selection = keys;  // selectMention keeps a selection that holds the key: a group stays whole
}

void moveCursor(Viewer& v, int step, bool extend) {
    MentionsPanel& p = v.mentions;
    if (p.rows.empty()) return;
    const size_t from = cursorRow(p);
    const size_t to = static_cast<size_t>(std::clamp(static_cast<long>(from) + step, 0L, static_cast<long>(p.rows.size()) - 1));
    const std::vector<MentionKey> keys = rowKeys(p.rows[to]);
    if (extend) {
        for (const MentionKey& k : keys)
            if (std::find(p.selection.begin(), p.selection.end(), k) == p.selection.end()) p.selection.push_back(k);
        p.cursor = keys.front();
        p.scrollToCursor = true;
        return;
    }
    p.selection = keys;
    selectMention(v, keys.front(), true);
    p.selection = keys;
}

void openResolve(Viewer& v) {
    if (v.mentions.selection.empty()) return;
    openCorrection(v, v.mentions.selection);
    v.correction.always = v.mentions.always;
}

void handleKeys(Viewer& v) {
    MentionsPanel& p = v.mentions;
    if (!p.focused || ImGui::GetIO().WantTextInput) return;
    const bool shift = ImGui::GetIO().KeyShift;
    if (pressed(Command::MentionUp)) moveCursor(v, -1, shift);
    if (pressed(Command::MentionDown)) moveCursor(v, 1, shift);
    if (pressed(Command::MentionAccept)) acceptMentions(v, p.selection, p.always);
    if (pressed(Command::MentionNotAPlace)) markNotAPlace(v, p.selection, p.always);
    if (pressed(Command::MentionResolve)) openResolve(v);
}

void drawFilters(Viewer& v) {
    MentionsPanel& p = v.mentions;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    inputTextWithHint("##filter", "filter text", &p.filter.text);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
    if (ImGui::BeginCombo("##kind", p.filter.kind.empty() ? "any kind" : p.filter.kind.c_str())) {
        if (ImGui::Selectable("any kind", p.filter.kind.empty())) p.filter.kind.clear();
        for (size_t i = 0; i < geo::kPlaceKindCount; ++i) {
            const std::string k(geo::kindName(static_cast<geo::PlaceKind>(i)));
            if (ImGui::Selectable(k.c_str(), p.filter.kind == k)) p.filter.kind = k;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const auto& arts = v.session.articles;
    std::string current = p.filter.article && *p.filter.article < arts.size()
                              ? elide(arts[*p.filter.article]->raw.meta.title.value_or(arts[*p.filter.article]->key), 30)
                              : "every article";
    if (ImGui::BeginCombo("##article", current.c_str())) {
        if (ImGui::Selectable("every article", !p.filter.article)) p.filter.article.reset();
        for (size_t i = 0; i < arts.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(elide(arts[i]->raw.meta.title.value_or(arts[i]->key), 50).c_str(), p.filter.article == i))
                p.filter.article = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    float conf[2] = {static_cast<float>(p.filter.minConfidence), static_cast<float>(p.filter.maxConfidence)};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::SliderFloat2("##conf", conf, 0, 1, "%.2f", ImGuiSliderFlags_AlwaysClamp)) {
        p.filter.minConfidence = std::min(conf[0], conf[1]);
        p.filter.maxConfidence = std::max(conf[0], conf[1]);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Confidence from, to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
    inputTextWithHint("##from", "from date", &p.fromText);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
    inputTextWithHint("##to", "to date", &p.toText);
    auto day = [](const std::string& t, bool last) -> std::optional<int> {
        auto d = model::Date::parse(t);
        if (!d) return std::nullopt;
        return last ? d->lastDay() : d->firstDay();
    };
    p.filter.fromDay = day(p.fromText, false);
    p.filter.toDay = day(p.toText, true);
    ImGui::SameLine();
    ImGui::Checkbox("Group", &p.group);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("One row per spelling, with its count");
}

void drawActions(Viewer& v) {
    MentionsPanel& p = v.mentions;
    const size_t n = p.selection.size();
    ImGui::BeginDisabled(n == 0);
    if (ImGui::Button("Accept")) acceptMentions(v, p.selection, p.always);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Reviewed: keep as placed (%s)", keysOf(Command::MentionAccept).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Not a place")) markNotAPlace(v, p.selection, p.always);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", keysOf(Command::MentionNotAPlace).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Resolve to...")) openResolve(v);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Pick the place for all of them (%s)", keysOf(Command::MentionResolve).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Clear")) clearDecisions(v, p.selection);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Forget the decisions (and rules) about them");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("Always", &p.always);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Also decide every other mention spelled the same, in every article");

    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    const bool enter = inputTextWithHint("##setdate", "2015-09 or A to B", &p.dateEdit, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(n == 0);
    if ((ImGui::Button("Set date") || enter) && n > 0) {
        if (p.dateEdit.empty()) {
            p.dateError.clear();
            dateMentions(v, p.selection, std::nullopt);
        } else if (auto d = parseDateRange(p.dateEdit)) {
            p.dateError.clear();
            dateMentions(v, p.selection, d);
        } else {
            p.dateError = "'" + p.dateEdit + "' is not a date or a range (YYYY[-MM[-DD]], or two joined by ' to ')";
        }
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("The date of the selected mentions, as precise as you type it; empty: the text's");
    ImGui::EndDisabled();
    if (!p.dateError.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", p.dateError.c_str());
}

std::string decisionMark(const MentionRow& r) {
    switch (r.decision) {
    case model::Decision::None: return "";
    case model::Decision::NotAPlace: return r.byRule ? "x*" : "x";
    case model::Decision::Place: return r.byRule ? "\u2192*" : "\u2192";
    case model::Decision::Accept: return r.byRule ? "\u2713*" : "\u2713";
    }
    return "";
}

void drawTable(Viewer& v) {
    MentionsPanel& p = v.mentions;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                       ImGuiTableFlags_Resizable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##mentions", kMentionColumns + 1, kFlags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Mention", ImGuiTableColumnFlags_NoHide, em * 7);
    ImGui::TableSetupColumn("Place", 0, em * 7);
    ImGui::TableSetupColumn("Kind", 0, em * 4);
    ImGui::TableSetupColumn("Country", 0, em * 2.5f);
    ImGui::TableSetupColumn("Conf.", ImGuiTableColumnFlags_PreferSortDescending, em * 2.5f);
    ImGui::TableSetupColumn("Date", 0, em * 5.5f);
    ImGui::TableSetupColumn("Article", 0, em * 8);
    ImGui::TableSetupColumn("Sentence", 0, em * 24);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort, em * 1.5f);  // the decision
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0 && specs->Specs[0].ColumnIndex < kMentionColumns) {
            p.sortColumn = static_cast<MentionColumn>(specs->Specs[0].ColumnIndex);
            p.ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
    }
    refreshMentionRows(v);
    const size_t cursor = cursorRow(p);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(p.rows.size()));
    if (p.scrollToCursor) clipper.ForceDisplayRangeByIndices(static_cast<int>(cursor), static_cast<int>(cursor) + 1);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MentionRow& r = p.rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            std::string surface = p.group ? r.surface + "  \u00d7" + std::to_string(r.count) : r.surface;
            if (ImGui::Selectable(surface.c_str(), rowSelected(p, r), ImGuiSelectableFlags_SpanAllColumns))
                clickRow(v, static_cast<size_t>(i));
            if (p.scrollToCursor && static_cast<size_t>(i) == cursor) {
                ImGui::SetScrollHereY(0.4f);
                p.scrollToCursor = false;
            }
            ImGui::PopID();
            const bool gone = r.decision == model::Decision::NotAPlace;
            if (gone) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.place.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.kind.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.country.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.3f", r.confidence);
            ImGui::TableNextColumn();
            if (r.date) ImGui::TextUnformatted(r.date->label().c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.article.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.sentence.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(decisionMark(r).c_str());
            if (gone) ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

}  // namespace

void refreshMentionRows(Viewer& v) {
    MentionsPanel& p = v.mentions;
    const MentionsPanel::Built now{v.session.revision, p.filter, p.sortColumn, p.ascending, p.group};
    if (now == p.built) return;
    if (now.revision != p.built.revision) p.all = mentionRows(v.session);
    p.rows = filterRows(p.all, p.filter);
    if (p.sortColumn) sortRows(p.rows, *p.sortColumn, p.ascending);
    if (p.group) p.rows = groupRows(p.rows);
    p.built = now;
}

void drawMentionsPanel(Viewer& v, const Rect& r) {
    if (!beginPanel("Mentions", r, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    MentionsPanel& p = v.mentions;
    p.focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    handleKeys(v);
    refreshMentionRows(v);
    size_t decided = 0;
    for (const MentionRow& row : p.all) decided += row.decision != model::Decision::None;
    ImGui::TextDisabled("%zu mentions, %zu decided; %zu shown, %zu selected", p.all.size(), decided, p.rows.size(),
                        p.selection.size());
    drawFilters(v);
    drawActions(v);
    drawTable(v);
    ImGui::End();
}

}  // namespace cmap::ui
