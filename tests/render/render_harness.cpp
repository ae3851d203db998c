#include "render/render_harness.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "render/gl_context.h"

namespace cmap::test {
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
                // Differences in red over a faded copy of the expected image.
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

void checkBaseline(const std::string& name, const render::Image& image, Tolerance tolerance) {
    std::filesystem::path baseline = std::filesystem::path(CMAP_BASELINE_DIR) / (name + ".png");
    if (updating()) {
        image.savePng(baseline);
        MESSAGE("updated baseline " << baseline.string());
        return;
    }
    if (!std::filesystem::exists(baseline)) {
        image.savePng(baseline);
        FAIL_CHECK("no baseline for '" << name << "': wrote the candidate to " << baseline.string()
                                       << "; look at it, then commit it");
        return;
    }
    render::Image expected = render::Image::loadPng(baseline);
    render::Image diff;
    size_t differing = differingPixels(expected, image, tolerance.channelTolerance, &diff);
    auto allowed = static_cast<size_t>(tolerance.maxFraction * image.width * image.height);
    if (differing > allowed) {
        std::filesystem::path out = std::filesystem::current_path() / "render-failures";
        std::filesystem::create_directories(out);
        image.savePng(out / (name + ".actual.png"));
        if (diff.width > 0) diff.savePng(out / (name + ".diff.png"));
        FAIL_CHECK("'" << name << "': " << differing << " pixels differ by more than " << tolerance.channelTolerance
                       << "/255 (allowed " << allowed << "); see " << out.string());
    }
}

geo::FeatureSetPtr polygons(std::initializer_list<std::vector<Ring>> features) {
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

geo::FeatureSetPtr lines(std::initializer_list<Ring> features) {
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
