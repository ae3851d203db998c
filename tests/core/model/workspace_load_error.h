#pragma once
// The one line a user would read when a workspace does not load, for the model tests.
#include <filesystem>
#include <string>

#include "core/error.h"
#include "core/model/workspace.h"

namespace cmap::test {

/// loadWorkspace's DataError message for p, or "no error" when it loads.
inline std::string workspaceLoadError(const std::filesystem::path& p) {
    try {
        model::loadWorkspace(p);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace cmap::test
