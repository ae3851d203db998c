#include "ui/articles_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "ui/review.h"
#include "ui/session.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

namespace cmap::ui {
namespace {

float measureWithImGui(const char* begin, const char* end) { return ImGui::CalcTextSize(begin, end).x; }

void focusMention(Viewer& v, size_t article, size_t rawMention) { selectMention(v, {article, rawMention}, true); }

// What the analyst decided about raw mention m of article ai, and whether a rule did.
std::pair<model::Decision, bool> decisionOf(const Viewer& v, size_t ai, size_t m) {
    const auto& corrected = v.session.content->corrected;
    if (ai >= corrected.size() || m >= corrected[ai].decision.size()) return {model::Decision::None, false};
    return {corrected[ai].decision[m], corrected[ai].byRule[m] != 0};
}

void mentionTooltip(const Viewer& v, size_t ai, size_t m) {
    const ArticleSource& a = *v.session.articles[ai];
    const model::Mention& mention = a.raw.mentions[m];
    const auto [decision, byRule] = decisionOf(v, ai, m);
    const std::optional<size_t> shown = shownIndex(v, {ai, m});
    ImGui::BeginTooltip();
    if (decision != model::Decision::NotAPlace && mention.role == model::MentionRole::Dateline) {
        ImGui::TextUnformatted(model::describePlace(mention.place).c_str());
        ImGui::TextDisabled("dateline: where the report was filed; context, not on the map");
    } else if (decision == model::Decision::NotAPlace || !shown) {
        ImGui::TextUnformatted("Marked: not a place");
    } else {
        const model::Mention& now = v.session.content->documents[ai]->mentions[*shown];
        ImGui::TextUnformatted(model::describePlace(now.place).c_str());
        if (now.date) ImGui::TextDisabled("%s", now.date->label().c_str());
        if (decision == model::Decision::Place) ImGui::TextDisabled(byRule ? "placed by an 'always' rule" : "placed by hand");
        else if (decision == model::Decision::Accept) ImGui::TextDisabled(byRule ? "accepted by an 'always' rule" : "accepted");
        else ImGui::TextDisabled("confidence %.2f", mention.confidence);
    }
    ImGui::TextDisabled("Click: show on the map.  Right-click: correct.");
    ImGui::EndTooltip();
}

void drawFacts(Viewer& v, size_t ai) {
    // A briefing source without its article: the facts it reports, in our own words.
    const ArticleSource& a = *v.session.articles[ai];
    ImGui::TextDisabled("The article is not on disk; these are the briefing's facts from it.");
    for (size_t e = 0; e < a.raw.events.size(); ++e) {
        const model::Event& ev = a.raw.events[e];
        ImGui::PushID(static_cast<int>(e));
        ImGui::Spacing();
        for (uint32_t m : ev.mentions) {
            bool focused = v.articles.focus && v.articles.focus->document == ai && v.articles.focus->mention == m;
            if (focused) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.72f, 0.9f, 1));
            if (ImGui::SmallButton(a.raw.mentions[m].place.name.c_str())) focusMention(v, ai, m);
            if (focused) {
                ImGui::PopStyleColor();
                if (v.articles.scrollToFocus) {
                    ImGui::SetScrollHereY(0.3f);
                    v.articles.scrollToFocus = false;
                }
            }
            if (ImGui::IsItemHovered()) mentionTooltip(v, ai, m);
            if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) openCorrection(v, ai, m);
            ImGui::SameLine();
        }
        ImGui::TextDisabled("%s · %s", ev.date ? ev.date->label().c_str() : "undated",
                            std::string(model::categoryName(ev.category)).c_str());
        if (e < a.summaries.size()) ImGui::TextWrapped("%s", a.summaries[e].c_str());
        ImGui::PopID();
    }
}

