#pragma once
// Articles (right panel): the text with its mentions highlighted. Clicking a mention flies the
// map to it; clicking a marker on the map brings its sentence here. The date of an article can
// be edited, and a mention opens the correction popup.
#include <optional>
#include <string>
#include <vector>

#include "scene/map_scene.h"
#include "ui/layout.h"

namespace cmap::scene {
struct ArticleSource;
}

namespace cmap::ui {

struct Viewer;

using scene::ArticleSource;

/// A piece of the article laid out on a line: a word (with its trailing space) or a mention.
struct TextRun {
    float x = 0, y = 0, w = 0;
    uint32_t start = 0, end = 0;  ///< into the decoded text
    int mention = -1;             ///< raw mention index, or -1 for plain text
};

/// The article's text wrapped at a width; kept until the article or the width changes.
struct TextLayout {
    const ArticleSource* source = nullptr;
    float width = 0;
    float lineHeight = 0;
    float height = 0;
    std::vector<TextRun> runs;
    std::vector<std::pair<uint32_t, uint32_t>> mentionText;  ///< text range of each raw mention
};

/// Wraps text at width with measure(text) giving a piece's width; mentions stay in one piece.
TextLayout layoutText(const ArticleSource& source, float width, float lineHeight,
                      float (*measure)(const char* begin, const char* end));

struct ArticlesPanel {
    size_t selected = 0;                       ///< article shown
    std::optional<scene::MentionRef> focus;    ///< highlighted mention (raw index in its article)
    bool scrollToFocus = false;                ///< scroll to focus on the next frame
    std::string dateEdit;                      ///< text of the date field
    size_t dateEditFor = static_cast<size_t>(-1);  ///< article the field was filled for
    std::string dateError;
    TextLayout layout;  ///< derived, cached
};

void drawArticlesPanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
