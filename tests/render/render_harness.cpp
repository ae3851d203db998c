#include "render/render_harness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "core/error.h"
#include "core/model/json_reader.h"
#include "render/gl_context.h"

namespace cmap::test {
namespace fs = std::filesystem;

namespace {

bool updating() {
    const char* v = std::getenv("CMAP_UPDATE_BASELINES");
    return v && std::string(v) == "1";
}

void finish(geo::FeatureSetBuilder& fs, size_t features) {
    fs.featureBox.resize(features);
    for (size_t f = 0; f < features; ++f) {
        for (uint32_t p = fs.featureStart[f]; p < fs.featureStart[f + 1]; ++p)
            for (uint32_t r = fs.partStart[p]; r < fs.partStart[p + 1]; ++r)
                for (uint32_t v = fs.ringStart[r]; v < fs.ringStart[r + 1]; ++v) fs.featureBox[f].extend(fs.coords[v]);
        fs.box.extend(fs.featureBox[f]);
    }
}

std::map<std::string, std::function<render::Image()>>& driverRegistry() {
    static std::map<std::string, std::function<render::Image()>> drivers;
    return drivers;
}

}  // namespace

render::Renderer& renderer() {
    // Intentionally leaked: GL objects must not outlive the context at exit, and order of static
    // destruction would not guarantee that.
    static auto* context = new render::GlContext();
    static auto* r = new render::Renderer();
    (void)context;
    return *r;
}

size_t differingPixels(const render::Image& a, const render::Image& b, int channelTolerance, render::Image* diff) {
    if (a.width != b.width || a.height != b.height) return static_cast<size_t>(std::max(a.width * a.height, b.width * b.height));
    if (diff) *diff = render::Image(a.width, a.height);
    size_t count = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const uint8_t* p = a.pixel(x, y);
            const uint8_t* q = b.pixel(x, y);
            int worst = 0;
            for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int(p[c]) - int(q[c])));
            bool differs = worst > channelTolerance;
            count += differs;
            if (diff) {
                uint8_t* d = diff->pixel(x, y);
                uint8_t grey = static_cast<uint8_t>(200 + (p[0] + p[1] + p[2]) / 3 / 5);
                d[0] = differs ? 255 : grey;
                d[1] = differs ? 0 : grey;
                d[2] = differs ? 0 : grey;
                d[3] = 255;
            }
        }
    }
    return count;
}

Allowance oldGlobalAllowance(const render::Image& image) {
    return {static_cast<size_t>(0.01 * image.width * image.height), 16};
}

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(CMAP_CASES_DIR))
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

RenderCase loadCase(const std::string& name) {
    RenderCase c;
    c.name = name;
    c.dir = fs::path(CMAP_CASES_DIR) / name;
    const fs::path file = c.dir / "case.json";
    const model::JsonReader r{file.string()};
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot read it");
    c.data = nlohmann::json::parse(in, nullptr, false);
    if (c.data.is_discarded()) throw DataError(file.string(), "not JSON");
    if (!c.data.is_object()) r.fail("$", "expected an object");
    for (const auto& item : c.data.items())
        if (item.key() != "about" && item.key() != "scene" && item.key() != "driver" && item.key() != "expect" &&
            item.key() != "allowance")
            r.fail(item.key(), "not a case's key (about, scene, driver, expect, allowance)");
    r.str(r.field(c.data, "about", "$"), "about");
    if (c.data.contains("scene") == c.data.contains("driver")) r.fail("$", "expected either a scene or a driver");
    if (c.data.contains("driver")) r.str(c.data["driver"], "driver");
    const nlohmann::json& allowance = r.field(c.data, "allowance", "$");
    c.allowance.pixels = static_cast<size_t>(r.num(r.field(allowance, "pixels", "allowance"), "allowance.pixels", 0, 1e6));
    c.allowance.channel = static_cast<int>(r.num(r.field(allowance, "channel", "allowance"), "allowance.channel", 0, 255));
    r.str(r.field(allowance, "why", "allowance"), "allowance.why");
    if (c.data.contains("expect")) {
        const nlohmann::json& expect = c.data["expect"];
        c.labelsPlacedAtLeast =
            static_cast<int>(r.num(r.field(expect, "labelsPlacedAtLeast", "expect"), "expect.labelsPlacedAtLeast", 0, 1e6));
        if (expect.size() != 1) r.fail("expect", "only labelsPlacedAtLeast is known");
    }
    return c;
}

