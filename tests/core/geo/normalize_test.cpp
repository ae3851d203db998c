#include "core/geo/normalize.h"

#include <doctest/doctest.h>

using cmap::geo::normalizeName;

TEST_CASE("normalizeName folds case, diacritics and punctuation to one key") {
    CHECK(normalizeName("Al Lādhiqīyah") == "al ladhiqiyah");
    CHECK(normalizeName("Al-Lādhiqīyah") == "al ladhiqiyah");
    CHECK(normalizeName("ḤOMS") == "homs");
    CHECK(normalizeName("  Saint-Étienne ") == "saint etienne");
    CHECK(normalizeName("Washington, D.C.") == "washington d c");
    CHECK(normalizeName("Côte d’Ivoire") == normalizeName("Cote d'Ivoire"));
    CHECK(normalizeName("Sanaʿa") == normalizeName("Sana'a"));
    CHECK(normalizeName("Ｔａｒｔｕｓ") == "tartus");  // full-width forms (NFKC)
    CHECK(normalizeName("Straße") == "strasse");   // case folding, not just lowering
    CHECK(normalizeName("Москва") == "москва");    // other scripts keep their letters
    CHECK(normalizeName("...") == "");
    CHECK(normalizeName("a\xff" "b") == "a b");  // an invalid byte separates, never crashes
}
