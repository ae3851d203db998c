#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/dates.h"

using cmap::model::Date;
using cmap::model::DateRange;
using cmap::model::Precision;
using namespace cmap::text;

namespace {

// "ISO=words" for every date found, e.g. "2015-09-15=September 15, 2015", or for a week, a
// decade or a span "first..last=words". Every sentence with a date must also pass mayHoldDate,
// or geoparse would never look for it.
std::vector<std::string> found(std::string_view s, std::optional<Date> ref = std::nullopt) {
    std::vector<std::string> out;
    for (const auto& m : findDates(s, 0, ref)) {
        const Precision p = m.range.precision;
        const bool calendar = p == Precision::Day || p == Precision::Month || p == Precision::Year;
        CHECK(m.range.valid());
        CHECK(m.date == m.range.date());
        out.push_back((calendar ? m.date.iso() : m.range.firstIso() + ".." + m.range.lastIso()) + "=" +
                      std::string(m.span.in(s)));
    }
    if (!out.empty()) {
        std::vector<Token> words;
        tokenize(s, {0, static_cast<uint32_t>(s.size())}, words);
        CHECK_MESSAGE(mayHoldDate(s, words, ref), s);
    }
    return out;
}

using V = std::vector<std::string>;
const Date kSep30{2015, 9, 30};  // a Wednesday
const Date kSep2015{2015, 9, 0};

}  // namespace

TEST_CASE("English month-first and day-first dates") {
    CHECK(found("The blast came on September 15, 2015 in Homs.") == V{"2015-09-15=September 15, 2015"});
    CHECK(found("Talks began Sept. 15, 2015.") == V{"2015-09-15=Sept. 15, 2015"});
    CHECK(found("Talks began Sep 15 2015 at noon.") == V{"2015-09-15=Sep 15 2015"});
    CHECK(found("It was signed on March 3rd, 2011.") == V{"2011-03-03=March 3rd, 2011"});
    CHECK(found("He arrived on 15 September 2015.") == V{"2015-09-15=15 September 2015"});
    CHECK(found("He arrived on the 15th of September, 2015.") == V{"2015-09-15=15th of September, 2015"});
    CHECK(found("SEPTEMBER 15, 2015: a headline") == V{"2015-09-15=SEPTEMBER 15, 2015"});
}

TEST_CASE("a date without a year takes it from the reference, or is skipped") {
    CHECK(found("A car bomb exploded on September 15.", kSep2015) == V{"2015-09-15=September 15"});
    CHECK(found("A car bomb exploded on September 15th.", kSep30) == V{"2015-09-15=September 15th"});
    CHECK(found("They met on 3 October.", kSep30) == V{"2015-10-03=3 October"});
    CHECK(found("A car bomb exploded on September 15.").empty());
    // The reference's year, except near New Year when the neighbouring year's date is close.
    CHECK(found("Fighting resumed on December 28.", Date{2016, 1, 5}) == V{"2015-12-28=December 28"});
    CHECK(found("The vote is on January 4.", Date{2015, 12, 30}) == V{"2016-01-04=January 4"});
    CHECK(found("That happened in March.", kSep30) == V{"2015-03=March"});
    CHECK(found("Talks are due on December 20.", kSep30) == V{"2015-12-20=December 20"});
    // The 2001 attacks are no date of this year.
    CHECK(found("Since the September 11 attacks, the region changed.", kSep30).empty());
}

TEST_CASE("a month without a year more than two months after publication is last year's, unless planned") {
    const Date may10{2018, 5, 10};
    CHECK(found("The siege ended in September.", may10) == V{"2017-09=September"});
    CHECK(found("The town fell on 15 September.", may10) == V{"2017-09-15=15 September"});
    CHECK(found("The town fell on September 15 and 16.", may10) == V{"2017-09-15..2017-09-16=September 15 and 16"});
    CHECK(found("Talks will be held in September.", may10) == V{"2018-09=September"});
    CHECK(found("A vote is scheduled for September 15.", may10) == V{"2018-09-15=September 15"});
    // Within two months ahead the nearest stands.
    CHECK(found("The convoy left in June.", may10) == V{"2018-06=June"});
    // The year the words give.
    CHECK(found("The siege ended in September last year.", may10) == V{"2017-09=September last year"});
    CHECK(found("The town fell in March of this year.", may10) == V{"2018-03=March of this year"});
    CHECK(found("The town may fall in June next year.", may10).empty());
}

