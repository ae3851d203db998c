#pragma once
// Mentions (right column, over the article text): every mention of every loaded article in one
// table: surface, place, kind, country, confidence, date and precision, article, sentence. Sort by
// any column, filter by text, kind, article, confidence and date, group identical surfaces, and
// decide about the selection at once: accept, not a place, resolve to another place, set a date,
// each optionally "always" for every mention spelled the same. Selecting a row shows its sentence
// and rings its marker; a click on a marker or in the text selects its row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/layout.h"
#include "ui/mention_rows.h"

namespace cmap::ui {

struct Viewer;

struct MentionsPanel {
    MentionFilter filter;
    std::string fromText, toText;  ///< the date filter's fields as typed
    std::optional<MentionColumn> sortColumn;  ///< none: article and text order
    bool ascending = true;
    bool group = false;   ///< one row per surface
    bool always = false;  ///< actions also become rules for the surfaces
    std::vector<MentionKey> selection;
    std::optional<MentionKey> cursor;  ///< where the arrow keys move from
    bool scrollToCursor = false;
    bool focused = false;  ///< the panel has the keyboard (its keys win over the map's)
    std::string dateEdit, dateError;

    // Derived, rebuilt when the content or the list's settings change.
    struct Built {
        uint64_t revision = ~0ull;
        MentionFilter filter;
        std::optional<MentionColumn> sortColumn;
        bool ascending = true, group = false;
        friend bool operator==(const Built&, const Built&) = default;
    };
    Built built;
    std::vector<MentionRow> all, rows;
};

/// Rebuilds the panel's rows when the session or the list's settings changed since the last call.
void refreshMentionRows(Viewer& v);
void drawMentionsPanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
