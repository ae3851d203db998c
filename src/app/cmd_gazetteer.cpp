// `conflictmap gazetteer lookup NAME [--limit N] [--json]`: what the gazetteer knows of a name.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "app/commands.h"
#include "core/error.h"
#include "core/geo/gazetteer.h"

namespace cmap::app {
namespace {

nlohmann::json placeJson(const geo::Gazetteer& g, uint32_t id) {
    const geo::Place& p = g.place(id);
    nlohmann::json j;
    j["name"] = g.name(id);
    j["kind"] = geo::kindName(p.kind);
    j["country"] = p.country[0] ? nlohmann::json(p.countryCode()) : nlohmann::json(nullptr);
    j["lat"] = p.point.lat;
    j["lon"] = p.point.lon;
    // An estimate is no population GeoNames states: it is told apart.
    j["population"] = p.population > 0 && !p.populationEstimated ? nlohmann::json(p.population) : nlohmann::json(nullptr);
    j["population_estimate"] = p.populationEstimated ? nlohmann::json(p.population) : nlohmann::json(nullptr);
    j["geonameid"] = p.geonameid > 0 ? nlohmann::json(p.geonameid) : nlohmann::json(nullptr);
    j["source"] = geo::kLayerNames[static_cast<size_t>(p.layer)];
    return j;
}

}  // namespace

void registerGazetteerCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* gaz = app.add_subcommand("gazetteer", "Query the gazetteer built from the geodata folder");
    gaz->require_subcommand(1);
    auto* lookup = gaz->add_subcommand("lookup", "Ranked candidates for a place name, best first");
    struct Options {
        std::string name;
        int limit = 10;
        bool json = false;
    };
    auto opt = std::make_shared<Options>();
    lookup->add_option("NAME", opt->name, "Place name as written (any case, accents optional)")->required();
    lookup->add_option("--limit", opt->limit, "Most candidates to print")->check(CLI::Range(1, 100000));
    lookup->add_flag("--json", opt->json, "Print a JSON array instead of a table");
    lookup->callback([&global, &result, opt] {
        result.run = [&global, opt] {
            auto g = geo::Gazetteer::load(geodataDir(global));
            auto found = g->lookup(opt->name, static_cast<size_t>(opt->limit));
            if (opt->json) {
                nlohmann::json arr = nlohmann::json::array();
                for (const auto& c : found) arr.push_back(placeJson(*g, c.place));
                std::cout << arr.dump(2) << "\n";
            } else if (found.empty()) {
                std::printf("no place named '%s'\n", opt->name.c_str());
            } else {
                for (const auto& c : found) {
                    const geo::Place& p = g->place(c.place);
                    const std::string population = (p.populationEstimated ? "~" : "") + std::to_string(p.population);
                    std::printf("%-32s %-8s %-2s %9.4f %10.4f %12s  %s\n", std::string(g->name(c.place)).c_str(),
                                std::string(geo::kindName(p.kind)).c_str(), std::string(p.countryCode()).c_str(),
                                p.point.lat, p.point.lon, population.c_str(),
                                std::string(geo::kLayerNames[static_cast<size_t>(p.layer)]).c_str());
                }
            }
            return kOk;
        };
    });
}

}  // namespace cmap::app