TEST_CASE("'on the 5th' is that day of the publication month, or of the month before") {
    const Date may10{2018, 5, 10};
    CHECK(found("Rebels shelled the town on the 5th.", may10) == V{"2018-05-05=on the 5th"});
    CHECK(found("Rebels shelled the town on the 25th, activists said.", may10) == V{"2018-04-25=on the 25th"});
    CHECK(found("Rebels shelled the 5th floor.", may10).empty());
    CHECK(found("Rebels fired on the 5th Brigade.", may10).empty());
    CHECK(found("Rebels shelled the town on the 5th.").empty());
}

TEST_CASE("month and year give month precision") {
    CHECK(found("He defected in June 2015 to join them.") == V{"2015-06=June 2015"});
    CHECK(found("Prices rose in June, 2015.") == V{"2015-06=June, 2015"});
    CHECK(found("In the June of 2015 it rained.") == V{"2015-06=June of 2015"});
    CHECK(found("By early June 2015 the road was open.") == V{"2015-06=early June 2015"});
    CHECK(found("In Dec. 2014 and Jan 2015.") == V{"2014-12=Dec. 2014", "2015-01=Jan 2015"});
}

TEST_CASE("a month alone needs a preposition and a reference") {
    CHECK(found("Elections were held in June.", kSep30) == V{"2015-06=June"});
    CHECK(found("Fighting has continued since March.", kSep30) == V{"2015-03-01..2015-09-30=March"});
    CHECK(found("Last June the base opened.", kSep30) == V{"2015-06=Last June"});
    CHECK(found("Last June the base opened.", Date{2015, 6, 10}) == V{"2014-06=Last June"});
    CHECK(found("It peaked in mid-June.", kSep30) == V{"2015-06=mid-June"});
    CHECK(found("Elections were held in June.").empty());
    CHECK(found("You may go. They march in May.", kSep30) == V{"2015-05=May"});
    CHECK(found("Theresa May spoke. March on, he said.", kSep30).empty());
    CHECK(found("The Long March ended.", kSep30).empty());
}

TEST_CASE("bare years need a preposition or qualifier") {
    CHECK(found("Putin and Assad met in Moscow in 2006.") == V{"2006=2006"});
    CHECK(found("The war has raged since 2011.") == V{"2011=2011"});
    CHECK(found("By 2020 the port will be ready.") == V{"2020=2020"});
    CHECK(found("Growth stalled in mid-2014.") == V{"2014=mid-2014"});
    CHECK(found("Sanctions were eased in early 2015.") == V{"2015=early 2015"});
    CHECK(found("Weapons were removed by the end of 2013.") == V{"2013=2013"});
    CHECK(found("He served from 2011 to 2013.") == V{"2011-01-01..2013-12-31=2011 to 2013"});
    CHECK(found("They fought between 2011 and 2013.") == V{"2011-01-01..2013-12-31=2011 and 2013"});
    CHECK(found("They fought in 2011-2013.") == V{"2011-01-01..2013-12-31=2011-2013"});
    CHECK(found("They fought in 2011 and 2013.") == V{"2011=2011", "2013=2013"});  // two years, no range
    CHECK(found("Borders narrower than since 1917 remain.") == V{"1917=1917"});
}

TEST_CASE("numbers that only look like years are not dates") {
    CHECK(found("About 2,000 troops arrived.").empty());
    CHECK(found("The army lost 2006 people and 2015 tanks.").empty());
    CHECK(found("In 2015 people fled.") == V{"2015=2015"});  // after "in" it is a year
    CHECK(found("It rose by 2015 votes.").empty());
    CHECK(found("Room 2015 is in 1990s style, 60km away, for $2015.").empty());
    CHECK(found("The growth was 2015.5 units in 3000 BC, in 1750, in 2150.").empty());
    CHECK(found("Results (2006) are cited.").empty());
}

TEST_CASE("numeric dates: ISO, slashes, and day-first only when unambiguous") {
    CHECK(found("Filed 2015-09-15 by staff.") == V{"2015-09-15=2015-09-15"});
    CHECK(found("Filed 2015/09/15 by staff.") == V{"2015-09-15=2015/09/15"});
    CHECK(found("Am 15.09.2015 und 25/12/2014 und 12/25/2014.") ==
          V{"2015-09-15=15.09.2015", "2014-12-25=25/12/2014", "2014-12-25=12/25/2014"});
    CHECK(found("On 03/04/2015 something happened.").empty());  // March 4 or 3 April?
    CHECK(found("Version 2015-02-30 and 2015-13-01 and 1.2.3.4 and 2015-09-15-7.").empty());
}

