// `conflictmap geoparse [--json | --geojson] [--published DATE] FILE...`
#include <cstdio>

#include "app/commands.h"
#include "core/error.h"
#include "core/io/document_json.h"
#include "core/text/geoparse.h"

namespace cmap::app {
namespace {

struct Options {
    std::vector<std::string> files;
    bool json = false, geojson = false;
    std::string published;
};

void printText(const model::Document& doc) {
    std::printf("%s: %zu mentions, %zu events\n", doc.file.c_str(), doc.mentions.size(), doc.events.size());
    for (const auto& m : doc.mentions) {
        std::printf("  %6u  %-28s -> %s (%s, %s) %.4f,%.4f  %s  %.2f\n", m.range.start, m.text.c_str(),
                    m.place.name.c_str(), std::string(geo::kindName(m.place.kind)).c_str(),
                    m.place.country.empty() ? "-" : m.place.country.c_str(), m.place.point.lat, m.place.point.lon,
                    m.date ? m.date->iso().c_str() : "undated", m.confidence);
    }
}

int run(const GlobalOptions& global, const Options& opt) {
    std::optional<model::Date> published;
    if (!opt.published.empty()) {
        published = model::Date::parse(opt.published);
        if (!published)
            throw InputError("--published: '" + opt.published + "' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    auto gaz = geo::Gazetteer::load(geodataDir(global));
    // Each article is written as soon as it is parsed: memory stays that of one article, and a
    // consumer sees results while a long run goes on.
    std::string buf;
    auto writeOut = [](std::string& b) {
        std::fwrite(b.data(), 1, b.size(), stdout);
        b.clear();
    };
    bool first = true;
    if (opt.json) buf = "{\"articles\":[";
    if (opt.geojson) buf = "{\"type\":\"FeatureCollection\",\"features\":[";
    int failed = 0;
    for (const auto& f : opt.files) {
        model::Document doc;
        try {
            text::Article a = text::loadArticle(f, published);
            for (const auto& w : a.warnings) std::fprintf(stderr, "conflictmap: warning: %s\n", w.c_str());
            doc = text::geoparse(a, *gaz);
        } catch (const DataError& e) {
            // One bad file is reported and skipped; the others still come out.
            std::fprintf(stderr, "conflictmap: %s\n", e.what());
            ++failed;
            continue;
        }
        if (opt.geojson) {
            first = !io::appendMentionFeatures(doc, buf, first) && first;
        } else if (opt.json) {
            if (!first) buf.push_back(',');
            first = false;
            io::appendDocumentJson(doc, buf, writeOut);
        } else {
            printText(doc);
        }
        writeOut(buf);
    }
    if (opt.json || opt.geojson) std::fputs("]}\n", stdout);
    return failed ? kBadInput : kOk;
}

}  // namespace

void registerGeoparseCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand("geoparse", "Find, resolve and date the places that articles mention");
    auto opt = std::make_shared<Options>();
    cmd->add_option("FILE", opt->files, "Articles (.txt, .md, .html), each with an optional NAME.meta.json")->required();
    auto* json = cmd->add_flag("--json", opt->json, "Print the documents as JSON");
    cmd->add_flag("--geojson", opt->geojson, "Print the mentions as a GeoJSON FeatureCollection")->excludes(json);
    cmd->add_option("--published", opt->published, "Publication date YYYY[-MM[-DD]]; overrides the sidecar");
    cmd->callback([&global, &result, opt] { result.run = [&global, opt] { return run(global, *opt); }; });
}

}  // namespace cmap::app
