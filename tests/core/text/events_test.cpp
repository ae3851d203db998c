#include "core/text/events.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cmap::model::EventCategory;
using cmap::text::categorize;

TEST_CASE("categorize: cue words of one sentence pick its event category") {
    // Cues that share their first letters ("air...", "bom...", "me...") are all found.
    CHECK(categorize("Jets flew from the airbase.") == EventCategory::Base);
    CHECK(categorize("The airfield was extended.") == EventCategory::Base);
    CHECK(categorize("Two airstrikes hit the town.") == EventCategory::Airstrike);
    CHECK(categorize("They bombarded the town.") == EventCategory::Airstrike);
    CHECK(categorize("A car bomb exploded.") == EventCategory::Attack);
    CHECK(categorize("The ministers met in the capital.") == EventCategory::Meeting);
    CHECK(categorize("The MEETING ended early.") == EventCategory::Meeting);
    CHECK(categorize("Tanks and troops were deployed.") == EventCategory::Deployment);
    CHECK(categorize("The build-up continued.") == EventCategory::Deployment);
    CHECK(categorize("Una reunión en la capital.") == EventCategory::Meeting);
    CHECK(categorize("The minister said nothing new.") == EventCategory::Statement);
    // Something happening outranks something said about it.
    CHECK(categorize("He said troops were deployed.") == EventCategory::Deployment);
    CHECK(categorize("Nothing of note.") == EventCategory::Other);
    CHECK(categorize("") == EventCategory::Other);
}

TEST_CASE("categorize reads a sentence's words where they lie in the whole text") {
    const std::string text = "Nothing happened. Then the build-up began at the port. Officials said so.";
    const uint32_t start = static_cast<uint32_t>(text.find("Then")), end = static_cast<uint32_t>(text.find(" Officials"));
    std::vector<cmap::text::Token> words;
    cmap::text::tokenize(text, {start, end}, words);
    CHECK(categorize(text, words) == EventCategory::Deployment);  // one deployment cue beats one base cue
    words.clear();
    cmap::text::tokenize(text, {0, start}, words);
    CHECK(categorize(text, words) == EventCategory::Other);
}