TEST_CASE("weekdays are the latest such day before a day-precise reference") {
    CHECK(found("Putin spoke at the assembly on Monday.", kSep30) == V{"2015-09-28=Monday"});
    CHECK(found("Putin spoke last Tuesday.", kSep30) == V{"2015-09-29=last Tuesday"});
    CHECK(found("The ministry said Wednesday that it had agreed.", kSep30) == V{"2015-09-23=Wednesday"});
    CHECK(found("On Thursday the ships left.", kSep30) == V{"2015-09-24=Thursday"});
    CHECK(found("JETS STRUCK ON MONDAY", kSep30) == V{"2015-09-28=MONDAY"});
    // A month-precise reference gives the month, never an invented day.
    CHECK(found("Putin spoke on Monday.", kSep2015) == V{"2015-09=Monday"});
    CHECK(found("Putin spoke on Monday.", Date{2015, 0, 0}) == V{"2015=Monday"});
    CHECK(found("Putin spoke on Monday.").empty());
    // Plans and named days are not reports of a past day.
    CHECK(found("They meet next Monday.", kSep30).empty());
    CHECK(found("It recalled Bloody Sunday and Black Friday.", kSep30).empty());
    CHECK(found("Voters turned out on Super Tuesday.", kSep30).empty());
    // After any other capitalised word the weekday is the date, as wires write it.
    CHECK(found("Jets struck Homs Tuesday, officials told Reuters Sunday.", kSep30) ==
          V{"2015-09-29=Tuesday", "2015-09-27=Sunday"});
    // A weekday before a full date just names it.
    CHECK(found("It was Monday, September 28, 2015.", kSep30) == V{"2015-09-28=Monday, September 28, 2015"});
}

TEST_CASE("yesterday, today, tomorrow and last/this/next month or year") {
    CHECK(found("Yesterday the convoy moved; today it rests; tomorrow it leaves.", kSep30) ==
          V{"2015-09-29=Yesterday", "2015-09-30=today", "2015-10-01=tomorrow"});
    CHECK(found("Yesterday the convoy moved.", kSep2015) == V{"2015-09=Yesterday"});
    CHECK(found("It was read on USA Today.", kSep30).empty());
    // Lower case after a name is the date, not part of the name.
    CHECK(found("Jets hit Homs yesterday and Idlib today.", kSep30) == V{"2015-09-29=yesterday", "2015-09-30=today"});
    CHECK(found("Last month and last year, but not next week.", kSep30) == V{"2015-08=Last month", "2014=last year"});
    CHECK(found("Next year it grows; this month it shrank.", Date{2015, 1, 10}) == V{"2016=Next year", "2015-01=this month"});
    // Looking back from publication: the span up to it, not a day.
    CHECK(found("Over the last year it grew.", kSep30) == V{"2014-09-30..2015-09-30=the last year"});
    CHECK(found("In the past two weeks and over the last few days it rained.", kSep30) ==
          V{"2015-09-16..2015-09-30=the past two weeks", "2015-09-23..2015-09-30=the last few days"});
    CHECK(found("In recent months it grew.", kSep30) == V{"2015-06-30..2015-09-30=recent months"});
    CHECK(found("In the past 24 hours and the last 72 hours it rained.", kSep30) ==
          V{"2015-09-29..2015-09-30=the past 24 hours", "2015-09-27..2015-09-30=the last 72 hours"});
    CHECK(found("In the past few hours it rained.", kSep30).empty());  // within the day: no span to give
    CHECK(found("In the past month it grew.", Date{2015, 3, 31}) == V{"2015-02-28..2015-03-31=the past month"});
    // A week of August, not a look-back.
    CHECK(found("In the last week of August it rained.", kSep30) == V{"2015-08-25..2015-08-31=last week of August"});
    CHECK(found("It rained in the past weeks.", Date{2015, 9, 0}).empty());  // the day is unknown
    CHECK(found("It stood for the past 999 years.", Date{5, 3, 1}).empty());   // before year 0
    CHECK(found("It was last month.", Date{2015, 0, 0}).empty());  // the month is unknown
    CHECK(found("Two days ago and 3 years ago and a month ago.", kSep30) ==
          V{"2015-09-28=Two days ago", "2012=3 years ago", "2015-08=a month ago"});
}

