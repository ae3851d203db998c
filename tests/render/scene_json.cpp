// A render case's "scene" (tests/render/cases/README.md) as a scene::Scene. Test code: the program
// has no scene files, its scenes come from content and a map state.
#include <initializer_list>
#include <map>

#include "core/model/json_reader.h"
#include "render/render_harness.h"
#include "scene/style.h"

namespace cmap::test {
namespace {

using nlohmann::json;
using scene::Color;

struct SceneReader {
    model::JsonReader r;
    std::map<std::string, geo::FeatureSetPtr, std::less<>> geometry;

    // Every key of obj is one of keys: a misspelt optional key would silently test the default.
    void only(const json& obj, std::initializer_list<const char*> keys, const std::string& where) const {
        if (!obj.is_object()) r.fail(where, "expected an object");
        for (const auto& item : obj.items()) {
            bool known = false;
            for (const char* k : keys) known = known || item.key() == k;
            if (!known) r.fail(where + "." + item.key(), "not a key here");
        }
    }
    float number(const json& obj, const char* key, const std::string& where, float fallback) const {
        if (!obj.contains(key)) return fallback;
        return static_cast<float>(r.num(obj[key], where + "." + key, -1e6, 1e6));
    }
    // "#rrggbb", or ["#rrggbb", alpha] as the code's rgb(0xrrggbb, alpha).
    Color color(const json& v, const std::string& where) const {
        float alpha = 1;
        const json* hex = &v;
        if (v.is_array()) {
            if (v.size() != 2) r.fail(where, "expected \"#rrggbb\" or [\"#rrggbb\", alpha]");
            hex = &v[0];
            alpha = static_cast<float>(r.num(v[1], where + "[1]", 0, 1));
        }
        const std::string s = r.str(*hex, where);
        const std::optional<uint32_t> rgb = scene::parseHexColor(s);
        if (!rgb) r.fail(where, "'" + s + "' is not #rrggbb");
        return scene::rgb(*rgb, alpha);
    }
    Color color(const json& obj, const char* key, const std::string& where, Color fallback) const {
        return obj.contains(key) ? color(obj[key], where + "." + key) : fallback;
    }
    geo::LonLat lonLat(const json& v, const std::string& where) const {
        if (!v.is_array() || v.size() != 2) r.fail(where, "expected [lon, lat]");
        return {r.num(v[0], where + "[0]", -360, 360), r.num(v[1], where + "[1]", -90, 90)};
    }
    Ring ring(const json& v, const std::string& where) const {
        Ring out;
        for (size_t i = 0; i < r.list(v, where).size(); ++i) out.push_back(lonLat(v[i], where + "[" + std::to_string(i) + "]"));
        if (out.size() < 2) r.fail(where, "expected at least two points");
        return out;
    }
    void readGeometry(const json& all) {
        if (!all.is_object()) r.fail("scene.geometry", "expected an object");
        for (const auto& item : all.items()) {
            const std::string where = "scene.geometry." + item.key();
            only(item.value(), {"polygons", "lines"}, where);
            if (item.value().size() != 1) r.fail(where, "expected one of polygons or lines");
            if (item.value().contains("polygons")) {
                std::vector<std::vector<Ring>> features;
                const json& list = r.list(item.value()["polygons"], where + ".polygons");
                for (size_t f = 0; f < list.size(); ++f) {
                    const std::string at = where + ".polygons[" + std::to_string(f) + "]";
                    std::vector<Ring> polygon;
                    for (size_t k = 0; k < r.list(list[f], at).size(); ++k)
                        polygon.push_back(ring(list[f][k], at + "[" + std::to_string(k) + "]"));
                    if (polygon.empty()) r.fail(at, "expected an exterior ring");
                    features.push_back(std::move(polygon));
                }
                geometry[item.key()] = polygons(features);
            } else {
                std::vector<Ring> features;
                const json& list = r.list(item.value()["lines"], where + ".lines");
                for (size_t f = 0; f < list.size(); ++f) features.push_back(ring(list[f], where + ".lines[" + std::to_string(f) + "]"));
                geometry[item.key()] = lines(features);
            }
        }
    }
    geo::FeatureSetPtr features(const json& layer, const std::string& where) const {
        const std::string name = r.str(r.field(layer, "geometry", where), where + ".geometry");
        auto it = geometry.find(name);
        if (it == geometry.end()) r.fail(where + ".geometry", "no geometry '" + name + "' in scene.geometry");
        return it->second;
    }
    scene::PointShape shape(const json& obj, const std::string& where) const {
        if (!obj.contains("shape")) return scene::PointShape::Circle;
        const std::string s = r.str(obj["shape"], where + ".shape");
        const char* names[] = {"circle", "square", "diamond", "triangle", "arrowhead"};
        for (int i = 0; i < 5; ++i)
            if (s == names[i]) return static_cast<scene::PointShape>(i);
        r.fail(where + ".shape", "'" + s + "' is not circle, square, diamond, triangle or arrowhead");
    }
    scene::Label label(const json& v, const std::string& where) const {
        only(v, {"text", "at", "priority", "size", "color", "placement", "markerSize"}, where);
        scene::Label l;
        l.text = r.str(r.field(v, "text", where), where + ".text");
        l.anchor = lonLat(r.field(v, "at", where), where + ".at");
        l.priority = number(v, "priority", where, l.priority);
        l.sizePx = number(v, "size", where, l.sizePx);
        l.color = color(v, "color", where, l.color);
        l.markerPx = number(v, "markerSize", where, l.markerPx);
        if (v.contains("placement")) {
            const std::string p = r.str(v["placement"], where + ".placement");
            if (p == "beside") l.placement = scene::LabelPlacement::BesidePoint;
            else if (p == "centred") l.placement = scene::LabelPlacement::Centred;
            else if (p == "fixed") l.placement = scene::LabelPlacement::Fixed;
            else r.fail(where + ".placement", "'" + p + "' is not beside, centred or fixed");
        }
        return l;
    }
    void layer(scene::Scene& s, const json& v, const std::string& where) const {
        const std::string type = r.str(r.field(v, "type", where), where + ".type");
        const std::string name = v.contains("name") ? r.str(v["name"], where + ".name") : type;
        if (type == "fill") {
            only(v, {"type", "name", "geometry", "color", "featureColors", "hatch"}, where);
            scene::FillLayer fill{features(v, where), color(r.field(v, "color", where), where + ".color"), {}, std::nullopt};
            if (v.contains("featureColors"))
                for (size_t i = 0; i < r.list(v["featureColors"], where + ".featureColors").size(); ++i)
                    fill.featureColors.push_back(color(v["featureColors"][i], where + ".featureColors[" + std::to_string(i) + "]"));
            if (v.contains("hatch")) {
                const json& h = v["hatch"];
                const std::string at = where + ".hatch";
                only(h, {"color", "spacing", "width", "angle"}, at);
                scene::Hatch hatch;
                hatch.color = color(h, "color", at, hatch.color);
                hatch.spacingPx = number(h, "spacing", at, hatch.spacingPx);
                hatch.widthPx = number(h, "width", at, hatch.widthPx);
                hatch.angleDeg = number(h, "angle", at, hatch.angleDeg);
                fill.hatch = hatch;
            }
            s.add(name, std::move(fill));
        } else if (type == "line") {
            only(v, {"type", "name", "geometry", "color", "width"}, where);
            s.add(name, scene::LineLayer{features(v, where), color(r.field(v, "color", where), where + ".color"),
                                         number(v, "width", where, 1)});
        } else if (type == "points") {
            only(v, {"type", "name", "shape", "outline", "outlineWidth", "points"}, where);
            scene::PointLayer points;
            points.shape = shape(v, where);
            points.outline = color(v, "outline", where, points.outline);
            points.outlineWidthPx = number(v, "outlineWidth", where, points.outlineWidthPx);
            const json& list = r.list(r.field(v, "points", where), where + ".points");
            for (size_t i = 0; i < list.size(); ++i) {
                const std::string at = where + ".points[" + std::to_string(i) + "]";
                only(list[i], {"at", "size", "color", "angle"}, at);
                scene::Point p;
                p.at = lonLat(r.field(list[i], "at", at), at + ".at");
                p.sizePx = number(list[i], "size", at, p.sizePx);
                p.color = color(r.field(list[i], "color", at), at + ".color");
                p.angleDeg = number(list[i], "angle", at, p.angleDeg);
                points.points.push_back(p);
            }
            s.add(name, std::move(points));
        } else if (type == "labels") {
            only(v, {"type", "name", "labels", "halo", "haloWidth"}, where);
            scene::LabelLayer labels;
            labels.halo = color(v, "halo", where, labels.halo);
            labels.haloPx = number(v, "haloWidth", where, labels.haloPx);
            const json& list = r.list(r.field(v, "labels", where), where + ".labels");
            for (size_t i = 0; i < list.size(); ++i) labels.labels.push_back(label(list[i], where + ".labels[" + std::to_string(i) + "]"));
            s.add(name, std::move(labels));
        } else if (type == "graticule") {
            only(v, {"type", "name", "step", "color", "width"}, where);
            scene::GraticuleLayer g;
            if (v.contains("step")) g.stepDeg = r.num(v["step"], where + ".step", 0.001, 180);
            g.color = color(v, "color", where, g.color);
            g.widthPx = number(v, "width", where, g.widthPx);
            s.add(name, g);
        } else {
            r.fail(where + ".type", "'" + type + "' is not fill, line, points, labels or graticule");
        }
    }
};

}  // namespace

SceneSpec sceneFromJson(const json& caseJson, const std::string& file) {
    SceneReader in{model::JsonReader{file}, {}};
    const json& v = in.r.field(caseJson, "scene", "$");
    in.only(v, {"size", "projection", "view", "background", "geometry", "layers"}, "scene");
    SceneSpec spec;
    const json& size = in.r.field(v, "size", "scene");
    if (!size.is_array() || size.size() != 2) in.r.fail("scene.size", "expected [width, height]");
    spec.width = static_cast<int>(in.r.num(size[0], "scene.size[0]", 1, 4096));
    spec.height = static_cast<int>(in.r.num(size[1], "scene.size[1]", 1, 4096));
    scene::Scene& s = spec.scene;
    s.projection = in.r.str(in.r.field(v, "projection", "scene"), "scene.projection");
    const json& view = in.r.field(v, "view", "scene");
    in.only(view, {"center", "unitsPerPixel"}, "scene.view");
    const json& center = in.r.field(view, "center", "scene.view");
    if (!center.is_array() || center.size() != 2) in.r.fail("scene.view.center", "expected [x, y] in projected units");
    s.view.center = {in.r.num(center[0], "scene.view.center[0]", -1e8, 1e8), in.r.num(center[1], "scene.view.center[1]", -1e8, 1e8)};
    s.view.unitsPerPixel = in.r.num(in.r.field(view, "unitsPerPixel", "scene.view"), "scene.view.unitsPerPixel", 1e-9, 1e9);
    s.background = in.color(v, "background", "scene", s.background);
    if (v.contains("geometry")) in.readGeometry(v["geometry"]);
    const json& layers = in.r.list(in.r.field(v, "layers", "scene"), "scene.layers");
    for (size_t i = 0; i < layers.size(); ++i) in.layer(s, layers[i], "scene.layers[" + std::to_string(i) + "]");
    return spec;
}

}  // namespace cmap::test
