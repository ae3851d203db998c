#include "core/model/workspace.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"
#include "core/io/file_checks.h"
#include "core/io/partial_file.h"
#include "core/model/json_reader.h"

namespace cmap::model {
namespace {

using nlohmann::json;

json placeJson(const ResolvedPlace& p) {
    return {{"name", p.name},        {"kind", geo::kindName(p.kind)}, {"country", p.country},
            {"lon", p.point.lon},    {"lat", p.point.lat},            {"geonameid", p.geonameid},
            {"layer", static_cast<int>(p.layer)}, {"feature", p.feature}};
}

// Reading: the shared accessors, and a place as corrections store it.
struct Reader : JsonReader {
    ResolvedPlace place(const json& v, const std::string& w) const {
        ResolvedPlace p;
        p.name = str(field(v, "name", w), w + ".name");
        auto k = geo::parseKind(str(field(v, "kind", w), w + ".kind"));
        if (!k) fail(w + ".kind", "unknown kind");
        p.kind = *k;
        p.country = str(field(v, "country", w), w + ".country");
        p.point.lon = num(field(v, "lon", w), w + ".lon", -180, 180);
        p.point.lat = num(field(v, "lat", w), w + ".lat", -90, 90);
        p.box.extend(p.point);
        if (v.contains("geonameid")) p.geonameid = static_cast<int64_t>(num(v["geonameid"], w + ".geonameid", 0, 1e12));
        if (v.contains("layer")) p.layer = static_cast<geo::Layer>(static_cast<int>(num(v["layer"], w + ".layer", 0, 4)));
        if (v.contains("feature")) p.feature = static_cast<uint32_t>(num(v["feature"], w + ".feature", 0, 4e9));
        // An entry number belongs to the gazetteer of one run, not to the file: none is claimed.
        p.gazetteerId = ~0u;
        return p;
    }

    // What a per-mention decision and a rule share: the action, its place, words and date.
    Correction correction(const json& c, const std::string& w) const {
        if (!c.is_object()) fail(w, "expected an object");
        Correction corr;
        std::string action = str(field(c, "action", w), w + ".action");
        if (action == "not_a_place") corr.action = Correction::Action::NotAPlace;
        else if (action == "accept") corr.action = Correction::Action::Accept;
        else if (action == "place") corr.place = place(field(c, "place", w), w + ".place");
        else fail(w + ".action", "'" + action + "' is not 'place', 'not_a_place' or 'accept'");
        if (c.contains("text")) corr.text = str(c["text"], w + ".text");
        if (c.contains("date")) corr.date = dateRange(c["date"], w + ".date");
        return corr;
    }
};

json correctionJson(const Correction& c) {
    static constexpr const char* kActions[] = {"not_a_place", "place", "accept"};
    json j = {{"action", kActions[static_cast<int>(c.action)]}};
    if (c.place) j["place"] = placeJson(*c.place);
    if (!c.text.empty()) j["text"] = c.text;
    if (c.date) j["date"] = dateRangeJson(*c.date);
    return j;
}

}  // namespace

bool setArticleDate(Workspace& ws, std::string_view path, std::optional<Date> date) {
    for (auto& a : ws.articles) {
        if (a.path == path) {
            a.published = date;
            return true;
        }
    }
    return false;
}

void saveWorkspace(const Workspace& ws, const std::filesystem::path& path) {
    json j;
    j["version"] = Workspace::kVersion;
    j["title"] = ws.title;
    j["articles"] = json::array();
    for (const auto& a : ws.articles)
        j["articles"].push_back({{"path", a.path}, {"published", a.published ? json(a.published->iso()) : json(nullptr)}});
    j["corrections"] = json::array();
    for (const auto& c : ws.corrections) {
        json cj = correctionJson(c);
        cj["file"] = c.file;
        cj["start"] = c.range.start;
        cj["end"] = c.range.end;
        j["corrections"].push_back(std::move(cj));
    }
    j["always"] = json::array();
    for (const auto& c : ws.always) j["always"].push_back(correctionJson(c));
    j["min_confidence"] = ws.minConfidence;
    j["overlays"] = ws.overlays;
    j["events"] = json::array();
    for (const auto& e : ws.events) j["events"].push_back({{"path", e.path}, {"date_field", e.dateField}});
    j["layers"] = json::object();
    for (const auto& [id, s] : ws.layers)
        j["layers"][id] = {{"visible", s.visible}, {"rgba", s.rgba}, {"size", s.size}, {"opacity", s.opacity}, {"labels", s.labels},
                           {"by_category", s.byCategory}};
    j["view"] = viewStateToJson(ws.view);
    j["timeline"] = timelineStateToJson(ws.timeline);
    j["slides"] = json::array();
    for (const Slide& slide : ws.slides) j["slides"].push_back(slideToJson(slide));
    j["annotations"] = json::array();
    for (const Annotation& a : ws.annotations) j["annotations"].push_back(annotationToJson(a));
    j["furniture"] = furnitureToJson(ws.furniture);

    // A path that is not UTF-8 (a file name in another encoding) cannot be JSON: replaced
    // (U+FFFD) rather than failing the save, which would lose the rest.
    const std::string text = j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DataError(path.string(), "is a folder, not a workspace file");
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder, ec))
        throw DataError(path.string(), "cannot write: folder " + folder.string() + " does not exist");
    // What the loader would refuse is not written: the next open would fail (a slider set past
    // its range by typing, a view zoomed beyond the loader's limits). The same rules, one place.
    try {
        (void)parseWorkspace(text, path.string());
    } catch (const DataError& e) {
        throw DataError(path.string(), "not saved: " + e.problem() + " (the file would not open again)");
    }
    try {
        io::writeFileAtomically(path, text);
    } catch (const DataError& e) {
        throw DataError(path.string(), e.problem() + "; the previous file is unchanged");
    }
}