Verdict compareWithExpected(const std::string& name, const fs::path& dir, const render::Image& image,
                            Allowance allowance, const fs::path& outDir) {
    Verdict v;
    const fs::path expectedFile = dir / "expected.png";
    const fs::path candidate = outDir / (name + ".candidate.png");
    if (!fs::exists(expectedFile)) {
        fs::create_directories(outDir);
        image.savePng(candidate);
        v.message = "no " + expectedFile.string() + ": wrote the candidate to " + candidate.string() +
                    "; look at it, then copy it there and commit it";
        return v;
    }
    render::Image diff;
    v.differing = differingPixels(render::Image::loadPng(expectedFile), image, allowance.channel, &diff);
    v.pass = v.differing <= allowance.pixels;
    if (!v.pass) {
        fs::create_directories(outDir);
        image.savePng(candidate);
        const fs::path diffFile = outDir / (name + ".diff.png");
        if (diff.width > 0) diff.savePng(diffFile);
        v.message = "'" + name + "': " + std::to_string(v.differing) + " pixels differ by more than " +
                    std::to_string(allowance.channel) + "/255 (allowed " + std::to_string(allowance.pixels) +
                    "); candidate " + candidate.string() + (diff.width > 0 ? ", differences " + diffFile.string() : "");
    }
    return v;
}

void checkCase(const RenderCase& c, const render::Image& image) {
    if (updating()) {
        image.savePng(c.dir / "expected.png");
        MESSAGE("updated " << (c.dir / "expected.png").string());
        return;
    }
    const Verdict v = compareWithExpected(c.name, c.dir, image, c.allowance, CMAP_RENDER_FAILURES_DIR);
    if (!v.pass) FAIL_CHECK(v.message);
}

CaseDriver::CaseDriver(const char* name, std::function<render::Image()> draw) {
    driverRegistry().emplace(name, std::move(draw));
}

const std::map<std::string, std::function<render::Image()>>& caseDrivers() { return driverRegistry(); }

render::Image drawCase(const RenderCase& c) {
    if (!c.data.contains("scene")) {
        auto it = caseDrivers().find(c.name);
        if (it == caseDrivers().end())
            throw DataError((c.dir / "case.json").string(), "no C++ driver registered as '" + c.name + "'");
        return it->second();
    }
    const SceneSpec spec = sceneFromJson(c.data, (c.dir / "case.json").string());
    render::Renderer& r = renderer();
    render::Image image = r.renderToImage(spec.scene, spec.width, spec.height);
    if (c.labelsPlacedAtLeast) CHECK(static_cast<int>(r.stats().labelsPlaced) >= *c.labelsPlacedAtLeast);
    return image;
}

geo::FeatureSetPtr polygons(const std::vector<std::vector<Ring>>& features) {
    geo::FeatureSetBuilder fs;
    fs.path = "memory";
    fs.kind = geo::GeometryKind::Polygon;
    for (const auto& polygon : features) {
        for (const Ring& ring : polygon) {
            fs.coords.insert(fs.coords.end(), ring.begin(), ring.end());
            fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
        }
        fs.partStart.push_back(static_cast<uint32_t>(fs.ringStart.size() - 1));
        fs.featureStart.push_back(static_cast<uint32_t>(fs.partStart.size() - 1));
    }
    finish(fs, features.size());
    return std::move(fs).finish();
}

geo::FeatureSetPtr lines(const std::vector<Ring>& features) {
    geo::FeatureSetBuilder fs;
    fs.path = "memory";
    fs.kind = geo::GeometryKind::Line;
    for (const Ring& line : features) {
        fs.coords.insert(fs.coords.end(), line.begin(), line.end());
        fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
        fs.partStart.push_back(static_cast<uint32_t>(fs.ringStart.size() - 1));
        fs.featureStart.push_back(static_cast<uint32_t>(fs.partStart.size() - 1));
    }
    finish(fs, features.size());
    return std::move(fs).finish();
}

}  // namespace cmap::test
