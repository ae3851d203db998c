#pragma once
// Where a workspace's files are, so that a workspace sent to a colleague with its articles still
// opens: a file beside or below the workspace is stored relative to it, any other absolutely, and
// a relative path is read from the workspace file's folder. The paths also key corrections and
// layer styles ("article:PATH"), so they move together.
#include <filesystem>
#include <string>

#include "core/model/workspace.h"

namespace cmap::model {

/// Where a workspace path points: absolute stays; relative is to workspaceFile's folder (the
/// current folder when workspaceFile is empty); "builtin:..." names no file and stays. Throws
/// nothing.
std::filesystem::path resolveWorkspacePath(const std::string& ref, const std::filesystem::path& workspaceFile);

/// How a workspace saved at workspaceFile refers to file: relative (with '/') when the file lies in
/// the workspace's folder or below it, else absolute. An empty workspaceFile gives the absolute
/// path. Throws nothing but std::bad_alloc.
std::string pathForWorkspace(const std::filesystem::path& file, const std::filesystem::path& workspaceFile);

/// ws with every file path (articles, overlays, event datasets, and the corrections and layer
/// styles they key) read as relative to from and written as a workspace at to refers to them
/// (to empty: absolute). Throws nothing but std::bad_alloc.
Workspace relocatePaths(Workspace ws, const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace cmap::model
