#pragma once
// The rows of the Mentions panel as plain data: every mention of every loaded article, what the
// analyst decided about it, filtered, sorted and grouped by surface. No ImGui here, so the
// panel's logic is tested (and timed with thousands of mentions) without a window.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/corrections.h"
#include "core/model/date.h"

namespace cmap::ui {

struct Session;

/// A mention as the text has it: article index (Session::articles) and raw mention index.
struct MentionKey {
    size_t article = 0;
    size_t mention = 0;
    friend auto operator<=>(const MentionKey&, const MentionKey&) = default;
};

struct MentionRow {
    MentionKey key;
    std::string surface;    ///< the words in the text
    std::string place;      ///< where it is placed now ("not a place" when marked so)
    std::string kind;       ///< city, country, admin1, ...
    std::string country;
    double confidence = 0;  ///< the geoparser's, 1 once decided
    std::optional<model::DateRange> date;
    std::string article;    ///< its title
    std::string sentence;   ///< elided
    model::Decision decision = model::Decision::None;
    bool byRule = false;
    size_t count = 1;       ///< in a grouped list: the mentions with this surface
    std::vector<MentionKey> members;  ///< in a grouped list: those mentions
};

enum class MentionColumn { Surface, Place, Kind, Country, Confidence, Date, Article, Sentence };
inline constexpr int kMentionColumns = 8;

struct MentionFilter {
    std::string text;           ///< in the words or the place's name, case-insensitive
    std::string kind;           ///< empty: any
    std::optional<size_t> article;
    double minConfidence = 0, maxConfidence = 1;
    std::optional<int> fromDay, toDay;  ///< dates overlapping [from, to]; undated rows only without either
    friend bool operator==(const MentionFilter&, const MentionFilter&) = default;
};

/// Every mention of the session's articles in article and text order. Throws nothing but
/// std::bad_alloc.
std::vector<MentionRow> mentionRows(const Session& session);

/// The rows f lets through, in order.
std::vector<MentionRow> filterRows(const std::vector<MentionRow>& rows, const MentionFilter& f);
/// Sorts by column, stably (text order breaks ties).
void sortRows(std::vector<MentionRow>& rows, MentionColumn column, bool ascending);
/// One row per surface, in the order of each surface's first row; its count and members give the
/// mentions it stands for, the rest is its first row's.
std::vector<MentionRow> groupRows(const std::vector<MentionRow>& rows);

/// text cut to at most maxChars characters (UTF-8 aware), with an ellipsis when cut.
std::string elide(const std::string& text, size_t maxChars);

}  // namespace cmap::ui