void drawText(Viewer& v, size_t ai) {
    ArticlesPanel& p = v.articles;
    const ArticleSource& a = *v.session.articles[ai];
    float width = ImGui::GetContentRegionAvail().x;
    if (p.layout.source != &a || p.layout.width != width)
        p.layout = layoutText(a, width, ImGui::GetTextLineHeightWithSpacing(), measureWithImGui);
    const TextLayout& L = p.layout;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, L.height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string& text = a.decoded.text;

    // The sentence of the focused mention gets a soft background; the mention a strong one.
    std::pair<uint32_t, uint32_t> sentence{1, 0};
    if (p.focus && p.focus->document == ai && p.focus->mention < a.raw.mentions.size()) {
        const auto& m = a.raw.mentions[p.focus->mention];
        sentence = {textOffsetOf(a.decoded, m.sentence.start), textOffsetOf(a.decoded, m.sentence.end)};
    }
    float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
    float originY = origin.y - ImGui::GetWindowPos().y + top;  // content y of the text's first line
    ImGuiIO& io = ImGui::GetIO();
    bool windowHovered = ImGui::IsWindowHovered();
    for (const TextRun& run : L.runs) {
        float y = originY + run.y;
        bool visible = y + L.lineHeight >= top && y <= bottom;
        bool focused = run.mention >= 0 && p.focus && p.focus->document == ai && p.focus->mention == static_cast<size_t>(run.mention);
        if (focused && p.scrollToFocus) {
            ImGui::SetScrollY(std::max(0.f, y - ImGui::GetWindowHeight() * 0.3f));
            p.scrollToFocus = false;
        }
        if (!visible) continue;
        ImVec2 a0(origin.x + run.x, origin.y + run.y), a1(a0.x + run.w, a0.y + L.lineHeight);
        if (run.start >= sentence.first && run.end <= sentence.second)
            dl->AddRectFilled(a0, a1, IM_COL32(255, 244, 196, 255));
        ImU32 ink = IM_COL32(40, 40, 40, 255);
        if (run.mention >= 0) {
            size_t m = static_cast<size_t>(run.mention);
            const model::Decision decision = decisionOf(v, ai, m).first;
            bool notPlace = decision == model::Decision::NotAPlace;
            ImU32 bg = focused ? IM_COL32(120, 170, 225, 255)
                     : notPlace ? IM_COL32(225, 225, 225, 255)
                     : decision != model::Decision::None ? IM_COL32(196, 232, 196, 255) : IM_COL32(250, 214, 196, 255);
            dl->AddRectFilled(a0, ImVec2(a1.x - ImGui::CalcTextSize(" ").x * (text[run.end - 1] == ' ' ? 1.f : 0.f), a1.y), bg, 3);
            if (notPlace) {
                ink = IM_COL32(130, 130, 130, 255);
                dl->AddLine(ImVec2(a0.x, (a0.y + a1.y) / 2), ImVec2(a1.x, (a0.y + a1.y) / 2), ink);
            }
            if (windowHovered && ImGui::IsMouseHoveringRect(a0, a1)) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                mentionTooltip(v, ai, m);
                if (io.MouseClicked[0] && !notPlace) focusMention(v, ai, m);
                if (io.MouseClicked[1]) openCorrection(v, ai, m);
            }
        }
        dl->AddText(a0, ink, text.data() + run.start, text.data() + run.end);
    }
}

