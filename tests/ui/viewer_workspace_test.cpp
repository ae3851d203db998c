// The viewer's open and save actions with bad files: the error reaches the error panel, the open
// workspace stays as it was, and no file on disk changes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <cstdlib>

#include "core/model/workspace.h"
#include "docked_viewer.h"
#include "ui/viewer.h"

using namespace cmap;

namespace {

using test::Folder;

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

TEST_CASE("viewer: a workspace that fails to open or save changes nothing but the error panel") {
    Folder dir;
    const auto good = dir.path / "briefing.json";
    model::Workspace ws;
    ws.title = "The open briefing";
    model::saveWorkspace(ws, good);
    const std::string goodBytes = readAll(good);

    ui::ViewerOptions opt;
    opt.offerRecovery = false;
    ui::Viewer v(opt);
    v.openWorkspace(good);
    REQUIRE(v.errors.empty());
    REQUIRE(v.session.workspace.title == "The open briefing");
    v.session.workspace.title = "Edited, not saved yet";
    v.session.markDirty();

    const std::pair<const char*, std::string> bad[] = {
        {"malformed.json", "{\"version\": 1, \"title\": "},
        {"newer.json", R"({"version": 99, "title": "From the future"})"},
        {"huge.json", R"({"version": 1, "title": "Huge", "view": {"scale": 1e308, "center_lon": 1e300}})"},
        {"wrongtype.json", R"({"version": 1, "title": "Wrong", "articles": {"path": "a.txt"}})"},
        {"baddate.json", R"({"version": 1, "title": "Bad date", "timeline": {"date": "2015-02-30"}})"},
    };
    // Not a structured binding: clang 14 (the sanitize preset) cannot capture one in CAPTURE's lambda.
    for (const auto& entry : bad) {
        const char* name = entry.first;
        const std::string& text = entry.second;
        CAPTURE(name);
        const auto path = dir.path / name;
        write(path, text);
        v.errors.clear();
        v.openWorkspace(path);
        REQUIRE(v.errors.size() == 1);
        CHECK(v.errors[0].starts_with(path.string() + ": "));
        CHECK(v.session.workspace.title == "Edited, not saved yet");
        CHECK(v.session.workspacePath == good);
        CHECK(v.session.dirty);
        CHECK(readAll(path) == text);
    }
    CHECK_FALSE(v.errors.empty());
    CHECK(v.session.workspacePath == good);
    v.openWorkspace(dir.path / "missing.json");
    CHECK(v.session.workspace.title == "Edited, not saved yet");

    // Saves that cannot happen: into a missing folder, over a folder. The old file stays whole.
    std::filesystem::create_directory(dir.path / "folder.json");
    for (const auto& target : {dir.path / "missing" / "w.json", dir.path / "folder.json"}) {
        CAPTURE(target);
        v.errors.clear();
        CHECK_FALSE(v.saveWorkspace(target));
        REQUIRE(v.errors.size() == 1);
        CHECK(v.errors[0].starts_with(target.string() + ": "));
        CHECK(v.errors[0].find("Success") == std::string::npos);
        CHECK(v.session.workspacePath == good);
        CHECK(v.session.dirty);
    }
    CHECK(readAll(good) == goodBytes);
    CHECK(std::filesystem::is_directory(dir.path / "folder.json"));
    // Nothing half-written is left beside the files.
    for (const auto& e : std::filesystem::directory_iterator(dir.path))
        CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("viewer: articles given beside a workspace are opened in it, not ignored") {
    // `view --workspace W.json a.txt` once opened the workspace alone, silently.
    Folder dir;
    write(dir.path / "a.txt", "Ships left Tartus on 3 October 2015.");
    write(dir.path / "b.txt", "Jets hit Homs on 30 September 2015.");
    model::Workspace ws;
    ws.articles.push_back({"b.txt", std::nullopt});
    model::saveWorkspace(ws, dir.path / "w.json");

    ui::ViewerOptions opt;
    opt.offerRecovery = false;
    opt.workspace = dir.path / "w.json";
    // b.txt is in the workspace already: given again, it is not opened twice.
    opt.articles = {(dir.path / "a.txt").string(), (dir.path / "b.txt").string()};
    ui::Viewer v(opt);
    v.start();
    const auto& refs = v.session.workspace.articles;
    REQUIRE(refs.size() == 2);
    // The viewer holds a workspace's paths absolute (saving writes them relative again).
    CHECK(refs[0].path == std::filesystem::absolute(dir.path / "b.txt").string());
    CHECK(refs[1].path == std::filesystem::absolute(dir.path / "a.txt").string());
    CHECK(v.session.dirty);
}

TEST_CASE("viewer: the last session's recovery copy is deleted only when recovered or discarded") {
    Folder dir;
    ::setenv("CMAP_RECOVERY_DIR", dir.path.c_str(), 1);
    const auto copy = dir.path / "recovery.cmap.json";
    {
        // Unreadable: moved aside with a warning, not deleted (it was deleted).
        write(copy, "{\"version\": 1, \"title\": ");
        ui::ViewerOptions opt;
        ui::Viewer v(opt);
        v.start();
        CHECK_FALSE(v.recovery);
        CHECK(readAll(dir.path / "recovery-unreadable-1.cmap.json") == "{\"version\": 1, \"title\": ");
    }
    {
        // Readable and offered: a save in this session (the prompt unanswered) leaves it.
        model::Workspace ws;
        ws.title = "work from the crash";
        model::saveWorkspace(ws, copy);
        ui::ViewerOptions opt;
        ui::Viewer v(opt);
        v.start();
        REQUIRE(v.recovery);
        REQUIRE(v.saveWorkspace(dir.path / "other.json"));
        CHECK(std::filesystem::exists(copy));
        v.tickAutosave();
        CHECK(model::loadWorkspace(copy).title == "work from the crash");
    }
    ::unsetenv("CMAP_RECOVERY_DIR");
}
