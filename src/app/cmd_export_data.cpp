// `conflictmap export-data --out FILE.geojson|.kml|.gpkg [--workspace FILE] [ARTICLE...]`: the
// events and mentions (and where each came from) and the workspace's annotations as a GIS file
// for QGIS or Google Earth, the format named by the extension. Without a workspace and articles:
// the built-in briefing. Needs no display: it runs in a build without the viewer too.
#include <unistd.h>

#include <cstdio>

#include "app/article_inputs.h"
#include "app/cli_common.h"
#include "app/commands.h"
#include "core/error.h"
#include "core/io/data_export.h"

namespace cmap::app {
namespace {

struct Options {
    std::string out;
    std::string minConfidence;
    ArticleInputs in;
};

int run(const GlobalOptions& global, const Options& opt) {
    if (!io::dataFormatFor(opt.out))
        throw InputError("--out: '" + opt.out + "' must end in .geojson, .kml or .gpkg");
    const std::optional<double> minConfidence = parseMinConfidence(opt.minConfidence);
    checkWritable(opt.out);
    model::Workspace ws;
    if (!opt.in.workspace.empty()) ws = model::loadWorkspace(opt.in.workspace);
    refuseOverwritingInput(opt.out, opt.in, ws);
    const double threshold = minConfidence.value_or(ws.minConfidence);

    // The articles' mentions and events are written, not the layers or event datasets: none is
    // loaded, and no map is drawn (no basemap; the built-in briefing needs no geodata at all).
    scene::ContentRequest request = contentRequest(opt.in, ws, geodataDir(global));
    request.workspace.overlays.clear();
    request.workspace.events.clear();
    request.draws = false;
    const scene::Content content = scene::loadContent(request);
    // The documents as the map would show them: below the threshold a mention is left out.
    std::vector<model::Document> kept;
    kept.reserve(content.articles.size());
    std::vector<io::ExportedDocument> exported;
    for (size_t i = 0; i < content.articles.size(); ++i) {
        kept.push_back(*content.map->documents[i]);
        model::dropMentionsBelow(kept.back(), threshold);
        const std::vector<std::string>& summaries = content.articles[i]->summaries;
        exported.push_back({&kept.back(), summaries.empty() ? nullptr : &summaries});
    }
    io::DataExportCounts n = io::exportData(exported, ws.annotations, opt.out);
    if (global.verbose || ::isatty(STDERR_FILENO))
        std::fprintf(stderr, "conflictmap: export-data: wrote %zu events, %zu mentions and %zu annotations to %s\n",
                     n.events, n.mentions, n.annotations, opt.out.c_str());
    return kOk;
}

}  // namespace

void registerExportDataCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand(
        "export-data", "Write the events and mentions with their sources as GeoJSON, KML or GeoPackage (for QGIS, Google Earth)");
    auto opt = std::make_shared<Options>();
    cmd->add_option("ARTICLE", opt->in.articles, "Articles (.txt, .md, .html), each with an optional NAME.meta.json");
    cmd->add_option("--out", opt->out, "The file to write: .geojson, .kml or .gpkg")->required();
    cmd->add_option("--workspace", opt->in.workspace, "Workspace JSON: its articles, corrections and annotations");
    cmd->add_option("--min-confidence", opt->minConfidence, kMinConfidenceHelp);
    cmd->add_option("--corpus", opt->in.corpus,
                    "Where the built-in briefing finds its articles (default: $CONFLICTMAP_CORPUS, then the source tree's ../shared/corpus for a build)");
    cmd->callback([&global, &result, opt] { result.run = [&global, opt] { return run(global, *opt); }; });
}

}  // namespace cmap::app