TEST_CASE("Spanish, French and German dates") {
    CHECK(found("Se reunieron en el Kremlin, celebrada el 25 de enero de 2005.") == V{"2005-01-25=25 de enero de 2005"});
    CHECK(found("Lleg\xC3\xB3 el 25 de enero.", kSep30) == V{"2015-01-25=25 de enero"});
    CHECK(found("Ocurri\xC3\xB3 en enero de 2005.") == V{"2005-01=enero de 2005"});
    CHECK(found("Ocurri\xC3\xB3 en 2005.") == V{"2005=2005"});
    CHECK(found("Il est arriv\xC3\xA9 le 25 janvier 2005 et le 1er f\xC3\xA9vrier 2005.") ==
          V{"2005-01-25=25 janvier 2005", "2005-02-01=1er f\xC3\xA9vrier 2005"});
    CHECK(found("Am 25. Januar 2005 und im M\xC3\xA4rz 2006.") == V{"2005-01-25=25. Januar 2005", "2006-03=M\xC3\xA4rz 2006"});
    CHECK(found("El lunes hubo combates.", kSep30) == V{"2015-09-28=lunes"});
    CHECK(found("Fue el lunes 28 de septiembre de 2015.") == V{"2015-09-28=lunes 28 de septiembre de 2015"});
    CHECK(found("Il est venu lundi dernier.", kSep30) == V{"2015-09-28=lundi"});
    CHECK(found("Er kam am Montag.", kSep30) == V{"2015-09-28=Montag"});
    // Capitalised Spanish month names in English text are names.
    CHECK(found("Julio Iglesias sang in Mayo.", kSep30).empty());
}

TEST_CASE("several dates in one sentence come in order with offsets in the whole text") {
    const std::string text = "Intro. On Monday he recalled talks in 2006 and the deal of June 2013.";
    const uint32_t base = 7;
    const auto ms = findDates(std::string_view(text).substr(base), base, kSep30);
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].span.in(text) == "Monday");
    CHECK(ms[0].relative);
    CHECK(ms[1].span.in(text) == "2006");
    CHECK_FALSE(ms[1].relative);
    CHECK(ms[2].span.in(text) == "June 2013");
    CHECK(sentenceDate(ms) == DateRange::of(Date{2015, 9, 28}));
    CHECK_FALSE(sentenceDate({}));
}

TEST_CASE("ranges of days are one span") {
    CHECK(found("Talks ran September 15-17, 2015 in Vienna.") == V{"2015-09-15..2015-09-17=September 15-17, 2015"});
    CHECK(found("Talks ran September 15 to 17 in Vienna.", kSep30) == V{"2015-09-15..2015-09-17=September 15 to 17"});
}

TEST_CASE("findDates survives odd input") {
    CHECK(found("").empty());
    CHECK(found("...,,,---///").empty());
    CHECK(found("\xFF\xFE broken \xC3 utf8 2015-09-15").size() == 1);
    CHECK(found("99999999999999999999 September 99999999999999 in 20150").empty());
    CHECK(found("On February 29.", Date{2015, 3, 1}).empty());  // not a day of 2015
    CHECK(found("On February 29.", Date{2016, 3, 1}) == V{"2016-02-29=February 29"});
}

TEST_CASE("mayHoldDate turns away sentences without date words, cheaply and only those") {
    auto may = [](std::string_view s, std::optional<Date> ref = kSep30) {
        std::vector<Token> words;
        tokenize(s, {0, static_cast<uint32_t>(s.size())}, words);
        return mayHoldDate(s, words, ref);
    };
    CHECK_FALSE(may("The convoy reached the port before the storm."));
    CHECK_FALSE(may("Some 12345 people and 150 vehicles crossed."));
    CHECK(may("It arrived in 2015."));
    CHECK(may("A year of waiting ended."));
    CHECK(may("It ARRIVED ON TUESDAY."));
    CHECK(may("Le 15\u00A0f\u00E9vrier, rien."));
    CHECK(may("Record set on 15September."));  // digits and a month in one word
    CHECK(may("Two weeks ago nothing moved."));
    // Without a publication date only a stated year can make a date.
    CHECK_FALSE(may("It ARRIVED ON TUESDAY.", std::nullopt));
    CHECK_FALSE(may("Two weeks ago nothing moved.", std::nullopt));
    CHECK(may("It arrived in May 2015.", std::nullopt));
}

