#include "core/text/word_lists.h"

#include "core/text/word_set.h"

#include <algorithm>
#include <array>
#include <string>

namespace cmap::text::words {
namespace {

using Set = WordSet;

const Set& commonWords() {
    static const Set s = {
        // function words and pronouns
        "a", "an", "the", "and", "or", "but", "if", "so", "as", "at", "by", "for", "from", "in", "into", "of",
        "on", "onto", "to", "with", "without", "within", "about", "above", "after", "again", "against", "all",
        "also", "although", "among", "any", "are", "be", "because", "been", "before", "being", "below",
        "between", "both", "can", "could", "did", "do", "does", "down", "during", "each", "even", "ever",
        "every", "few", "first", "further", "had", "has", "have", "he", "her", "here", "hers", "him", "his",
        "how", "however", "i", "is", "it", "its", "just", "last", "least", "less", "many", "may", "me", "might",
        "more", "most", "much", "must", "my", "never", "new", "next", "no", "nor", "not", "now", "off", "often",
        "once", "one", "only", "other", "our", "out", "over", "own", "same", "she", "should", "since", "some",
        "still", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
        "though", "through", "thus", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
        "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "would",
        "yet", "you", "your", "yes", "well", "back", "even", "far", "near", "via", "per", "amid", "across",
        "around", "behind", "beyond", "despite", "inside", "outside", "toward", "towards", "along", "meanwhile",
        "indeed", "instead", "perhaps", "rather", "already", "almost", "always", "soon", "later", "today",
        "tonight", "tomorrow", "yesterday", "firstly", "secondly", "finally", "moreover", "therefore",
        // calendar words
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring",
        "summer", "autumn", "winter", "christmas", "easter",
        // compass and position words that start many sentences and name small places
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
        "lower", "middle", "greater", "little", "big", "great", "old", "high", "long", "grand", "mount", "lake",
        "river", "bay", "port", "cape", "island", "islands", "valley", "city", "town", "village", "county",
        "province", "region", "district", "state", "states", "governorate", "oblast", "krai", "republic",
        "kingdom", "union", "federation", "capital", "border", "coast", "sea", "ocean", "gulf", "airport",
        "base", "camp", "station", "center", "centre", "park", "square", "street", "road", "bridge", "hill",
        "hills", "beach", "forest", "desert", "field", "fields", "point", "springs", "falls", "harbor", "harbour",
        // frequent nouns, verbs and adjectives that are also place names somewhere
        "nice", "split", "reading", "bath", "mobile", "orange", "independence", "liberty", "victory", "unity",
        "hope", "progress", "enterprise", "commerce", "industry", "temple", "university", "college", "school",
        "church", "home", "office", "house", "court", "police", "army", "navy", "government", "president",
        "minister", "secretary", "general", "major", "colonel", "captain", "king", "queen", "prince", "bishop",
        "justice", "judge", "mayor", "governor", "senator", "congress", "parliament", "senate", "council",
        "party", "people", "man", "woman", "men", "women", "child", "children", "family", "friend", "friends",
        "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "world", "life",
        "war", "peace", "power", "force", "forces", "troops", "soldiers", "military", "media", "press", "news",
        "report", "reports", "post", "story", "page", "photo", "video", "image", "read", "more", "related",
        "share", "comment", "comments", "click", "here", "see", "view", "watch", "live", "follow", "join",
        "help", "support", "contact", "about", "home", "login", "sign", "subscribe", "advertisement",
        "said", "says", "say", "told", "tell", "asked", "added", "noted", "called", "made", "make", "take",
        "given", "give", "like", "love", "good", "best", "better", "bad", "free", "fair", "fine", "fun", "happy",
        "early", "late", "young", "open", "close", "closed", "clear", "deal", "trade", "market", "bank", "money",
        "gold", "silver", "star", "sun", "moon", "rock", "stone", "green", "red", "blue", "white", "black",
        "brown", "gray", "grey", "golden", "royal", "national", "international", "global", "local", "federal",
        "public", "private", "social", "political", "economic", "security", "defense", "defence", "foreign",
        "interior", "health", "energy", "oil", "gas", "water", "food", "land", "air", "fire", "police", "rain",
        "snow", "storm", "wind", "weather", "mention", "according",
        "after", "before", "during", "including", "following", "despite", "against", "while", "whereas",
        "several", "various", "certain", "another", "either", "neither", "none", "nothing", "something",
        "someone", "everyone", "anyone", "everything", "anything", "plus", "minus", "second", "third", "mid",
        "date", "dates", "name", "names", "title", "note", "notes", "source", "sources", "update", "updated",
        "published", "posted", "edition", "editor", "opinion", "analysis", "feature", "features", "sport",
        "sports", "business", "culture", "science", "technology", "travel", "style", "arts", "music", "film",
        "book", "books", "game", "games", "team", "club", "league", "cup", "championship", "season", "match",
        "round", "final", "record", "win", "wins", "won", "lost", "loss", "score", "goal", "goals", "player",
        "players", "coach", "fans", "stadium", "arena", "hall", "tower", "castle", "palace", "garden", "gardens",
        "villa", "manor", "farm", "mill", "mills", "lodge", "inn", "hotel", "restaurant", "cafe", "bar", "shop",
        "store", "mall", "plaza", "avenue", "lane", "drive", "way", "place", "court", "terrace", "view",
        "heights", "grove", "wood", "woods", "glen", "dale", "ridge", "creek", "brook", "ford", "haven", "bend",
        "junction", "crossing", "corner", "corners", "gate", "gates", "landing", "mound", "plains", "prairie",
        "meadow", "meadows", "rose", "lily", "ivy", "holly", "laurel", "olive", "palm", "pine", "cedar", "oak",
        "maple", "elm", "ash", "birch", "willow", "cherry", "apple", "peach", "plum", "lemon", "lime",
    };
    return s;
}

const Set& titles() {
    static const Set s = {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
        "vice", "premier", "chancellor", "minister", "secretary", "ambassador", "envoy", "senator", "sen",
        "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "general", "gen",
        "major", "maj", "colonel", "col", "lieutenant", "lt", "captain", "capt", "sergeant", "sgt", "admiral",
        "adm", "commander", "cmdr", "corporal", "cpl", "private", "pvt", "marshal", "brigadier", "king", "queen",
        "prince", "princess", "emir", "sheikh", "shaikh", "sultan", "pope", "cardinal", "bishop", "archbishop",
        "rabbi", "imam", "ayatollah", "father", "rev", "reverend", "saint", "judge", "justice", "chief",
        "spokesman", "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "ceo", "founder",
        "analyst", "correspondent", "reporter", "author", "officer", "agent", "detective", "coach", "manager",
        "striker", "midfielder", "defender", "goalkeeper", "quarterback", "actor", "actress", "singer",
        "rapper", "star", "leader", "deputy", "counsel", "attorney", "lawyer", "dean", "st",
    };
    return s;
}

const Set& orgSuffixes() {
    static const Set s = {
        "foundation", "institute", "institution", "university", "college", "group", "council", "corporation",
        "corp", "company", "co", "inc", "ltd", "llc", "plc", "gmbh", "times", "post", "agency", "party",
        "committee", "commission", "bank", "club", "church", "school", "academy", "museum", "network", "herald",
        "journal", "press", "review", "airlines", "airways", "association", "society", "department", "ministry",
        "fund", "trust", "partners", "capital", "holdings", "records", "studios", "media", "magazine", "daily",
        "gazette", "tribune", "chronicle", "observer", "telegraph", "express", "mail", "insider", "research",
        "center", "centre", "organization", "organisation", "federation", "league", "union", "alliance",
        "brigade", "battalion", "regiment", "front", "movement", "coalition", "army", "guard", "service",
        "services", "authority", "board", "bureau", "office", "enterprises", "industries", "systems",
        "technologies", "solutions", "consulting", "associates", "fc", "united", "city", "rovers", "wanderers",
        "hotspur", "athletic", "rangers", "giants", "jets", "sox", "yankees", "lakers", "broncos", "warriors",
    };
    return s;
}

const Set& connectors() {
    static const Set s = {"of", "the", "and", "de", "del", "della", "des", "du", "da", "do", "dos", "das",
                          "di", "la", "le", "les", "los", "las", "el", "al", "ul", "ad", "an", "as", "ash",
                          "at", "az", "ar", "bin", "ibn", "ben", "van", "von", "der", "den", "am", "im",
                          "upon", "on", "sur", "en", "y", "e", "i", "s"};
    return s;
}

const Set& nameParticles() {
    static const Set s = {"al", "el", "bin", "ibn", "ben", "abu", "van", "von", "der", "den", "de", "da",
                          "di", "du", "del", "della", "dos", "das", "la", "le", "st", "mac", "ter"};
    return s;
}

const Set& featureNouns() {
    static const Set s = {"avenue", "ave", "street", "st", "road", "rd", "drive", "boulevard", "blvd", "lane",
                          "highway", "hwy", "parkway", "terrace", "crescent", "hotel", "inn", "motel", "castle",
                          "farm", "farms", "mall", "theatre", "theater", "cinema", "embassy", "consulate",
                          "hospital", "stadium", "arena", "academy", "restaurant", "tower", "towers", "building",
                          "apartments", "estate", "plaza", "station", "market", "square", "university", "college",
                          "school", "county", "township", "parish", "borough"};
    return s;
}

const Set& featurePrefixes() {
    static const Set s = {"hotel", "camp", "university", "college", "school", "embassy", "consulate", "mall",
                          "hospital", "stadium", "museum", "cathedral", "church"};
    return s;
}

}  // namespace

bool isFeaturePrefix(std::string_view lower) { return featurePrefixes().contains(lower); }
bool isFeatureNoun(std::string_view lower) { return featureNouns().contains(lower); }
bool isNameParticle(std::string_view lower) { return nameParticles().contains(lower); }
bool isCommon(std::string_view lower) { return commonWords().contains(lower); }
bool isTitle(std::string_view lower) { return titles().contains(lower); }
bool isOrgSuffix(std::string_view lower) { return orgSuffixes().contains(lower); }
bool isConnector(std::string_view lower) { return connectors().contains(lower); }

}  // namespace cmap::text::words
