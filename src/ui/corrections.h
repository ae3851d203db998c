#pragma once
// What the correction popup does to the workspace, as plain functions: a gazetteer entry or a
// hand-placed point becomes a Correction keyed by the mention's file and byte range, replacing
// any earlier decision about that mention. No ImGui here, so it is tested without a window.
#include <optional>
#include <string>
#include <string_view>

#include "core/geo/gazetteer.h"
#include "core/model/workspace.h"

namespace cmap::ui {

/// A point placed by hand: a city-like place named name at p, with no gazetteer id.
model::ResolvedPlace handPlaced(std::string name, geo::LonLat p);

/// Records a decision for (file, range), replacing an earlier one for the same mention.
void setCorrection(model::Workspace& ws, model::Correction c);

/// Drops the decision for (file, range); returns whether there was one.
bool clearCorrection(model::Workspace& ws, std::string_view file, model::ByteRange range);

/// The decision recorded for (file, range), if any.
const model::Correction* findCorrection(const model::Workspace& ws, std::string_view file, model::ByteRange range);

/// Sets (or, with nullopt, clears) the user's publication date of an article. Returns false when
/// the workspace has no article with that path.
bool setArticleDate(model::Workspace& ws, std::string_view path, std::optional<model::Date> date);

/// "Latakia (city, SY)" for lists of candidates.
std::string describePlace(const model::ResolvedPlace& p);

}  // namespace cmap::ui