TEST_CASE("inferPublicationDate reads labels and date lines, conservatively") {
    CHECK(inferPublicationDate("Title\nPublished: September 30, 2015\nBody in 2006.") == Date{2015, 9, 30});
    CHECK(inferPublicationDate("Title\nBy A. Writer | Posted on 2015-09-30 10:42\nBody.") == Date{2015, 9, 30});
    CHECK(inferPublicationDate("Title\nUpdated 1 October 2015 | Published 30 September 2015\n") == Date{2015, 9, 30});
    CHECK(inferPublicationDate("Published in September 2015\nText.") == Date{2015, 9, 0});
    CHECK(inferPublicationDate("Wednesday 30 September 2015 10.42 BST\nHeadline\nBody") == Date{2015, 9, 30});
    CHECK(inferPublicationDate("MOSCOW, Sept. 30, 2015 - Russian jets struck targets.") == Date{2015, 9, 30});
    // Dates inside the story are not publication dates.
    CHECK_FALSE(inferPublicationDate("Bomb kills ten in Homs on September 15, 2015\nText"));
    CHECK_FALSE(inferPublicationDate("This story is old.\n\nHeadline\nPutin met Assad on 25 January 2005."));
    CHECK_FALSE(inferPublicationDate("Published on Monday\nText"));
    CHECK_FALSE(inferPublicationDate("Unpublished draft, September 30, 2015 notes"));
    CHECK_FALSE(inferPublicationDate(""));
    // Only the head of the text counts.
    CHECK_FALSE(inferPublicationDate(std::string(2000, 'x') + "\nPublished: September 30, 2015"));
}

// Issue 12, honest dates: every interval the words state, none shrunk to its first day. The
// reference is Saturday 10 October 2015.
TEST_CASE("intervals: weeks, decades, spans, since, earlier this month") {
    const Date sat{2015, 10, 10};
    // The Monday-to-Sunday week before the week of publication.
    CHECK(found("Fighting in the hills last week left the road shut.", sat) == V{"2015-09-28..2015-10-04=last week"});
    CHECK(found("Last week the ferry stopped.", Date{2015, 10, 12}) == V{"2015-10-05..2015-10-11=Last week"});
    CHECK(found("Fighting in the hills last week.", Date{2015, 10, 0}) == V{"2015-10=last week"});  // month known only
    CHECK(found("Fighting in the hills last week.").empty());
    CHECK(found("The talks resume next week.", sat).empty());  // a plan
    // Decades need "the"; "early", "mid" and "late" keep the whole decade.
    CHECK(found("In the 1990s the valley was calm.") == V{"1990-01-01..1999-12-31=1990s"});
    CHECK(found("Through the late 1980s it grew.") == V{"1980-01-01..1989-12-31=late 1980s"});
    CHECK(found("By the mid-2000s it had shrunk.") == V{"2000-01-01..2009-12-31=mid-2000s"});
    CHECK(found("A song of the 1970's played.") == V{"1970-01-01..1979-12-31=1970's"});
    CHECK(found("A 1990s style and the 1995s stock.").empty());
    // Two days, two months or two years joined into one span.
    CHECK(found("Between 3 and 5 October the market was hit.", sat) == V{"2015-10-03..2015-10-05=3 and 5 October"});
    CHECK(found("It was hit between 3 and 5 October 2014.", sat) == V{"2014-10-03..2014-10-05=3 and 5 October 2014"});
    CHECK(found("Shelling went on 7-9 October, locals said.", sat) == V{"2015-10-07..2015-10-09=7-9 October"});
    CHECK(found("The siege lasted from 28 September to 2 October.", sat) ==
          V{"2015-09-28..2015-10-02=28 September to 2 October"});
    CHECK(found("The harvest failed from March to May 2015.", sat) == V{"2015-03-01..2015-05-31=March to May 2015"});
    CHECK(found("Rain fell from November to February 2015.") == V{"2014-11-01..2015-02-28=November to February 2015"});
    CHECK(found("Prices fell between March and May.", sat) == V{"2015-03-01..2015-05-31=March and May"});
    // Days listed with "and" or "or": the span from the first to the last, not the last alone.
    CHECK(found("Rice came on 3 and 5 October.", sat) == V{"2015-10-03..2015-10-05=3 and 5 October"});
    CHECK(found("Rice came on 3 or 4 October.", sat) == V{"2015-10-03..2015-10-04=3 or 4 October"});
    CHECK(found("Rice came on October 3 and 5.", sat) == V{"2015-10-03..2015-10-05=October 3 and 5"});
    CHECK(found("Rice came on October 3 and 5, 2014.", sat) == V{"2014-10-03..2014-10-05=October 3 and 5, 2014"});
    CHECK(found("On October 3 and 5 people came.", sat) == V{"2015-10-03=October 3"});
    // "since" runs up to publication; without a publication date the start is all we have.
    CHECK(found("Since 2011 the district has suffered.", sat) == V{"2011-01-01..2015-10-10=2011"});
    CHECK(found("Since 2011 the district has suffered.") == V{"2011=2011"});
    CHECK(found("Nothing has moved since early 2014.", sat) == V{"2014-01-01..2015-10-10=early 2014"});
    CHECK(found("Ever since the 1990s it has been so.", sat) == V{"1990-01-01..2015-10-10=1990s"});
    CHECK(found("Quiet since Monday, the port reopened.", sat) == V{"2015-10-05..2015-10-10=Monday"});
    CHECK(found("Quiet since March.", Date{2015, 10, 0}) == V{"2015-03-01..2015-10-31=March"});
    // "earlier this month/week/year": from the unit's first day to the day before publication.
    CHECK(found("Earlier this month the bridge fell.", sat) == V{"2015-10-01..2015-10-09=Earlier this month"});
    CHECK(found("The bridge fell earlier this week.", sat) == V{"2015-10-05..2015-10-09=earlier this week"});
    CHECK(found("The bridge fell earlier this year.", sat) == V{"2015-01-01..2015-10-09=earlier this year"});
    CHECK(found("The bridge fell earlier this month.", Date{2015, 10, 1}) == V{"2015-10=earlier this month"});
    CHECK(found("The bridge fell earlier this month.", Date{2015, 10, 0}) == V{"2015-10=earlier this month"});
}

