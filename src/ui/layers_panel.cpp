#include "ui/layers_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

ImVec4 toVec4(uint32_t rgba) {
    return ImVec4(static_cast<float>((rgba >> 24) & 0xff) / 255.f, static_cast<float>((rgba >> 16) & 0xff) / 255.f,
                  static_cast<float>((rgba >> 8) & 0xff) / 255.f, static_cast<float>(rgba & 0xff) / 255.f);
}

uint32_t fromFloat4(const float c[4]) {
    auto b = [](float f) { return static_cast<uint32_t>(std::clamp(f, 0.f, 1.f) * 255.f + 0.5f); };
    return b(c[0]) << 24 | b(c[1]) << 16 | b(c[2]) << 8 | b(c[3]);
}

// What a layer row offers besides visibility. Category layers only filter (the article's colour
// stays), so they show a toggle alone; event dots have no labels but can keep their categories'
// colours.
enum class RowKind : uint8_t { Toggle, Article, Events };

// One row: visibility, colour swatch, name; the rest of the style in a tree node under it.
// The style is written into the workspace only when the user changes it.
// shown: the colours the dots have while the layer is coloured by category (Events rows).
void layerRow(Viewer& v, const std::string& id, const std::string& name, const std::string& detail,
              const model::LayerStyle& fallback, RowKind kind, const std::vector<scene::Color>& shown = {}) {
    const auto& styles = v.session.workspace.layers;
    auto it = styles.find(id);
    model::LayerStyle style = it != styles.end() ? it->second : fallback;
    bool changed = false;
    ImGui::PushID(id.c_str());
    changed |= ImGui::Checkbox("##visible", &style.visible);
    ImGui::SameLine();
    if (kind == RowKind::Toggle) {
        ImGui::TextUnformatted(name.c_str());
    } else {
        ImVec4 c = toVec4(style.rgba);
        float col[4] = {c.x, c.y, c.z, c.w};
        if (ImGui::ColorEdit4("##colour", col, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) {
            style.rgba = fromFloat4(col);
            style.byCategory = false;  // picking a colour means wanting it on the map
            changed = true;
        }
        if (kind == RowKind::Events && style.byCategory && !shown.empty()) {
            // The swatch shows the categories' colours in stripes: one colour would say all dots have it.
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            const float w = (b.x - a.x) / static_cast<float>(shown.size());
            for (size_t k = 0; k < shown.size(); ++k)
                ImGui::GetWindowDrawList()->AddRectFilled(
                    ImVec2(a.x + w * static_cast<float>(k), a.y), ImVec2(a.x + w * static_cast<float>(k + 1), b.y),
                    ImGui::GetColorU32(ImVec4(shown[k].r, shown[k].g, shown[k].b, 1.f)));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Dots in their event category's colour; pick a colour to use one for all");
        }
        ImGui::SameLine();
        bool open = ImGui::TreeNodeEx("##style", ImGuiTreeNodeFlags_SpanAvailWidth, "%s", name.c_str());
        if (!detail.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", detail.c_str());
        if (open) {
            if (!detail.empty()) ImGui::TextDisabled("%s", detail.c_str());
            ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.5f);
            changed |= ImGui::SliderFloat("Size", &style.size, 0.25f, 4.f, "%.2fx", ImGuiSliderFlags_AlwaysClamp);
            ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.5f);
            changed |= ImGui::SliderFloat("Opacity", &style.opacity, 0.f, 1.f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
            if (kind == RowKind::Events) changed |= ImGui::Checkbox("Colour by category", &style.byCategory);
            else changed |= ImGui::Checkbox("Labels", &style.labels);
            ImGui::TreePop();
        }
    }
    ImGui::PopID();
    if (changed) setLayerStyle(v.session, id, style);
}

// "12,345": counts of a million events stay readable.
std::string grouped(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// "3 places, 1 area": the legend says at which precision the article's mentions are drawn.
std::string precisionSummary(const model::Document& doc) {
    size_t points = 0, areas = 0;
    for (const auto& m : doc.mentions) {
        bool area = m.place.kind == geo::PlaceKind::Country || m.place.kind == geo::PlaceKind::Admin1 ||
                    m.place.kind == geo::PlaceKind::Admin2 ||
                    m.place.kind == geo::PlaceKind::Region || m.place.kind == geo::PlaceKind::Water;
        (area ? areas : points)++;
    }
    return std::to_string(points) + (points == 1 ? " place" : " places") + " as markers, " + std::to_string(areas) +
           (areas == 1 ? " area" : " areas") + " as outlines or shading";
}

}  // namespace

std::vector<EventDatasetRow> eventDatasetRows(const Session& s) {
    std::vector<EventDatasetRow> rows;
    for (const model::EventSourceRef& ref : s.workspace.events) {
        EventDatasetRow row;
        row.path = ref.path;
        row.id = scene::layerIdForEvents(ref.path);
        row.name = std::filesystem::path(ref.path).filename().string();
        for (const auto& t : s.events)
            if (t && t->path == ref.path) row.table = t;
        auto it = s.workspace.layers.find(row.id);
        row.style = it != s.workspace.layers.end() ? it->second : scene::defaultEventStyle();
        if (row.table) {
            const model::EventTable& t = *row.table;
            row.detail = grouped(t.size()) + (t.size() == 1 ? " event" : " events");
            if (auto [first, last] = t.extent(); last >= first)
                row.detail += ", " + model::Date::fromDays(first).iso() + " to " + model::Date::fromDays(last).iso();
            if (t.badRows)
                row.detail += "; " + grouped(t.badRows) + (t.badRows == 1 ? " row" : " rows") + " skipped, the first at " +
                              t.firstBadReason;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void setLayerStyle(Session& s, const std::string& id, const model::LayerStyle& style) {
    s.workspace.layers[id] = style;
    s.markDirty();
}

void drawLayersPanel(Viewer& v, const Rect& r) {
    if (!beginPanel("Layers", r)) {
        ImGui::End();
        return;
    }
    const scene::MapContent& content = *v.session.content;
    ImGui::Checkbox("Map labels", &v.layers.labels);
    // Mentions the geoparser was less sure of leave the map, its exports and export-data; decided
    // mentions have confidence 1 and always stay.
    float threshold = static_cast<float>(v.session.workspace.minConfidence);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::SliderFloat("Min. confidence", &threshold, 0, 1, "%.2f", ImGuiSliderFlags_AlwaysClamp)) {
        v.session.workspace.minConfidence = threshold;
        v.session.markDirty();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Hide mentions the geoparser is less sure of (saved with the workspace and its slides)");

    sectionHeader("Articles");
    if (content.documents.empty()) ImGui::TextDisabled(v.jobs.busy() ? "Loading..." : "None: File > Add article");
    for (size_t i = 0; i < content.documents.size(); ++i) {
        const model::Document& doc = *content.documents[i];
        std::string name = doc.meta.title ? *doc.meta.title : std::filesystem::path(doc.file).filename().string();
        layerRow(v, scene::layerIdForArticle(doc.file), name, precisionSummary(doc), scene::defaultArticleStyle(i),
                 RowKind::Article);
    }

    sectionHeader("Event datasets");
    const std::vector<EventDatasetRow> datasets = eventDatasetRows(v.session);
    if (datasets.empty()) ImGui::TextDisabled("None: view --events FILE");
    for (const EventDatasetRow& row : datasets) {
        ImGui::PushID(row.id.c_str());
        if (ImGui::SmallButton("x")) {
            v.removeEvents(row.path);
            ImGui::PopID();
            break;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this dataset");
        ImGui::SameLine();
        ImGui::PopID();
        if (row.table) {
            std::vector<scene::Color> shown;
            for (size_t c = 0; c < model::kEventCategoryCount; ++c)
                if (row.table->perCategory[c]) shown.push_back(scene::eventCategoryColor(static_cast<model::EventCategory>(c)));
            layerRow(v, row.id, row.name, row.detail, scene::defaultEventStyle(), RowKind::Events, shown);
        } else {
            // Still importing, or the import failed (its error is in the error panel): listed so
            // the user can see it and remove it.
            ImGui::TextDisabled(v.jobs.busy() ? "%s (importing...)" : "%s (not loaded)", row.name.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.path.c_str());
        }
    }

    sectionHeader("Event categories");
    const std::set<model::EventCategory> present = scene::eventCategories(content);
    if (present.empty()) ImGui::TextDisabled("No events yet");
    for (model::EventCategory c : present) {
        std::string name(model::categoryName(c));
        if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        layerRow(v, scene::layerIdForCategory(c), name, "", model::LayerStyle{}, RowKind::Toggle);
    }

    sectionHeader("Overlays");
    const std::vector<std::string>& refs = v.session.workspace.overlays;
    if (refs.empty()) ImGui::TextDisabled("File > Open layer, or drop a file");
    for (size_t i = 0; i < refs.size(); ++i) {
        const std::string key = refs[i];  // a copy: removing it below changes the list
        const auto loaded = std::find_if(v.session.overlays.begin(), v.session.overlays.end(),
                                         [&](const Overlay& o) { return o.path == key; });
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("x")) {
            v.removeLayer(key);
            ImGui::PopID();
            break;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this layer");
        ImGui::SameLine();
        const std::string name = std::filesystem::path(key).filename().string();
        // A file that could not be opened stays listed (greyed) so the user can see and remove it.
        if (loaded == v.session.overlays.end()) ImGui::TextDisabled("%s (not loaded)", name.c_str());
        else ImGui::TextUnformatted(name.c_str());
        if (ImGui::IsItemHovered()) {
            if (loaded == v.session.overlays.end()) ImGui::SetTooltip("%s", key.c_str());
            else ImGui::SetTooltip("%s\n%zu features", key.c_str(), loaded->features->featureCount());
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace cmap::ui
