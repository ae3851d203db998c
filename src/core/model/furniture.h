#pragma once
// Map furniture a user places on a briefing map: title and subtitle, date stamp, legend, scale bar,
// north arrow, data attribution and source footnotes. Each piece can be switched off and placed at
// a corner with an offset; saved in the workspace (an optional "furniture" object).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/json_reader.h"

namespace cmap::model {

/// Where a piece sits: pieces sharing a corner stack inwards (title before date, attribution
/// nearest the bottom edge, then scale bar, legend, footnotes).
enum class Corner : uint8_t { TopLeft, TopCenter, TopRight, BottomLeft, BottomCenter, BottomRight };

/// "top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right".
std::string_view cornerName(Corner c);

struct FurniturePiece {
    bool show = true;
    Corner corner = Corner::TopLeft;
    float offsetX = 0;  ///< logical pixels inwards from the corner's vertical edge
    float offsetY = 0;  ///< logical pixels inwards from the corner's horizontal edge
    friend bool operator==(const FurniturePiece&, const FurniturePiece&) = default;
};

struct Furniture {
    std::string subtitle;  ///< under the title (the workspace's title)
    FurniturePiece title{true, Corner::TopLeft};
    FurniturePiece date{true, Corner::TopLeft};
    FurniturePiece legend{true, Corner::TopRight};
    FurniturePiece scaleBar{true, Corner::BottomLeft};
    /// Shown where north is not up everywhere in the view (conic, azimuthal, rotated views)...
    FurniturePiece northArrow{true, Corner::TopRight};
    bool northArrowAlways = false;  ///< ...or always, when the user forces it
    FurniturePiece attribution{true, Corner::BottomRight};
    /// Numbers beside the markers and the block listing each number's article.
    FurniturePiece footnotes{true, Corner::BottomRight};
    friend bool operator==(const Furniture&, const Furniture&) = default;
};

/// The "furniture" object of a workspace file.
nlohmann::json furnitureToJson(const Furniture& f);

/// Reads a "furniture" object; absent fields keep their defaults. Throws DataError naming the
/// reader's file and the JSON path of a value of the wrong type or range.
Furniture furnitureFromJson(const nlohmann::json& j, const JsonReader& r);

}  // namespace cmap::model