TEST_CASE("a weekday is the latest such day before publication, wherever it stands") {
    const Date sat{2015, 10, 10};
    CHECK(found("The market was shelled on Tuesday.", sat) == V{"2015-10-06=Tuesday"});
    CHECK(found("On Saturday the market was shelled.", sat) == V{"2015-10-03=Saturday"});  // a week back, not today
    CHECK(found("The market, residents said, was shelled yesterday evening.", sat) == V{"2015-10-09=yesterday"});
}

TEST_CASE("sentenceDate: the recent day wins over a background date, else the first") {
    const Date sat{2015, 10, 10};
    auto governs = [&](std::string_view s) {
        const auto d = sentenceDate(findDates(s, 0, sat));
        return d ? d->firstIso() + ".." + d->lastIso() : std::string("none");
    };
    CHECK(governs("Besieged since 2012, the town was shelled again on Tuesday.") == "2015-10-06..2015-10-06");
    CHECK(governs("In 2012 the town fell, and it was shelled again yesterday.") == "2015-10-09..2015-10-09");
    CHECK(governs("In 2012 the town fell, and it was shelled last week.") == "2015-09-28..2015-10-04");
    CHECK(governs("In 2006 they met, and again in 2011.") == "2006-01-01..2006-12-31");
    CHECK(governs("On 15 September they met, as in 2006.") == "2015-09-15..2015-09-15");
    CHECK(governs("No date here.") == "none");
    const auto ms = findDates("It fell yesterday, not on 2 October or since 2011.", 0, sat);
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].recent);
    CHECK_FALSE(ms[1].recent);  // eight days back
    CHECK_FALSE(ms[2].recent);  // a span
}

TEST_CASE("interval words cut short or alone make no interval") {
    const Date sat{2015, 10, 10};
    CHECK(found("It lasted from March to", sat) == V{"2015-03=March"});
    CHECK(found("Between 3 and", sat).empty());
    CHECK(found("the", sat).empty());
    CHECK(found("since", sat).empty());
    CHECK(found("earlier this", sat).empty());
    CHECK(found("It ran 5-3 October.", sat) == V{"2015-10-03=3 October"});  // backwards: the second day alone
}