void drawDateEditor(Viewer& v, size_t ai) {
    ArticlesPanel& p = v.articles;
    const ArticleSource& a = *v.session.articles[ai];
    const model::ArticleRef* ref = nullptr;
    for (const auto& r : v.session.workspace.articles)
        if (r.path == a.key) ref = &r;
    if (p.dateEditFor != ai) {
        p.dateEditFor = ai;
        p.dateError.clear();
        auto d = ref && ref->published ? ref->published : a.raw.meta.published;
        p.dateEdit = d ? d->iso() : "";
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Published");
    ImGui::SameLine();
    if (!ref || a.file.empty()) {
        // Briefing sources: their dates are the briefing's facts, not a file to re-read.
        ImGui::TextDisabled("%s", a.raw.meta.published ? a.raw.meta.published->iso().c_str() : "unknown");
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    bool enter = inputTextWithHint("##date", "YYYY-MM-DD", &p.dateEdit, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Set date") || enter) {
        std::optional<model::Date> d;
        if (!p.dateEdit.empty()) d = model::Date::parse(p.dateEdit);
        if (!p.dateEdit.empty() && !d) {
            p.dateError = "'" + p.dateEdit + "' is not a date: YYYY, YYYY-MM or YYYY-MM-DD";
        } else {
            p.dateError.clear();
            model::setArticleDate(v.session.workspace, a.key, d);
            v.session.markDirty();
            v.reloadArticle(ai);  // mention dates follow the article's date
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Correct the article's date (empty: the file's own)");
    if (ref->published) {
        ImGui::SameLine();
        ImGui::TextDisabled("(corrected)");
    }
    if (!p.dateError.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", p.dateError.c_str());
}

}  // namespace

TextLayout layoutText(const ArticleSource& source, float width, float lineHeight,
                      float (*measure)(const char* begin, const char* end)) {
    TextLayout L;
    L.source = &source;
    L.width = width;
    L.lineHeight = lineHeight;
    const std::string& text = source.decoded.text;
    for (const auto& m : source.raw.mentions)
        L.mentionText.emplace_back(textOffsetOf(source.decoded, m.range.start), textOffsetOf(source.decoded, m.range.end));
    float x = 0, y = 0;
    auto place = [&](uint32_t s, uint32_t e, int mention) {
        float w = measure(text.data() + s, text.data() + e);
        if (x > 0 && x + w > width) {
            x = 0;
            y += lineHeight;
        }
        L.runs.push_back({x, y, w, s, e, mention});
        x += w;
    };
    size_t next = 0;  // next mention in text order
    uint32_t i = 0, n = static_cast<uint32_t>(text.size());
    while (i < n) {
        while (next < L.mentionText.size() && L.mentionText[next].first < i) ++next;  // overlapping: skip
        if (next < L.mentionText.size() && L.mentionText[next].first == i && L.mentionText[next].second > i) {
            uint32_t e = L.mentionText[next].second;
            while (e < n && text[e] == ' ') ++e;  // the space after it travels with it
            place(i, e, static_cast<int>(next));
            i = e;
            ++next;
            continue;
        }
        if (text[i] == '\n') {
            // A line break ends the line; a blank line leaves half a line of air.
            x = 0;
            y += lineHeight;
            uint32_t j = i + 1;
            while (j < n && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ')) {
                if (text[j] == '\n') y += lineHeight * 0.5f;
                ++j;
            }
            i = j;
            continue;
        }
        uint32_t limit = next < L.mentionText.size() ? L.mentionText[next].first : n;
        uint32_t e = i;
        while (e < limit && text[e] != ' ' && text[e] != '\n') ++e;
        while (e < limit && text[e] == ' ') ++e;
        if (e == i) e = i + 1;
        place(i, e, -1);
        i = e;
    }
    L.height = y + lineHeight;
    return L;
}

void drawArticlesPanel(Viewer& v, const Rect& r) {
    if (!beginPanel("Articles", r, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    ArticlesPanel& p = v.articles;
    auto& arts = v.session.articles;
    if (arts.empty()) {
        ImGui::TextDisabled(v.jobs.busy() ? "Loading..." : "No articles: File > Add article, or drop one here");
        ImGui::End();
        return;
    }
    if (p.focus && p.focus->document != p.selected && p.focus->document < arts.size()) p.selected = p.focus->document;
    p.selected = std::min(p.selected, arts.size() - 1);
    auto titleOf = [&](size_t i) {
        const auto& d = arts[i]->raw;
        return d.meta.title ? *d.meta.title : std::filesystem::path(d.file).filename().string();
    };
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##article", titleOf(p.selected).c_str())) {
        for (size_t i = 0; i < arts.size(); ++i)
            if (ImGui::Selectable(titleOf(i).c_str(), i == p.selected)) {
                p.selected = i;
                p.focus.reset();
            }
        ImGui::EndCombo();
    }
    const ArticleSource& a = *arts[p.selected];
    const auto& meta = a.raw.meta;
    std::string byline;
    if (meta.author) byline += *meta.author;
    if (meta.source) byline += (byline.empty() ? "" : " · ") + *meta.source;
    if (!byline.empty()) ImGui::TextDisabled("%s", byline.c_str());
    drawDateEditor(v, p.selected);
    ImGui::TextDisabled("%zu mentions, %zu events", a.raw.mentions.size(), a.raw.events.size());
    ImGui::Separator();
    ImGui::BeginChild("##text", ImVec2(0, 0), false);
    if (a.decoded.text.empty()) drawFacts(v, p.selected);
    else drawText(v, p.selected);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace cmap::ui
