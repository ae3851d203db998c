#pragma once
// What the analyst decides about mentions, from the Mentions panel, the article text, the
// correction popup or the map: each action is one undo step over any number of mentions, and with
// `always` it also becomes a rule for every mention spelled the same, now and in articles added
// later (model::Workspace::always).
#include <optional>
#include <span>

#include "core/model/corrections.h"
#include "core/model/date.h"
#include "ui/mention_rows.h"

namespace cmap::ui {

struct Viewer;

/// "Not a place": the mentions leave the map.
void markNotAPlace(Viewer& v, std::span<const MentionKey> keys, bool always);
/// "Resolve all to place".
void resolveMentions(Viewer& v, std::span<const MentionKey> keys, const model::ResolvedPlace& place, bool always);
/// "Accept": reviewed, kept as geoparsed.
void acceptMentions(Viewer& v, std::span<const MentionKey> keys, bool always);
/// Sets (or with nullopt clears) the analyst's date of the mentions; a mention without a
/// decision becomes accepted with that date.
void dateMentions(Viewer& v, std::span<const MentionKey> keys, std::optional<model::DateRange> date);
/// Forgets the decisions about the mentions, and the rules for their surfaces.
void clearDecisions(Viewer& v, std::span<const MentionKey> keys);

/// Makes key the mention the analyst looks at: its sentence in the text, its row in the Mentions
/// panel and a ring round its marker; fly also flies the map to it.
void selectMention(Viewer& v, MentionKey key, bool fly);

/// The mention of the corrected document (what the map draws) for a raw mention; none when it
/// was marked "not a place". And back.
std::optional<size_t> shownIndex(const Viewer& v, MentionKey key);
std::optional<MentionKey> rawKey(const Viewer& v, size_t document, size_t shownMention);

/// Parses "2015-09", "2015-09-29", "2015-10-03 to 2015-10-05" or "2015-09-21/2015-09-27" into a
/// date range (a single date at its own precision; two dates a span). nullopt when it is not one.
std::optional<model::DateRange> parseDateRange(const std::string& text);

}  // namespace cmap::ui