TEST_CASE("nights, mornings, weekends and weeks back") {
    const Date sat{2015, 10, 10}, mon{2015, 10, 12}, sun{2015, 10, 11};
    CHECK(found("Jets struck the ridge last night.", sat) == V{"2015-10-09=last night"});
    // Overnight: the evening before publication and the early hours of its day.
    CHECK(found("Jets struck the ridge overnight.", sat) == V{"2015-10-09..2015-10-10=overnight"});
    CHECK(found("An overnight raid hit the ridge.", sat) == V{"2015-10-09..2015-10-10=overnight"});
    CHECK(found("Jets struck the ridge overnight Tuesday.", sat) == V{"2015-10-06=Tuesday"});
    CHECK(found("Jets struck the ridge overnight on Tuesday.", sat) == V{"2015-10-06=Tuesday"});
    CHECK(found("Jets struck the ridge overnight on October 3.", sat) == V{"2015-10-03=October 3"});
    CHECK(found("This morning the crossing reopened.", sat) == V{"2015-10-10=This morning"});
    CHECK(found("The crossing reopened this week.", sat) == V{"2015-10-05..2015-10-10=this week"});
    CHECK(found("The crossing reopened this week.", Date{2015, 10, 5}) == V{"2015-10-05=this week"});  // a Monday
    CHECK(found("Two weeks ago the crossing closed.", sat) == V{"2015-09-21..2015-09-27=Two weeks ago"});
    CHECK(found("A week ago the crossing closed.", sat) == V{"2015-09-28..2015-10-04=A week ago"});
    CHECK(found("Two weeks ago the crossing closed.", Date{2015, 10, 0}) == V{"2015-10=Two weeks ago"});
    // The latest Saturday before publication and its Sunday.
    CHECK(found("The town was shelled over the weekend.", mon) == V{"2015-10-10..2015-10-11=weekend"});
    CHECK(found("The town was shelled last weekend.", sun) == V{"2015-10-10..2015-10-11=last weekend"});
    CHECK(found("The town was shelled at the weekend.", sat) == V{"2015-10-03..2015-10-04=weekend"});
    CHECK(found("The weekend edition and this weekend's match.", sat).empty());
    // A weekend or a week just past governs its sentence like a day.
    const auto d = sentenceDate(findDates("Besieged since 2012, it was shelled over the weekend.", 0, mon));
    REQUIRE(d);
    CHECK(d->firstIso() == "2015-10-10");
}

TEST_CASE("seasons: with a year its months, else the latest one up to publication") {
    const Date oct{2015, 10, 10}, mar{2016, 3, 10}, jul{2015, 7, 20}, jan{2016, 1, 15};
    CHECK(found("The dam was shelled in the summer of 2014.") == V{"2014-06-01..2014-08-31=summer of 2014"});
    CHECK(found("Exports fell in summer 2014.") == V{"2014-06-01..2014-08-31=summer 2014"});
    CHECK(found("The siege began in early autumn 2013.") == V{"2013-09-01..2013-11-30=early autumn 2013"});
    CHECK(found("Supplies ran out in the winter of 2014.") == V{"2014=winter of 2014"});  // it straddles two years
    CHECK(found("The base was expanded over the summer.", oct) == V{"2015-06-01..2015-08-31=summer"});
    CHECK(found("The base was expanded over the summer.", jul) == V{"2015-06-01..2015-07-20=summer"});
    CHECK(found("The base was expanded over the summer.", mar) == V{"2015-06-01..2015-08-31=summer"});
    CHECK(found("Fighting stalled during the winter.", jan) == V{"2015-12-01..2016-01-15=winter"});
    CHECK(found("Fighting stalled during the winter.", oct) == V{"2014-12-01..2015-02-28=winter"});
    CHECK(found("Talks collapsed last autumn.", mar) == V{"2015-09-01..2015-11-30=last autumn"});
    CHECK(found("Talks collapsed last summer.", jul) == V{"2014-06-01..2014-08-31=last summer"});
    CHECK(found("The port reopened this spring.", jul) == V{"2015-03-01..2015-05-31=this spring"});
    CHECK(found("The port reopened this spring.", Date{2015, 4, 2}) == V{"2015-03-01..2015-04-02=this spring"});
    CHECK(found("The port will reopen this summer.", mar).empty());  // ahead: a plan
    CHECK(found("Rebels have held the pass since the spring.", oct) == V{"2015-03-01..2015-10-10=spring"});
    CHECK(found("Troops arrived in the fall of 2015.") == V{"2015-09-01..2015-11-30=fall of 2015"});
    // Not seasons.
    CHECK(found("After the fall of the city, prices fall.", oct).empty());
    CHECK(found("The summer offensive and a winter coat.", oct).empty());
    CHECK(found("The spring of 1968 is remembered, unlike the summer of discontent.", oct) ==
          V{"1968-03-01..1968-05-31=spring of 1968"});
}

TEST_CASE("parts of a month or a year: weeks, halves, quarters, the end of a month") {
    const Date oct{2015, 10, 10};
    CHECK(found("Convoys crossed in the first week of March.", oct) == V{"2015-03-01..2015-03-07=first week of March"});
    CHECK(found("Convoys crossed in the second week of March 2014.") == V{"2014-03-08..2014-03-14=second week of March 2014"});
    CHECK(found("Convoys crossed in the last week of September.", oct) ==
          V{"2015-09-24..2015-09-30=last week of September"});
    CHECK(found("Prices rose in the first half of 2015.") == V{"2015-01-01..2015-06-30=first half of 2015"});
    CHECK(found("Prices rose in the third quarter of 2014.") == V{"2014-07-01..2014-09-30=third quarter of 2014"});
    CHECK(found("Prices rose in the second half of last year.", oct) == V{"2014-07-01..2014-12-31=second half of last year"});
    CHECK(found("The convoy left at the end of February.", oct) == V{"2015-02=February"});
    CHECK(found("The convoy left at the beginning of September.", oct) == V{"2015-09=September"});
    // Ordinals of other things.
    CHECK(found("The first week of the war and the second half of the match.", oct).empty());
    CHECK(found("The fifth week of March.", oct).empty());
}