Workspace loadWorkspace(const std::filesystem::path& path) {
    const std::string file = path.string();
    io::requireExists(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DataError(file, "is a folder, not a workspace");
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    if (!in && !in.eof()) throw DataError(file, "cannot be read");
    return parseWorkspace(buf.str(), file);
}

Workspace parseWorkspace(const std::string& text, const std::string& file) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) throw DataError(file, "not valid JSON");
    Reader r{{file}};
    Workspace ws;
    int version = static_cast<int>(r.num(r.field(j, "version", "workspace"), "version", 1, 1e6));
    if (version > Workspace::kVersion)
        throw DataError(file, "version " + std::to_string(version) + " is newer than this conflictmap reads (" +
                                  std::to_string(Workspace::kVersion) + ")");
    if (j.contains("title")) ws.title = r.str(j["title"], "title");
    if (j.contains("articles")) {
        const json& articles = r.list(j["articles"], "articles");
        for (size_t i = 0; i < articles.size(); ++i) {
            const json& a = articles[i];
            std::string w = "articles[" + std::to_string(i) + "]";
            ArticleRef ref;
            ref.path = r.str(r.field(a, "path", w), w + ".path");
            if (a.contains("published")) ref.published = r.date(a["published"], w + ".published");
            ws.articles.push_back(std::move(ref));
        }
    }
    if (j.contains("corrections")) {
        const json& corrections = r.list(j["corrections"], "corrections");
        for (size_t i = 0; i < corrections.size(); ++i) {
            const json& c = corrections[i];
            std::string w = "corrections[" + std::to_string(i) + "]";
            Correction corr = r.correction(c, w);
            corr.file = r.str(r.field(c, "file", w), w + ".file");
            corr.range.start = static_cast<uint32_t>(r.num(r.field(c, "start", w), w + ".start", 0, 4e9));
            corr.range.end = static_cast<uint32_t>(r.num(r.field(c, "end", w), w + ".end", corr.range.start, 4e9));
            ws.corrections.push_back(std::move(corr));
        }
    }
    if (j.contains("always")) {
        const json& always = r.list(j["always"], "always");
        for (size_t i = 0; i < always.size(); ++i) {
            std::string w = "always[" + std::to_string(i) + "]";
            Correction rule = r.correction(always[i], w);
            if (rule.text.empty()) r.fail(w + ".text", "missing: a rule applies to the mentions spelled so");
            ws.always.push_back(std::move(rule));
        }
    }
    if (j.contains("min_confidence")) ws.minConfidence = r.num(j["min_confidence"], "min_confidence", 0, 1);
    if (j.contains("overlays")) {
        const json& overlays = r.list(j["overlays"], "overlays");
        for (size_t i = 0; i < overlays.size(); ++i)
            ws.overlays.push_back(r.str(overlays[i], "overlays[" + std::to_string(i) + "]"));
    }
    if (j.contains("events")) {
        const json& events = r.list(j["events"], "events");
        for (size_t i = 0; i < events.size(); ++i) {
            const json& e = events[i];
            std::string w = "events[" + std::to_string(i) + "]";
            EventSourceRef ref;
            ref.path = r.str(r.field(e, "path", w), w + ".path");
            if (e.contains("date_field")) ref.dateField = r.str(e["date_field"], w + ".date_field");
            ws.events.push_back(std::move(ref));
        }
    }
    if (j.contains("layers")) {
        if (!j["layers"].is_object()) r.fail("layers", "expected an object");
        for (const auto& [id, s] : j["layers"].items()) {
            std::string w = "layers." + id;
            if (!s.is_object()) r.fail(w, "expected an object");
            LayerStyle st;
            if (s.contains("visible")) st.visible = r.boolean(s["visible"], w + ".visible");
            if (s.contains("rgba")) st.rgba = static_cast<uint32_t>(r.num(s["rgba"], w + ".rgba", 0, 4294967295.0));
            if (s.contains("size")) st.size = static_cast<float>(r.num(s["size"], w + ".size", 0.01, 100));
            if (s.contains("opacity")) st.opacity = static_cast<float>(r.num(s["opacity"], w + ".opacity", 0, 1));
            if (s.contains("labels")) st.labels = r.boolean(s["labels"], w + ".labels");
            if (s.contains("by_category")) st.byCategory = r.boolean(s["by_category"], w + ".by_category");
            ws.layers[id] = st;
        }
    }
    if (j.contains("view")) ws.view = readViewState(j["view"], r, "view");
    if (j.contains("timeline")) ws.timeline = readTimelineState(j["timeline"], r, "timeline");
    // Optional: workspaces written before annotations or slides existed load unchanged.
    if (j.contains("slides")) ws.slides = readSlides(j["slides"], r);
    if (j.contains("annotations")) ws.annotations = readAnnotations(j["annotations"], r);
    if (j.contains("furniture")) ws.furniture = furnitureFromJson(j["furniture"], r);
    return ws;
}

}  // namespace cmap::model
