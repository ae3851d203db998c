// Fuzz target: the workspace loader. Any file either loads or is a DataError naming it; what
// loads saves and loads back to the same JSON (so a user's file survives a save unchanged in
// meaning), and a failed load never touches the file.
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.h"
#include "core/model/workspace.h"
#include "fuzz_check.h"

namespace {

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace cmap;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto in = fuzz::writeTemp("in.json", bytes);
    model::Workspace ws;
    try {
        ws = model::loadWorkspace(in);
    } catch (const DataError& e) {
        fuzz::check(e.path() == in.string(), "a workspace error does not name the file");
        fuzz::check(readAll(in) == bytes, "a failed load changed the file");
        return 0;
    }
    const auto first = fuzz::tempDir() / "first.json";
    const auto second = fuzz::tempDir() / "second.json";
    model::saveWorkspace(ws, first);
    model::saveWorkspace(model::loadWorkspace(first), second);
    fuzz::check(readAll(first) == readAll(second), "a saved workspace does not load back the same");
    return 0;
}
