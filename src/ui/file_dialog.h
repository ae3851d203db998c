#pragma once
// A small file chooser (ImGui has none): a path field and the folder's entries. What the chosen
// path is for (open a workspace, save it, open a layer or an article) is the purpose.
#include <filesystem>
#include <string>
#include <vector>

namespace cmap::ui {

struct Viewer;

enum class FilePurpose { OpenWorkspace, SaveWorkspace, OpenLayer, OpenArticle, ExportPng };

struct FileDialog {
    bool openRequested = false;
    FilePurpose purpose = FilePurpose::OpenWorkspace;
    std::string path;                 ///< the field
    std::filesystem::path listedDir;  ///< folder whose entries are listed
    std::vector<std::filesystem::directory_entry> entries;
    std::string error;
};

void openFileDialog(Viewer& v, FilePurpose purpose);
void drawFileDialog(Viewer& v);

/// The folder part of a path typed so far ("a/b/c" -> "a/b", "a/b/" -> "a/b"), or "." for none.
std::filesystem::path folderOf(const std::string& typed);

}  // namespace cmap::ui
