#pragma once
// The render-test harness (STYLE.md 8, 17): every baseline is a case folder,
// tests/render/cases/NAME/, holding case.json (what to draw, or which C++ driver draws it, and the
// case's allowance) and expected.png. A case fails when more pixels differ than its allowance; a
// failure, or a missing expected.png, writes the candidate (and a difference image) to
// render-failures/ in the build's tests folder, says where, and fails. CMAP_UPDATE_BASELINES=1
// rewrites expected.png of every case the run draws. tests/render/cases/README.md has the format.
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/feature_set.h"
#include "render/image.h"
#include "render/renderer.h"
#include "scene/scene.h"

namespace cmap::test {

/// One hidden GL context and renderer for the whole test process.
render::Renderer& renderer();

/// Pixels that differ beyond channelTolerance (of 255) in any channel; images of different sizes
/// differ wholly. diff, when given, becomes the differences in red over a faded copy of a.
size_t differingPixels(const render::Image& a, const render::Image& b, int channelTolerance,
                       render::Image* diff = nullptr);

/// How different a case's image may be from expected.png: at most `pixels` pixels may differ by
/// more than `channel`/255 in some channel.
struct Allowance {
    size_t pixels = 0;
    int channel = 0;
};

/// The allowance every baseline had before cases had their own: 1% of the pixels at 16/255. Kept
/// to show what it let through (a removed label, a moved line).
Allowance oldGlobalAllowance(const render::Image& image);

/// A case folder's case.json, read.
struct RenderCase {
    std::string name;
    std::filesystem::path dir;
    nlohmann::json data;  ///< case.json as written
    Allowance allowance;
    std::optional<int> labelsPlacedAtLeast;  ///< "expect": {"labelsPlacedAtLeast": N}
};

/// The case folders' names, sorted.
std::vector<std::string> caseNames();
/// Reads tests/render/cases/NAME/case.json. Throws DataError naming the file and the JSON path.
RenderCase loadCase(const std::string& name);

/// A data case's "scene" and "size" as a Scene and its size in logical pixels. Throws DataError
/// naming file and the JSON path of a wrong value (unknown keys included: a misspelt key would
/// otherwise test nothing).
struct SceneSpec {
    scene::Scene scene;
    int width = 0;
    int height = 0;
};
SceneSpec sceneFromJson(const nlohmann::json& caseJson, const std::string& file);

/// What comparing a candidate with a case's expected.png found.
struct Verdict {
    bool pass = false;
    size_t differing = 0;  ///< beyond the allowance's channel step
    std::string message;   ///< why it failed, naming the files written
};
/// Compares image with dir/expected.png under allowance. A missing expected.png or a mismatch
/// writes outDir/NAME.candidate.png (and NAME.diff.png for a mismatch) and fails; never throws
/// for a missing baseline.
Verdict compareWithExpected(const std::string& name, const std::filesystem::path& dir, const render::Image& image,
                            Allowance allowance, const std::filesystem::path& outDir);
/// The case's verdict as a doctest check (or, with CMAP_UPDATE_BASELINES=1, a new expected.png).
void checkCase(const RenderCase& c, const render::Image& image);

/// A case drawn by C++ (its inputs are not geometry: the briefing through the content loader,
/// furniture, annotations): a global of this type registers the driver under the case's folder
/// name, and the case runner calls it inside its test case (so CHECKs in it count).
struct CaseDriver {
    CaseDriver(const char* name, std::function<render::Image()> draw);
};
/// The registered drivers by case name.
const std::map<std::string, std::function<render::Image()>>& caseDrivers();

/// Draws a case: its scene (checking its "expect"), or its registered driver.
render::Image drawCase(const RenderCase& c);

using Ring = std::vector<geo::LonLat>;
/// A polygon FeatureSet: one feature per entry, each entry one polygon (exterior, then holes).
geo::FeatureSetPtr polygons(const std::vector<std::vector<Ring>>& features);
/// A line FeatureSet: one feature per line string.
geo::FeatureSetPtr lines(const std::vector<Ring>& features);

}  // namespace cmap::test
