// `conflictmap geoparse [--json | --geojson | --jsonl] [--published DATE] [--jobs N] [--progress]
// FILE|DIR...`. Articles are parsed on all cores against one shared, immutable gazetteer; output
// keeps the input order, so a parallel run prints exactly what a sequential one prints.
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "app/ordered_jobs.h"
#include "core/error.h"
#include "core/io/document_json.h"
#include "core/text/geoparse.h"

namespace cmap::app {
namespace {

namespace fs = std::filesystem;

struct Options {
    std::vector<std::string> files;
    bool json = false, geojson = false, jsonl = false, progress = false;
    std::string published;
    unsigned jobs = 0;
};

std::string textLines(const model::Document& doc) {
    std::string s;
    char line[512];
    std::snprintf(line, sizeof line, "%s: %zu mentions, %zu events\n", doc.file.c_str(), doc.mentions.size(), doc.events.size());
    s += line;
    for (const auto& m : doc.mentions) {
        std::snprintf(line, sizeof line, "  %6u  %-28s -> %s (%s, %s) %.4f,%.4f  %s  %.2f\n", m.range.start, m.text.c_str(),
                      m.place.name.c_str(), std::string(geo::kindName(m.place.kind)).c_str(),
                      m.place.country.empty() ? "-" : m.place.country.c_str(), m.place.point.lat, m.place.point.lon,
                      m.date ? m.date->iso().c_str() : "undated", m.confidence);
        s += line;
    }
    return s;
}

bool isArticleFile(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
}

// A folder stands for the articles under it, in path order (sidecars come along with theirs).
std::vector<std::string> expandInputs(const std::vector<std::string>& given) {
    std::vector<std::string> files;
    for (const std::string& g : given) {
        std::error_code ec;
        if (!fs::is_directory(g, ec)) {
            files.push_back(g);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(g, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && isArticleFile(it->path())) found.push_back(it->path().string());
        if (ec) throw DataError(g, "cannot list the folder: " + ec.message());
        if (found.empty()) throw DataError(g, "folder holds no articles (.txt, .md, .html)");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

// "N/M files, X MB/s, ETA" on stderr, at most a few times a second: rewritten in place on a
// terminal, a line a second otherwise (--progress into a log).
class Progress {
public:
    Progress(bool on, size_t totalItems, uintmax_t totalBytes, const char* unit)
        : on_(on), tty_(::isatty(STDERR_FILENO) != 0), totalItems_(totalItems), totalBytes_(totalBytes), unit_(unit) {}
    void add(uintmax_t bytes) {
        ++items_;
        bytes_ += bytes;
        if (!on_) return;
        auto now = Clock::now();
        if (now - last_ < std::chrono::milliseconds(tty_ ? 100 : 1000) && items_ != totalItems_) return;
        last_ = now;
        double s = std::chrono::duration<double>(now - start_).count();
        double mbs = s > 0 ? static_cast<double>(bytes_) / 1e6 / s : 0;
        char line[160];
        if (totalItems_) {
            double eta = bytes_ > 0 && totalBytes_ > bytes_ ? s * (double(totalBytes_) / double(bytes_) - 1) : 0;
            std::snprintf(line, sizeof line, "geoparse: %zu/%zu %s, %.1f MB/s, ETA %.0f s", items_, totalItems_, unit_, mbs, eta);
        } else {
            std::snprintf(line, sizeof line, "geoparse: %zu %s, %.1f MB/s", items_, unit_, mbs);
        }
        std::fprintf(stderr, tty_ ? "\r\033[K%s" : "%s\n", line);
        shown_ = true;
    }
    /// Clears the progress line before another message (on a terminal).
    void clear() {
        if (shown_ && tty_) std::fputs("\r\033[K", stderr);
    }
    void finish() {
        if (shown_ && tty_) std::fputc('\n', stderr);
    }

private:
    using Clock = std::chrono::steady_clock;
    bool on_, tty_, shown_ = false;
    size_t totalItems_, items_ = 0;
    uintmax_t totalBytes_, bytes_ = 0;
    const char* unit_;
    Clock::time_point start_ = Clock::now(), last_{};
};

unsigned threadCount(const Options& opt) {
    if (opt.jobs) return opt.jobs;
    unsigned n = std::thread::hardware_concurrency();
    return n ? n : 1;
}

std::optional<model::Date> parsePublished(const std::string& text, const std::string& what) {
    if (text.empty()) return std::nullopt;
    std::optional<model::Date> d = model::Date::parse(text);
    if (!d) throw InputError(what + ": '" + text + "' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    return d;
}

int runFiles(const geo::Gazetteer& gaz, const Options& opt, std::optional<model::Date> published) {
    const std::vector<std::string> files = expandInputs(opt.files);
    uintmax_t totalBytes = 0;
    for (const std::string& f : files) {
        std::error_code ec;
        if (uintmax_t n = fs::file_size(f, ec); !ec) totalBytes += n;
    }
    const unsigned threads = static_cast<unsigned>(std::min<size_t>(threadCount(opt), files.size()));

    std::string buf = opt.json ? "{\"articles\":[" : opt.geojson ? "{\"type\":\"FeatureCollection\",\"features\":[" : "";
    bool first = true, begun = false;  // begun: the current article's separator is in buf
    auto begin = [&] {
        if (!begun && (opt.json || opt.geojson) && !first) buf.push_back(',');
        first = false;
        begun = true;
    };
    auto writeOut = [](const std::string& b) { std::fwrite(b.data(), 1, b.size(), stdout); };
    // One article at a time streams a long article's JSON a megabyte at a time, so memory stays
    // that of one article; parallel results are whole strings, each held until its turn.
    std::function<void(std::string&)> flush;
    if (threads <= 1)
        flush = [&](std::string& b) {
            begin();
            writeOut(buf);
            buf.clear();
            writeOut(b);
            b.clear();
        };

    size_t given = 0;
    int failed = 0;
    Progress progress(opt.progress || ::isatty(STDERR_FILENO) != 0, files.size(), totalBytes, "files");
    runOrdered(
        threads,
        [&]() -> std::optional<std::string> { return given < files.size() ? std::optional(files[given++]) : std::nullopt; },
        [&](const std::string& f) {
            JobOutput o;
            model::Document doc;
            try {
                text::Article a = text::loadArticle(f, published);
                o.inBytes = a.bytes().size();
                for (const auto& w : a.warnings) o.err += "conflictmap: warning: " + w + "\n";
                doc = text::geoparse(a, gaz);
            } catch (const DataError& e) {
                // One bad file is reported and skipped; the others still come out.
                o.err += std::string("conflictmap: ") + e.what() + "\n";
                o.bad = true;
                return o;
            }
            if (opt.geojson) io::appendMentionFeatures(doc, o.out, true);
            else if (opt.json) io::appendDocumentJson(doc, o.out, flush);
            else o.out = textLines(doc);
            return o;
        },
        [&](JobOutput& o) {
            progress.clear();
            std::fputs(o.err.c_str(), stderr);
            failed += o.bad;
            if (!o.bad && (opt.json || !o.out.empty())) begin();
            buf += o.out;
            writeOut(buf);
            buf.clear();
            begun = false;
            progress.add(o.inBytes);
        });
    progress.finish();
    if (opt.json || opt.geojson) std::fputs("]}\n", stdout);
    return failed ? kBadInput : kOk;
}

// One JSON line in, one out: {"id","text","published","place"} -> {"id", ...the fields of an article in
// --json}, or {"id","error"} for a line that is not such an object. Nothing carries from one line
// to the next, so any engine that splits a stream of lines (GNU parallel, Spark, Hadoop
// Streaming) can scale it out.
JobOutput geoparseLine(const geo::Gazetteer& gaz, const std::string& line, size_t lineNo,
                       std::optional<model::Date> publishedOverride) {
    JobOutput o;
    nlohmann::json id;  // null until known
    auto fail = [&](const std::string& what) {
        o.bad = true;
        o.out = nlohmann::json{{"id", id}, {"error", "line " + std::to_string(lineNo) + ": " + what}}.dump() + "\n";
        o.err = "conflictmap: stdin: line " + std::to_string(lineNo) + ": " + what + "\n";
        return o;
    };
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return fail("not valid JSON");
    if (!j.is_object()) return fail("not a JSON object");
    if (auto it = j.find("id"); it != j.end()) id = *it;
    if (!j.contains("id") || !(id.is_string() || id.is_number_integer())) return fail("\"id\" must be a string or an integer");
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) return fail("\"text\" must be a string");
    text::ArticleMeta meta;
    if (publishedOverride) {
        meta.published = publishedOverride;
        meta.publishedFrom = text::PublishedFrom::Override;
    } else if (auto p = j.find("published"); p != j.end() && !p->is_null()) {
        std::optional<model::Date> d = p->is_string() ? model::Date::parse(p->get<std::string>()) : std::nullopt;
        if (!d) return fail("\"published\" must be YYYY, YYYY-MM or YYYY-MM-DD naming a real date");
        meta.published = d;
        meta.publishedFrom = text::PublishedFrom::Sidecar;
    }
    if (auto p = j.find("place"); p != j.end() && !p->is_null()) {
        if (!p->is_string()) return fail("\"place\" must be a string (the outlet's home town)");
        meta.place = p->get<std::string>();
    }
    std::string name = id.is_string() ? id.get<std::string>() : id.dump();
    model::Document doc;
    try {
        doc = text::geoparse(text::makeArticle(name, text->get<std::string>(), text::Format::Text, meta), gaz);
    } catch (const DataError& e) {
        return fail(e.what());
    }
    std::string article;
    io::appendDocumentJson(doc, article);
    o.out = "{\"id\":" + id.dump() + "," + article.substr(1) + "\n";
    return o;
}

int runJsonl(const geo::Gazetteer& gaz, const Options& opt, std::optional<model::Date> published) {
    std::ios::sync_with_stdio(false);
    size_t lineNo = 0;
    int failed = 0;
    Progress progress(opt.progress, 0, 0, "lines");
    std::string line;
    runOrdered(
        threadCount(opt),
        [&]() -> std::optional<std::string> {
            while (std::getline(std::cin, line)) {
                ++lineNo;
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank: no article
                return std::to_string(lineNo) + "\n" + line;
            }
            return std::nullopt;
        },
        [&](const std::string& numbered) {
            size_t nl = numbered.find('\n');
            JobOutput o = geoparseLine(gaz, numbered.substr(nl + 1), std::stoull(numbered.substr(0, nl)), published);
            o.inBytes = numbered.size() - nl - 1;
            return o;
        },
        [&](JobOutput& o) {
            progress.clear();
            std::fputs(o.err.c_str(), stderr);
            failed += o.bad;
            std::fwrite(o.out.data(), 1, o.out.size(), stdout);
            progress.add(o.inBytes);
        });
    progress.finish();
    return failed ? kBadInput : kOk;
}

int run(const GlobalOptions& global, const Options& opt) {
    std::optional<model::Date> published = parsePublished(opt.published, "--published");
    if (opt.jsonl && !opt.files.empty()) throw InputError("--jsonl reads articles from stdin; give no FILE");
    if (!opt.jsonl && opt.files.empty()) throw InputError("geoparse: give articles (FILE or DIR), or --jsonl to read stdin");
    auto gaz = geo::Gazetteer::load(geodataDir(global));
    return opt.jsonl ? runJsonl(*gaz, opt, published) : runFiles(*gaz, opt, published);
}

}  // namespace

void registerGeoparseCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand("geoparse", "Find, resolve and date the places that articles mention");
    auto opt = std::make_shared<Options>();
    cmd->add_option("FILE", opt->files,
                    "Articles (.txt, .md, .html), each with an optional NAME.meta.json, or folders of them");
    auto* json = cmd->add_flag("--json", opt->json, "Print the documents as JSON");
    auto* geojson = cmd->add_flag("--geojson", opt->geojson, "Print the mentions as a GeoJSON FeatureCollection")->excludes(json);
    cmd->add_flag("--jsonl", opt->jsonl, "Read {\"id\",\"text\",\"published\"} lines on stdin, print one result line each")
        ->excludes(json)
        ->excludes(geojson);
    cmd->add_option("--published", opt->published, "Publication date YYYY[-MM[-DD]]; overrides the sidecar");
    cmd->add_option("--jobs", opt->jobs, "Threads (default: one per core)")->check(CLI::Range(1u, 1024u));
    cmd->add_flag("--progress", opt->progress, "Show progress on stderr also when it is not a terminal");
    cmd->callback([&global, &result, opt] { result.run = [&global, opt] { return run(global, *opt); }; });
}

}  // namespace cmap::app
