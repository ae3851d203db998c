#pragma once
// The analyst's decisions about what the geoparser found: per mention ("not a place", "this
// place", "checked", a date) and per surface text ("always": every mention spelled so, in every
// article of the workspace, unless a mention has its own decision). Decisions win over
// geoparsing and are saved in the workspace, keyed by file, byte range and surface, so that
// re-geoparsing an edited article finds them again.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/date.h"
#include "core/model/document.h"

namespace cmap::model {

struct Correction {
    enum class Action : uint8_t {
        NotAPlace,  ///< the mention is not a place: it leaves the map
        Place,      ///< the mention is `place`
        Accept,     ///< the geoparser was right: reviewed, kept as it is
    };
    std::string file;  ///< the article (its workspace path); empty in an "always" rule
    ByteRange range;   ///< in the file; unused in a rule
    Action action = Action::Place;
    std::optional<ResolvedPlace> place;  ///< for Place
    /// The mention's words when decided: the key of a rule, and how a mention is found again
    /// when re-geoparsing moved it (an edited article). Empty: the range alone decides.
    std::string text;
    std::optional<DateRange> date;  ///< the analyst's date for it (Place and Accept)

    friend bool operator==(const Correction&, const Correction&) = default;
};

/// What the analyst decided about each geoparsed mention, as applyCorrections found it.
enum class Decision : uint8_t { None, NotAPlace, Place, Accept };

/// Where each mention of the geoparsed (raw) document went in the corrected one, and why: the
/// viewer maps between the two with it (the text shows raw mentions, the map corrected ones).
struct CorrectionIndex {
    std::vector<uint32_t> shown;       ///< per raw mention: its corrected index, or kDropped
    std::vector<uint32_t> raw;         ///< per corrected mention: its raw index
    std::vector<Decision> decision;    ///< per raw mention
    std::vector<uint8_t> byRule;       ///< per raw mention: 1 when an "always" rule decided it

    friend bool operator==(const CorrectionIndex&, const CorrectionIndex&) = default;
};

/// Applies one file's decisions to its geoparsed document: "not a place" mentions leave it,
/// placed ones move, dated ones get the analyst's date, decided ones get confidence 1; event
/// mention lists are renumbered. A decision finds its mention by range, else (when it has text)
/// the mention with the same words nearest to its old range that no other decision has. Rules
/// decide every mention whose words are their text and that has no decision of its own.
/// Throws nothing but std::bad_alloc.
CorrectionIndex applyCorrections(Document& doc, const std::vector<Correction>& corrections,
                                 const std::vector<Correction>& always = {});

/// Records c, replacing an earlier decision for the same mention (file and range).
void setCorrection(std::vector<Correction>& corrections, Correction c);
/// Drops the decision for (file, range); returns whether there was one.
bool clearCorrection(std::vector<Correction>& corrections, std::string_view file, ByteRange range);
/// The decision for (file, range), or nullptr.
const Correction* findCorrection(const std::vector<Correction>& corrections, std::string_view file, ByteRange range);

/// Records an "always" rule for rule.text, replacing an earlier one for the same words.
void setRule(std::vector<Correction>& always, Correction rule);
/// Drops the rule for text; returns whether there was one.
bool clearRule(std::vector<Correction>& always, std::string_view text);
/// The rule for text, or nullptr.
const Correction* findRule(const std::vector<Correction>& always, std::string_view text);

/// A point placed by hand: a city-like place named name at p, with no gazetteer entry.
ResolvedPlace handPlaced(std::string name, geo::LonLat p);

/// "Latakia (city, SY)" for lists of candidates and tables.
std::string describePlace(const ResolvedPlace& p);

}  // namespace cmap::model