TEST_CASE("the next day, two days later, that night: counted from the sentence's date or the story's") {
    const Date sat{2015, 10, 10};
    const StoryDate onMonday = [] { return std::optional(DateRange::of(Date{2015, 10, 5})); };
    const StoryDate inMarch = [] { return std::optional(DateRange::of(Date{2015, 3, 0})); };
    const StoryDate since2011 = [sat] { return std::optional(DateRange::span(Date{2011, 1, 1}.firstDay(), sat.firstDay())); };
    auto story = [&](std::string_view s, const StoryDate& from) {
        std::vector<std::string> out;
        for (const auto& m : findDates(s, 0, sat, from))
            out.push_back(m.range.label() + "=" + std::string(m.span.in(s)));
        return out;
    };
    CHECK(story("The next day the convoy left.", onMonday) == V{"2015-10-06=The next day"});
    CHECK(story("The previous night it rained.", onMonday) == V{"2015-10-04=The previous night"});
    CHECK(story("Later that day the convoy left.", onMonday) == V{"2015-10-05=Later that day"});
    CHECK(story("The day before, the convoy left.", onMonday) == V{"2015-10-04=The day before"});
    CHECK(story("Three days later the convoy left.", onMonday) == V{"2015-10-08=Three days later"});
    CHECK(story("Two weeks earlier the convoy left.", onMonday) == V{"week of 2015-09-21=Two weeks earlier"});
    CHECK(story("A month later the convoy left.", onMonday) == V{"2015-11=A month later"});
    CHECK(story("Hours later the convoy left.", onMonday) == V{"2015-10-05 to 2015-10-06=Hours later"});
    CHECK(story("A day later the convoy left.", inMarch) == V{"2015-03-01 to 2015-04-01=A day later"});
    CHECK(story("That night the convoy left.", inMarch) == V{"2015-03=That night"});
    // The sentence's own date comes first.
    CHECK(story("On Tuesday rebels massed, and the next day they attacked.", onMonday) ==
          V{"2015-10-06=Tuesday", "2015-10-07=the next day"});
    // Nothing to count from, or too long a stretch: no date.
    CHECK(story("The next day the convoy left.", {}).empty());
    CHECK(story("The next day the convoy left.", since2011).empty());
    // Not counted from the story.
    CHECK(story("The day before the vote, the convoy left.", onMonday).empty());
    CHECK(story("Following the attack, the next step is talks. Days later.", onMonday).empty());
    CHECK(story("He said that the day was long.", onMonday).empty());
}

TEST_CASE("Ramadan and the Eids: the tabular Islamic calendar, a day wider at each end") {
    const Date oct{2015, 10, 10}, jul{2015, 7, 1};
    // Ramadan 1436 began on 18 June 2015 (tabular and observed) and ended on 16 or 17 July.
    CHECK(found("Fighting slowed during Ramadan 2015.") == V{"2015-06-17..2015-07-18=Ramadan 2015"});
    CHECK(found("Fighting slowed during Ramadan.", oct) == V{"2015-06-17..2015-07-18=Ramadan"});
    CHECK(found("Fighting slowed during Ramadan.", jul) == V{"2015-06-17..2015-07-01=Ramadan"});  // up to publication
    CHECK(found("Fighting slowed last Ramadan.", jul) == V{"2014-06-28..2014-07-29=last Ramadan"});
    CHECK(found("A truce held over Eid al-Adha.", oct) == V{"2015-09-23..2015-09-28=Eid al-Adha"});
    CHECK(found("A truce held for Eid al-Fitr.", oct) == V{"2015-07-17..2015-07-21=Eid al-Fitr"});
    CHECK(found("A truce held over the Eid holiday.", oct) == V{"2015-09-23..2015-09-28=Eid"});  // the later Eid
    CHECK(found("Shelling has not stopped since Eid al-Adha.", oct) == V{"2015-09-23..2015-10-10=Eid al-Adha"});
    // A person's name, a plan: no date.
    CHECK(found("Tariq Ramadan spoke in Paris.", oct).empty());
    CHECK(found("A truce may hold next Ramadan.", oct).empty());
}
