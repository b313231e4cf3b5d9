#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presslens/analyzer.hpp"
#include "presslens/quotes.hpp"

namespace presslens {
namespace {

struct Seen {
  std::string text, kind, speaker, key;
  bool operator==(const Seen&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& s) {
  return out << "{" << s.text << " | " << s.kind << " | " << s.speaker << " | " << s.key << "}";
}

// The quotes seen in a text; front() and back() of none give a placeholder, so that a text
// yielding no quote fails its expectation instead of crashing the suite.
struct SeenList : std::vector<Seen> {
  const Seen& front() const { return empty() ? none() : std::vector<Seen>::front(); }
  const Seen& back() const { return empty() ? none() : std::vector<Seen>::back(); }
  static const Seen& none() {
    static const Seen kNone{"(no quote)", "", "", ""};
    return kNone;
  }
};

SeenList quotes(const std::string& text, const char* lang = "en") {
  Options options;
  options.lang = lang;
  options.detect_structure = false;
  const Document doc = Analyzer(options).analyze(text);
  SeenList seen;
  for (const auto& q : doc.quotes()) {
    seen.push_back({std::string(doc.text(q.span)), to_string(q.kind),
                    std::string(doc.text(q.speaker)), q.speaker_key});
  }
  return seen;
}

using Seens = std::vector<Seen>;

TEST(QuoteFinder, DirectQuotesWithTheSpeakerAfterOrBefore) {
  EXPECT_EQ(quotes("\"We are losing the race,\" said Dr. Amara Lindqvist, who leads the team."),
            (Seens{{"We are losing the race,", "direct", "Dr. Amara Lindqvist", "lindqvist"}}));
  EXPECT_EQ(quotes("“The plan works,” the minister said."),
            (Seens{{"The plan works,", "direct", "the minister", "the minister"}}));
  EXPECT_EQ(quotes("Hugh Hill, a doctor, said: \"Wash your hands.\""),
            (Seens{{"Wash your hands.", "direct", "Hugh Hill", "hill"}}));
}

TEST(QuoteFinder, SpeakersAreCheckedAgainstTheGrammarOfTheirCue) {
  // Words that cannot be part of a speaker ("twice", "increasingly") leave its end.
  EXPECT_EQ(quotes("\"We did nothing wrong,\" the company has twice denied in court filings."),
            (Seens{{"We did nothing wrong,", "direct", "the company", "the company"}}));
  EXPECT_EQ(
      quotes("The senator basically said \"we will fight this bill to the end.\""),
      (Seens{{"we will fight this bill to the end.", "partial", "The senator", "the senator"}}));
  // A relative pronoun stays the mention; its key is the noun its clause describes.
  EXPECT_EQ(quotes("Sanders, who has said \"I am staying in this race,\" won Oregon."),
            (Seens{{"I am staying in this race,", "direct", "who", "sanders"}}));
  // Without the syntax stage the rules alone decide.
  Options options;
  options.syntax = false;
  options.detect_structure = false;
  const Document doc =
      Analyzer(options).analyze("\"We did nothing wrong,\" the company has twice denied.");
  ASSERT_EQ(doc.quotes().size(), 1u);
  EXPECT_EQ(doc.text(doc.quotes()[0].speaker), "the company has twice");
}

Document analyzed(const std::string& text, const char* lang = "en") {
  Options options;
  options.lang = lang;
  options.detect_structure = false;
  return Analyzer(options).analyze(text);
}

std::vector<std::string> parts_of(const Document& doc, const Quote& quote) {
  std::vector<std::string> parts;
  for (const Span part : pieces(quote)) parts.emplace_back(doc.text(part));
  return parts;
}

TEST(QuoteFinder, SplitQuotesPronounsAndContinuations) {
  // One speaker's words, interrupted by "he said" and continued in the next sentence: one quote
  // in three parts, its span from the first to the last.
  const Document doc = analyzed(
      "Deputy Mayor Tomas Reyes spoke on Monday. \"We will double the rate,\" he said, \"and we "
      "will start soon.\" \"Nobody will be left behind.\"");
  ASSERT_EQ(doc.quotes().size(), 1u);
  const Quote& quote = doc.quotes()[0];
  EXPECT_EQ(parts_of(doc, quote),
            (std::vector<std::string>{"We will double the rate,", "and we will start soon.",
                                      "Nobody will be left behind."}));
  EXPECT_EQ(doc.text(quote.speaker), "he");
  EXPECT_EQ(quote.speaker_key, "reyes");
  EXPECT_EQ(doc.text(quote.cue), "said");
  EXPECT_EQ(doc.text(quote.span).substr(0, 30), "We will double the rate,\" he s");
  EXPECT_EQ(doc.text(quote.marks).front(), '"');
  EXPECT_EQ(doc.text(quote.marks).back(), '"');
}

// A long appositive, a report about the quote between its parts, a day after the verb.
TEST(QuoteFinder, LongAttributionsStillJoinAQuote) {
  const Document doc = analyzed(
      "\"The population here has changed,\" said Skip Rook, a longtime loyalist and dean of the "
      "school of public service, who has known the family for decades. \"I think she will carry "
      "the state.\"\n\n\"We are ready,\" Ann Lee said, citing the early count. \"Nobody doubts "
      "it.\"");
  ASSERT_EQ(doc.quotes().size(), 3u);
  EXPECT_EQ(doc.quotes()[0].parts.size(), 2u);
  EXPECT_EQ(doc.quotes()[0].speaker_key, "rook");
  EXPECT_EQ(to_string(doc.quotes()[2].kind), std::string("indirect"));  // "the early count"
  EXPECT_EQ(doc.quotes()[1].parts.size(), 2u);
  EXPECT_EQ(doc.quotes()[1].speaker_key, "lee");
  EXPECT_EQ(quotes("\"We are ready,\" Ann Lee's aide said Sunday.").front().speaker,
            "Ann Lee's aide");
}

TEST(QuoteFinder, QuotesStaySeparateAcrossSpeakersParagraphsAndTheWritersWords) {
  // Another speaker; another paragraph; the writer's own words between.
  for (const char* text :
       {"\"We will win,\" said Ann Lee. \"We will lose,\" said Bo Park.",
        "\"We will win,\" said Ann Lee.\n\n\"We will win again.\"",
        "\"We will win,\" said Ann Lee. The team arrived on Sunday. \"We will win again.\"",
        // The same speaker again, but with an attribution of its own: a new quote.
        "\"We will win,\" said Ann Lee. She added, \"We will win again.\""}) {
    const Document doc = analyzed(text);
    EXPECT_EQ(doc.quotes().size(), 2u) << text;
    for (const Quote& quote : doc.quotes()) EXPECT_TRUE(quote.parts.empty()) << text;
  }
}

TEST(QuoteFinder, EachAttributionIsAQuoteInJapaneseToo) {
  const Document doc = analyzed("「勝ちます」と李さんは言い、「また勝ちます」と語った。", "ja");
  ASSERT_EQ(doc.quotes().size(), 2u);
  EXPECT_EQ(doc.text(doc.quotes()[1].speaker), "李さん");
}

// A podcast's title; a term opening a sentence; a speech verb inside a title reports nothing.
TEST(QuoteFinder, TermsAndTitlesAreNotSpeech) {
  EXPECT_EQ(quotes("She hosts the weekly podcast \"So, That Happened.\" It airs on Fridays.")
                .front()
                .kind,
            "title");
  EXPECT_EQ(quotes("\"Refoulement\" is forbidden by international law.").front(),
            (Seen{"Refoulement", "scare", "", ""}));
  const auto show =
      quotes("Sanders will appear on \"The View\" and \"The Late Show With Stephen Colbert.\"");
  ASSERT_EQ(show.size(), 2u);
  EXPECT_EQ(show[1], (Seen{"The Late Show With Stephen Colbert.", "title", "", ""}));
}

// Chinese 《》 mark titles; Japanese 『』 outside 「」 is a title, inside it a quote.
TEST(QuoteFinder, TitleMarksInChineseAndJapanese) {
  EXPECT_EQ(quotes("她在《南江日报》上发表了文章。", "zh").front(),
            (Seen{"南江日报", "title", "", ""}));
  EXPECT_EQ(quotes("映画『風の谷』が公開された。", "ja").front().kind, "title");
  const auto nested = quotes("山田氏は「母は『もう帰りなさい』と言った」と語った。", "ja");
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_EQ(nested[1].kind, "direct");
}

// French sources and incises, names of roles, Spanish dropped subjects, phrases across "de".
TEST(QuoteFinder, RolesNamesAndIncises) {
  EXPECT_EQ(quotes("D’après les pompiers, l’incendie serait d’origine accidentelle.", "fr").front(),
            (Seen{"l’incendie serait d’origine accidentelle", "indirect", "les pompiers",
                  "les pompiers"}));
  EXPECT_EQ(quotes("Marc Tissot suit le lac. « Le lac a perdu un mètre, explique-t-il. Sans pluie, "
                   "on ne pourra plus pomper. »",
                   "fr")
                .front()
                .speaker,
            "explique-t-il");
  EXPECT_EQ(quotes("« Nous ne fermerons pas l’école », a assuré jeudi le maire de Saint-Aubin, "
                   "Gérard Lemoine.",
                   "fr")
                .front()
                .speaker,
            "Gérard Lemoine");
  EXPECT_EQ(quotes("La directora del hospital, Elena Soto, explicó: «Estamos al límite».", "es")
                .front()
                .speaker,
            "Elena Soto");
  EXPECT_EQ(
      quotes("Andrés Molina compareció tras la derrota. «Hemos jugado sin alma», reconoció.", "es")
          .back()
          .key,
      "molina");
  EXPECT_EQ(quotes("El líder de la oposición calificó el presupuesto de «papel mojado».", "es")
                .back()
                .speaker,
            "El líder de la oposición");
}

// German sources after the clause (", so ein Sprecher") and of two words ("Nach Angaben").
TEST(QuoteFinder, GermanSourceCues) {
  EXPECT_EQ(quotes("Das Werk schließe im Mai, so ein Firmensprecher.", "de").front(),
            (Seen{"Das Werk schließe im Mai", "indirect", "ein Firmensprecher", "firmensprecher"}));
  EXPECT_EQ(
      quotes("Nach Angaben der Polizei wurden zwölf Menschen verletzt.", "de").front().speaker,
      "der Polizei");
  EXPECT_TRUE(quotes("Das ist so ein Problem. Nach dem Spiel war er müde.", "de").empty());
  // "so" within a clause neither ends a report nor attributes a quote.
  EXPECT_EQ(
      quotes("Der Betreiber betont, die Anlage sei sicher und so gut wie neu.", "de").front().text,
      "die Anlage sei sicher und so gut wie neu");
  EXPECT_EQ(quotes("„Unsinn“, so hieß es aus dem Rathaus.", "de").front().kind, "scare");
  // A name after "according to X," starts the clause; it names no role.
  EXPECT_EQ(quotes("According to the police, Smith, 45, was arrested on Monday.").front(),
            (Seen{"Smith, 45, was arrested on Monday", "indirect", "the police", "the police"}));
  EXPECT_EQ(quotes("Konrad Vogel leitet die Fähre. „So viel Eis hatten wir noch nie.“", "de")
                .front()
                .speaker,
            "Konrad Vogel");
}

// Japanese: the quotative と reports a quote whatever the verb; a verb without a subject
// speaks for the previous sentence's subject.
TEST(QuoteFinder, JapaneseQuotativesAndDroppedSubjects) {
  EXPECT_EQ(quotes("市議会の岡本由紀議員は「この計画は話し合われていない」と声を荒らげた。", "ja")
                .front()
                .speaker,
            "岡本由紀議員");
  EXPECT_EQ(
      quotes("北川翔監督は試合後、悔しさをにじませた。「前半は相手のペースだった」と振り返った。",
             "ja")
          .front()
          .speaker,
      "北川翔監督");
  // と joining two quoted nouns reports neither.
  for (const Seen& seen : quotes("政府は「緊急事態」と「復興」を同時に進める。", "ja")) {
    EXPECT_EQ(seen.kind, "scare") << seen.text;
  }
  // 「…」としている reports what was said; 「…」として指定 is "as '…'".
  EXPECT_EQ(quotes("同省は「制度を見直す」としている。", "ja").front().speaker, "同省");
  EXPECT_EQ(quotes("政府は「対策を強化する」としており、調整を進める。", "ja").front().speaker,
            "政府");
  EXPECT_EQ(quotes("文化庁は「国宝」として指定している。", "ja").front().kind, "scare");
}

TEST(QuoteFinder, SentencesKnowTheirQuotes) {
  const Document doc = analyzed(
      "\"We will win the vote tomorrow,\" said Ann Lee. The so-called \"reform\" passed. Bo Park "
      "said the vote was close.");
  const std::vector<SentenceQuotes> held = sentence_quotes(doc);
  ASSERT_EQ(held.size(), 3u);
  ASSERT_EQ(held[0].quotes.size(), 1u);
  EXPECT_EQ(to_string(doc.quotes()[held[0].quotes[0]].kind), std::string("direct"));
  EXPECT_TRUE(held[0].mostly_quoted());  // 30 of 46 characters
  EXPECT_NEAR(held[0].quoted_share, 30.0 / 46, 0.001);
  ASSERT_EQ(held[1].quotes.size(), 1u);
  EXPECT_EQ(held[1].quoted_share, 0.0f);  // a scare quote is the writer's word
  ASSERT_EQ(held[2].quotes.size(), 1u);
  EXPECT_EQ(to_string(doc.quotes()[held[2].quotes[0]].kind), std::string("indirect"));
  EXPECT_FALSE(held[2].mostly_quoted());
}

TEST(QuoteFinder, PartialScareAndTitleQuotes) {
  EXPECT_EQ(
      quotes("Reyes told the council the programme had been \"paused, not cancelled\" for now."),
      (Seens{{"the programme had been \"paused, not cancelled\" for now", "indirect", "Reyes",
              "reyes"},
             {"paused, not cancelled", "partial", "Reyes", "reyes"}}));
  EXPECT_EQ(quotes("Nothing is more convenient than the \"China threat\" theory."),
            (Seens{{"China threat", "scare", "", ""}}));
  EXPECT_EQ(quotes("The so-called \"green recovery\" fund has spent little."),
            (Seens{{"green recovery", "scare", "", ""}}));
  EXPECT_EQ(quotes("The city's report, \"Living With Heat\", came out in 2019."),
            (Seens{{"Living With Heat", "title", "", ""}}));
  EXPECT_EQ(
      quotes("Measures to \"prevent the deterioration of the situation\" as the two sides agreed."),
      (Seens{{"prevent the deterioration of the situation", "partial", "the two sides",
              "the two sides"}}));
}

TEST(QuoteFinder, ReportedSpeech) {
  EXPECT_EQ(quotes("The minister said that the budget would be balanced next year."),
            (Seens{{"the budget would be balanced next year", "indirect", "The minister",
                    "the minister"}}));
  EXPECT_EQ(quotes("According to the ministry, exports rose by 4% in May."),
            (Seens{{"exports rose by 4% in May", "indirect", "the ministry", "the ministry"}}));
  EXPECT_EQ(quotes("Exports rose by 4% in May, officials said."),
            (Seens{{"Exports rose by 4% in May", "indirect", "officials", "officials"}}));
}

// Found on our sample collection: appositives, auxiliaries, pronouns and relative clauses around
// the speech verb.
TEST(QuoteFinder, ReportedSpeechAroundTheSpeaker) {
  EXPECT_EQ(quotes("Tomasz Wren, 54, a lorry driver from Eastfield, said he had waited for hours."),
            (Seens{{"he had waited for hours", "indirect", "Tomasz Wren", "wren"}}));
  EXPECT_EQ(quotes("Marek Kowalczyk, a lasher who has worked at the port for 31 years, said he "
                   "had voted for the strike."),
            (Seens{{"he had voted for the strike", "indirect", "Marek Kowalczyk", "kowalczyk"}}));
  EXPECT_EQ(quotes("One of them, a teacher from Eastbank, said she had not come to take sides."),
            (Seens{{"she had not come to take sides", "indirect", "a teacher from Eastbank",
                    "eastbank"}}));
  EXPECT_EQ(quotes("He has also said the deal would fail."),
            (Seens{{"the deal would fail", "indirect", "He", ""}}));
  EXPECT_EQ(quotes("Ruth Mbeki, the head teacher, said the school would stay closed."),
            (Seens{{"the school would stay closed", "indirect", "Ruth Mbeki", "mbeki"}}));
  // A relative clause does not speak: ", whom he had found confused".
  for (const Seen& seen : quotes("He carried his neighbour, whom he had found confused at home.")) {
    EXPECT_NE(seen.speaker, "whom he had");
  }
  EXPECT_EQ(quotes("„Wir wollen unterschreiben“, sagte er vor Journalisten.", "de"),
            (Seens{{"Wir wollen unterschreiben", "direct", "er", ""}}));
  EXPECT_EQ(quotes("Le ministre a déclaré que la réforme serait votée.", "fr"),
            (Seens{{"la réforme serait votée", "indirect", "Le ministre", "le ministre"}}));
}

// Found on PolNeAR's development articles (fifth session): who speaks before a verb and after it.
TEST(QuoteFinder, SpeakersAroundTheVerb) {
  // First person and "it" speak (the writer's voice outside a quote: no name, so no key to
  // group by; "think" reports a stance), a capitalised stopword is a name.
  EXPECT_EQ(quotes("I think the deal would be very difficult."),
            (Seens{{"the deal would be very difficult", "stance", "I", ""}}));
  EXPECT_EQ(quotes("The Times said the company gave a written statement."),
            (Seens{{"the company gave a written statement", "indirect", "The Times", "times"}}));
  // In English a pronoun after the verb starts the clause: "he" is not the speaker.
  EXPECT_EQ(quotes("Another delegate, Jim Poolman, said he was only “leaning Cruz.”"),
            (Seens{{"he was only “leaning Cruz.”", "indirect", "Jim Poolman", "poolman"},
                   {"leaning Cruz.", "partial", "Jim Poolman", "poolman"}}));
  // A speaker and its appositive open the sentence: what follows the verb is the clause.
  EXPECT_EQ(
      quotes("Rep. Tom Cole of Oklahoma, an ally of the leaders, said Thursday his worry is "
             "the cost."),
      (Seens{{"his worry is the cost", "indirect", "Rep. Tom Cole of Oklahoma", "oklahoma"}}));
  // A parenthesis after the name ("(D-Md.)") is no end of the speaker phrase; after a name only
  // a connector goes on in lower case ("Secretary of State John Kerry", not "Sanders is mounting
  // a").
  EXPECT_EQ(quotes("Elijah Cummings (D-Md.), chair of the committee, said that it was open."),
            (Seens{{"it was open", "indirect", "Elijah Cummings", "cummings"}}));
  EXPECT_EQ(quotes("“We will win,” said Secretary of State John Kerry on Sunday.").front().speaker,
            "Secretary of State John Kerry");
  // French and Spanish put the listener before an inverted speaker.
  EXPECT_EQ(
      quotes("« Le dossier est complet », a indiqué à notre rédaction le parquet de Lyon.", "fr")
          .front()
          .speaker,
      "le parquet de Lyon");
  EXPECT_EQ(quotes("«Nunca vi algo así», relató a este diario un taxista de la zona.", "es")
                .front()
                .speaker,
            "un taxista de la zona");
  // Spanish sets the attribution between dashes inside the marks.
  EXPECT_EQ(quotes("«El agua llegó en diez minutos —relató Carmen Vidal, vecina del barrio—, y no "
                   "nos dio tiempo»",
                   "es")
                .front()
                .speaker,
            "Carmen Vidal");
  // A dropped subject speaks for the sentence before: its speaker, else its subject (past an
  // appositive).
  EXPECT_EQ(quotes("Andrés Molina, entrenador del club, compareció tras la derrota. “Hemos jugado "
                   "sin alma”, reconoció.",
                   "es")
                .front()
                .speaker,
            "Andrés Molina");
  EXPECT_EQ(quotes("El alcalde, Pedro Gil, anunció que el mercado abrirá los domingos. «Queremos "
                   "vida», dijo.",
                   "es")
                .back()
                .speaker,
            "Pedro Gil");
  // A source in lower case after "according to"; an appositive after an inverted speaker.
  EXPECT_EQ(quotes("London was the financial capital of the world, according to one global index."),
            (Seens{{"London was the financial capital of the world", "indirect", "one global index",
                    "one global index"}}));
  EXPECT_EQ(quotes("Selon des sources proches du dossier, le ministre va démissionner.", "fr"),
            (Seens{{"le ministre va démissionner", "indirect", "des sources proches du dossier",
                    "des sources proches du dossier"}}));
  EXPECT_EQ(quotes("The tack is the same, said James Henson, director of the Texas Politics "
                   "Project."),
            (Seens{{"The tack is the same", "indirect", "James Henson", "henson"}}));
  // A stopword after a possessive stays in the speaker phrase.
  EXPECT_EQ(quotes("The city's own report warned that heat would grow.").front().speaker,
            "The city's own report");
  // A quotation may be an appositive when it is the whole of it (a title).
  const auto report = quotes(
      "The city report, “Living With Heat”, warned in 2019 that heat would "
      "grow. It recommended planting more trees by 2030.");
  ASSERT_EQ(report.size(), 3u);  // the title, then the two reports
  EXPECT_EQ(report[1].speaker, "The city report");
  EXPECT_EQ(report[2].key, report[1].key);
  // A verb after "and" speaks for the subject before it (a title's full stop inside it).
  EXPECT_EQ(quotes("Mr. Trump has disparaged the plan, and vowed to reverse the job losses.")
                .front()
                .speaker,
            "Mr. Trump");
  EXPECT_EQ(quotes("Mr. Trump spoke for an hour and said the plan would fail."),
            (Seens{{"the plan would fail", "indirect", "Mr. Trump", "trump"}}));
  // The relative pronoun speaks before its clause's subject does.
  for (const Seen& seen :
       quotes("You would fail the student who wrote that the river runs north.")) {
    EXPECT_EQ(seen.speaker, "who");
  }
  // „A“, sagte sie, „B“: no appositive across the first part; one quote in two parts.
  const Document doc = analyzed(
      "Jana Nowak war Posthalterin. „Die Leute denken, es geht um Briefmarken“, sagte sie, „aber "
      "es geht darum, wer einsam ist.“",
      "de");
  ASSERT_EQ(doc.quotes().size(), 1u);
  EXPECT_EQ(doc.text(doc.quotes()[0].speaker), "sie");
  EXPECT_EQ(doc.quotes()[0].speaker_key, "nowak");
  EXPECT_EQ(parts_of(doc, doc.quotes()[0]).size(), 2u);
}

// Whom pronouns stand for.
TEST(QuoteFinder, WhomPronounsStandFor) {
  // "It" stands for what the sentence before is about; "we" outside a quote for the writer.
  EXPECT_EQ(quotes("The ministry said exports rose in May. It added that imports fell sharply."),
            (Seens{{"exports rose in May", "indirect", "The ministry", "the ministry"},
                   {"imports fell sharply", "indirect", "It", "the ministry"}}));
  EXPECT_EQ(quotes("We believe the tax is unfair to renters.").front().key, "");
  // "he" stands for a name said before the quote, not one in the quote's words.
  const auto seen = quotes(
      "The rally ended late. But he said that \"we will not let the United "
      "States down.\"");
  ASSERT_FALSE(seen.empty());
  EXPECT_NE(seen.front().key, "states");
}

// Where a reported clause starts and ends around quotations, listeners and participles.
TEST(QuoteFinder, ReportedClausesAroundQuotations) {
  // After "that" the clause may open with the quotation; the search for "that" stops at one.
  EXPECT_EQ(quotes("The governor issued a statement saying that “bombastic comments” do harm."),
            (Seens{{"“bombastic comments” do harm", "indirect", "The governor", "the governor"},
                   {"bombastic comments", "partial", "The governor", "the governor"}}));
  EXPECT_EQ(quotes("Ayotte spoke out, saying she was \"appalled\" that he would go on."),
            (Seens{{"she was \"appalled\" that he would go on", "indirect", "Ayotte", "ayotte"},
                   {"appalled", "partial", "Ayotte", "ayotte"}}));
  // A direct quote far after its verb ends the clause the verb reports; near it, it is all.
  EXPECT_EQ(quotes("Powell has said he reviewed the files, because \"I see no secret.\""),
            (Seens{{"he reviewed the files, because \"I see no secret.\"", "indirect", "Powell",
                    "powell"},
                   {"I see no secret.", "direct", "Powell", "powell"}}));
  EXPECT_EQ(quotes("The mayor told reporters on Monday: \"We will rebuild.\""),
            (Seens{{"We will rebuild.", "direct", "The mayor", "the mayor"}}));
  // ", suggesting ..." is the speaker's next act, a report of its own.
  EXPECT_EQ(quotes("Rubio said Cruz is too principled, suggesting the senator sees no nuance."),
            (Seens{{"Cruz is too principled", "indirect", "Rubio", "rubio"},
                   {"the senator sees no nuance", "indirect", "Rubio", "rubio"}}));
  // A verb of telling: its listener (a name) first, "that" further on.
  EXPECT_EQ(quotes("As Clinton told the New York Daily News, tax relief is given for jobs."),
            (Seens{{"tax relief is given for jobs", "indirect", "Clinton", "clinton"}}));
  EXPECT_EQ(quotes("Coulter told conservative radio host Hugh Hewitt on Wednesday that her tweet "
                   "was a joke."),
            (Seens{{"her tweet was a joke", "indirect", "Coulter", "coulter"}}));
  // A naming verb reports what it names (as PolNeAR annotates it), up to the name when "and"
  // follows.
  EXPECT_EQ(
      quotes("Trump called the judge a \"hater\" who had ruled against him."),
      (Seens{{"the judge a \"hater\" who had ruled against him", "indirect", "Trump", "trump"},
             {"hater", "partial", "Trump", "trump"}}));
  EXPECT_EQ(quotes("Le maire a qualifié le projet de « mort-né » et appelé à voter.", "fr"),
            (Seens{{"le projet de « mort-né »", "indirect", "Le maire", "le maire"},
                   {"mort-né", "partial", "Le maire", "le maire"}}));
  // A quotation right after the verb is its object, not the start of a clause.
  EXPECT_EQ(quotes("The company admitted “serious failings” in its handling of data."),
            (Seens{{"serious failings", "partial", "The company", "the company"}}));
}

// Chinese and Japanese name speakers without capitals: by a particle, or at the clause's head.
TEST(QuoteFinder, ChineseAndJapaneseSpeakers) {
  const auto speaker_of = [](const std::string& text, const char* lang) {
    const auto found = quotes(text, lang);
    return found.empty() ? std::string("(no quote)") : found.front().speaker;
  };
  EXPECT_EQ(speaker_of("「病床が本当に足りなくなった」と、医師の大野綾子さんは語った。", "ja"),
            "大野綾子さん");
  EXPECT_EQ(
      speaker_of("田島市長は記者団に対し、「今年は図書館を一つも閉鎖しない」と述べた。", "ja"),
      "田島市長");  // the は inside the quote is not the speaker's
  EXPECT_EQ(speaker_of("市长王海对记者说：“今年我们不会关闭任何一家图书馆。”", "zh"), "市长王海");
  // A listed organisation word speaks even when the tagger reads it as a particle (局 as PART).
  EXPECT_EQ(speaker_of("滨江市教育局周一发布通知。该局表示：“推迟开学是为了完成检查。”", "zh"),
            "该局");
  // A clause ending in 的 describes the speaker after it, up to a preposition after the name.
  EXPECT_EQ(
      speaker_of("江南理工大学环境学院的张文博教授在接受采访时指出：“臭氧污染已成常态。”", "zh"),
      "张文博教授");
  EXPECT_EQ(speaker_of("孙雅婷对市议会说：“我的租户从十一月起就没有热水了。”", "zh"), "孙雅婷");
}

// A terminator inside the marks splits the sentence; the speaker still stands before the quote.
// Chinese speakers behind a parenthesis, an appositive or a clause ending in 的.
TEST(QuoteFinder, ChineseAndJapaneseSpeakersAcrossClauses) {
  const auto speaker_of = [](const std::string& text, const char* lang) {
    const auto found = quotes(text, lang);
    return found.empty() ? std::string("(no quote)") : found.front().speaker;
  };
  EXPECT_EQ(speaker_of("川村町長は「橋は直す。道路も直す」と述べた。", "ja"), "川村町長");
  EXPECT_EQ(speaker_of("彼女は、新しい堤防は子どもには「低すぎる」と指摘した。", "ja"), "彼女");
  EXPECT_EQ(speaker_of("唐明（市水务局局长）说：“水库已经满了。”", "zh"), "唐明");
  EXPECT_EQ(speaker_of("方志远，一位开了三十年渡船的船长，说：“湖面从没这么早结冰。”", "zh"),
            "方志远");
  EXPECT_EQ(speaker_of("“我们等了十年，”住在河边的居民韦春兰说。", "zh"), "居民韦春兰");
}

// A short sentence after a quote can attribute it: "“……。”周立文说。", "「…」。X氏はこう指摘した。"
TEST(QuoteFinder, SpeakerInTheNextShortSentence) {
  const auto zh = quotes("“新桥将在五月通车。”包德明说。", "zh");
  ASSERT_FALSE(zh.empty());
  EXPECT_EQ(zh.front().speaker, "包德明");
  const auto ja = quotes("「燃料はまだ足りる」。漁協の村瀬健氏はこう指摘した。", "ja");
  ASSERT_FALSE(ja.empty());
  EXPECT_EQ(ja.front().speaker, "村瀬健氏");
  // A speech verb that opens a clause introduces a report, not the quote before it.
  const auto en = quotes("“We will rebuild.” Mayor Ines Hart said the repairs would take a year.");
  ASSERT_FALSE(en.empty());
  EXPECT_EQ(en.front().speaker, "");
}

// A quote that is a sentence of its own, with no cue, speaks for the subject of the sentence
// before; the speaker may also follow its verb ("said X, "and ..."", German "Am Montag sagte X:").
TEST(QuoteFinder, SpeakerOfThePreviousSentenceOrAfterTheVerb) {
  const auto seen = quotes(
      "Inspector Lena Grau spoke to reporters at the bridge. \"The river will peak tonight.\"");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].speaker, "Inspector Lena Grau");
  EXPECT_EQ(seen[0].key, "grau");
  EXPECT_EQ(quotes("The council met on Tuesday. \"Nobody voted for this.\"").front().speaker,
            "The council");
  EXPECT_EQ(quotes("In 2019, the dam broke. \"Nobody voted for this.\"").front().speaker, "");
  const Document split = analyzed(
      "\"The ferry is late,\" said Oskar Lund, a pilot, \"and the fog is getting worse.\"");
  ASSERT_EQ(split.quotes().size(), 1u);
  EXPECT_EQ(parts_of(split, split.quotes()[0]),
            (std::vector<std::string>{"The ferry is late,", "and the fog is getting worse."}));
  EXPECT_EQ(split.text(split.quotes()[0].speaker), "Oskar Lund");
  EXPECT_EQ(
      quotes("Am Dienstag sagte Bürgermeisterin Ida Roth: „Wir bauen neu.“", "de").front().speaker,
      "Bürgermeisterin Ida Roth");
}

// Japanese quotes rarely end in a terminator: the quotative particle and what precedes the quote
// tell an utterance from a fragment; title words before or at the end make a title.
TEST(QuoteFinder, JapaneseKinds) {
  const auto kind_of = [](const std::string& text) {
    const auto found = quotes(text, "ja");
    return found.empty() ? std::string("(no quote)") : found.front().kind;
  };
  EXPECT_EQ(kind_of("漁協の村瀬健氏は会見で「燃料はまだ足りる」と述べた。"), "direct");
  EXPECT_EQ(kind_of("村瀬氏は、その案を「机上の空論」と切り捨てた。"), "partial");
  EXPECT_EQ(kind_of("村瀬氏は、価格が「当面下がらない」との見方を示した。"), "partial");
  EXPECT_EQ(kind_of("同協会は報告書「海と暮らす」を公表した。"), "title");
  EXPECT_EQ(kind_of("市議会は「空き家対策条例」を可決した。"), "title");
}

// "according to" in each language names the source after it; a verb carrying its pronoun
// ("dit-elle") speaks for the second half of a split quote too.
TEST(QuoteFinder, AccordingToInEveryLanguage) {
  EXPECT_EQ(
      quotes("Selon Anaïs Perrin, les loyers ont « presque doublé » en dix ans.", "fr").back(),
      (Seen{"presque doublé", "partial", "Anaïs Perrin", "perrin"}));
  EXPECT_EQ(quotes("Según Bruno Ortega, el puerto perdió «la mitad de sus barcos».", "es").back(),
            (Seen{"la mitad de sus barcos", "partial", "Bruno Ortega", "ortega"}));
  EXPECT_EQ(quotes("Laut Jonas Brandt ist der Hafen „viel zu klein“.", "de").back(),
            (Seen{"viel zu klein", "partial", "Jonas Brandt", "brandt"}));
  const Document split =
      analyzed("« Le quai est neuf », dit-elle, « mais personne ne l’utilise. »", "fr");
  ASSERT_EQ(split.quotes().size(), 1u);
  EXPECT_EQ(parts_of(split, split.quotes()[0]),
            (std::vector<std::string>{"Le quai est neuf", "mais personne ne l’utilise."}));
  EXPECT_EQ(split.text(split.quotes()[0].speaker), "dit-elle");
}

// Chinese and Japanese reported speech: the clause after a Chinese verb, the clause before a
// Japanese quotative particle; Chinese titles by the text before the mark ("题|为").
TEST(QuoteFinder, ChineseAndJapaneseReportsAndTitles) {
  EXPECT_EQ(quotes("牛建军表示，新渡口下月启用。", "zh"),
            (Seens{{"新渡口下月启用", "indirect", "牛建军", "牛建军"}}));
  EXPECT_EQ(quotes("柴田氏は、堤防は来年完成すると述べた。", "ja"),
            (Seens{{"堤防は来年完成する", "indirect", "柴田氏", "柴田"}}));
  const auto title = quotes("该协会发布了题为“海边的生活”的报告。", "zh");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0].kind, "title");
}

// A participle speaks for its clause's subject, not for the words right before it.
TEST(QuoteFinder, ParticiplesSpeakForTheirSubject) {
  const auto posted = quotes(
      "Senator Maria Ostrova posted a long message on Friday, saying \"We will not give up the "
      "harbour.\"");
  ASSERT_FALSE(posted.empty());
  EXPECT_EQ(posted.back().speaker, "Senator Maria Ostrova");
  const auto added = quotes(
      "\"The budget is fair,\" Ruth Kemal said, adding that the plan was \"the best we "
      "have\".");
  ASSERT_FALSE(added.empty());
  EXPECT_EQ(added.back().text, "the best we have");
  EXPECT_EQ(added.back().speaker, "Ruth Kemal");
}

// "called" attributes a quote after its object and names one right after it; it never
// attributes a quote before it.
TEST(QuoteFinder, CalledQuotesAndNames) {
  EXPECT_EQ(quotes("Mayor Ada Quist called the budget \"a disgrace\" on Monday.").back(),
            (Seen{"a disgrace", "partial", "Mayor Ada Quist", "quist"}));
  EXPECT_EQ(quotes("They read a newsletter called the \"Ferry Times\" every week.").front().kind,
            "title");
  const auto before = quotes("The \"Harbour Plan\" was what the council called its budget.");
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before.front().speaker, "");
}

// English writes titles in title case: a short quote so written names a show or a slogan.
TEST(QuoteFinder, TitleCaseQuotesAreTitles) {
  EXPECT_EQ(quotes("Mayor Ines Hart spoke on Sunday on “Harbour Watch Tonight.”").front().kind,
            "title");
  EXPECT_EQ(quotes("The crowd chanted “Build the Bridge” until noon.").front().kind, "title");
  // Speech: a sentence capitalises its first word only; exclamations; quotes before a cue.
  EXPECT_EQ(quotes("\"I'm with her,\" she said.").front().kind, "direct");
  EXPECT_EQ(quotes("Ida Roth waved. “Welcome Home Everyone!”").front().kind, "direct");
  EXPECT_EQ(quotes("„Das Geld ist da“, sagte Farah Nasser.", "de").front().kind, "direct");
  // A name in title case after a possessive, even before a comma.
  EXPECT_EQ(quotes("On Sunday on NBC's \"Harbour Watch Tonight,\" the mayor spoke.").front().kind,
            "title");
  // Titles listed with commas, nobody saying them; a nickname inside a name.
  EXPECT_EQ(quotes("She acted in “Harbour Lights,” “The Long Pier” and other films.").front().kind,
            "title");
  EXPECT_EQ(quotes("The ferry was run by Capt. Ida \"Storm\" Roth for years.").front().kind,
            "scare");
  // A quoted headline with its byline.
  EXPECT_EQ(quotes("READ—\"Ferry fares rise again in spring,\" by Ivo Stark.").front().kind,
            "title");
}

// After a determiner a speech verb is a noun ("his hopes"), and cues nothing.
TEST(QuoteFinder, SpeechVerbsAfterADeterminerAreNouns) {
  const auto seen = quotes("Ada Quist pinned her hopes on the \"harbour deal\" this year.");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].kind, "scare");
  EXPECT_EQ(seen[0].speaker, "");
  EXPECT_EQ(quotes("\"Everyone out!\" the captain shouted.").front().speaker, "the captain");
}

// A fragment of some length quotes the name or pronoun that heads its clause, whatever the verb;
// not across a comma or a copula, and short terms stay scare quotes.
TEST(QuoteFinder, FragmentsSpeakForTheirClausesSubject) {
  EXPECT_EQ(quotes("Ida Roth sized up the ferry plan as \"slow, costly and unfair.\"").front(),
            (Seen{"slow, costly and unfair.", "partial", "Ida Roth", "roth"}));
  EXPECT_EQ(
      quotes("Ida Roth is the host of \"a show about the harbour\" on Fridays.").front().speaker,
      "");
  EXPECT_EQ(quotes("Ida Roth mocked the \"experts\" again.").front().kind, "scare");
}

// A quote nested in another is attributed within it; a verb after "and" speaks for its clause's
// subject.
TEST(QuoteFinder, NestedQuotesAndClauseSubjects) {
  const auto nested = quotes(
      "Ida Roth said: \"The pilot checked the ropes and said, 'We sail at dawn.' Then he left.\"");
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_EQ(nested[0].speaker, "Ida Roth");
  EXPECT_EQ(nested[1].text, "We sail at dawn.");
  EXPECT_EQ(nested[1].speaker, "The pilot");
  EXPECT_EQ(quotes("When the vote ended, Senator Ada Quist stood and declared: \"We have lost.\"")
                .front()
                .speaker,
            "Senator Ada Quist");
}

// Title cues in French, Spanish and German, German ones also ending a compound.
TEST(QuoteFinder, TitlesInEuropeanLanguages) {
  EXPECT_EQ(quotes("Le documentaire « La Dernière Marée » sort vendredi.", "fr").front().kind,
            "title");
  EXPECT_EQ(quotes("Su novela «La sal del puerto» se agotó.", "es").front().kind, "title");
  EXPECT_EQ(quotes("Ihr Kriminalroman „Die kalte Mole“ erscheint im Mai.", "de").front().kind,
            "title");
}

// A reported clause ends where "and" brings another speech verb; a verb after "and" reports
// for its clause's subject.
TEST(QuoteFinder, CoordinatedReports) {
  EXPECT_EQ(quotes("Ida Roth said the ferry was late and added that the fares would rise."),
            (Seens{{"the ferry was late", "indirect", "Ida Roth", "roth"},
                   {"the fares would rise", "indirect", "Ida Roth", "roth"}}));
}

// Reports with the speaker as an aside, followed by a relative clause, or a relative pronoun.
TEST(QuoteFinder, AsidesAndRelativeSpeakers) {
  EXPECT_EQ(quotes("Most of the ferries, he said, have stopped running.").front().text,
            "Most of the ferries, he said, have stopped running");
  EXPECT_EQ(quotes("The fund is short of money, said Ed Rendell, who chairs the board.").front(),
            (Seen{"The fund is short of money", "indirect", "Ed Rendell", "rendell"}));
  const auto who = quotes("Voters cheered Ida Roth, who said she would run again.");
  ASSERT_EQ(who.size(), 1u);
  EXPECT_EQ(who[0].text, "she would run again");
  EXPECT_EQ(who[0].speaker, "who");
  // German puts a comma after the verb: no aside.
  const auto german = quotes("Es regnet, doch der Betreiber betont, die Anlage sei sicher.", "de");
  ASSERT_EQ(german.size(), 1u);
  EXPECT_EQ(german[0].text, "die Anlage sei sicher");
}

// Before a colon the clause's subject speaks; French pronouns riding on the auxiliary, elided
// determiners and auxiliaries before an inverted verb.
TEST(QuoteFinder, ColonsAndFrenchInversions) {
  EXPECT_EQ(quotes("Der Kapitän fand klare Worte: „Wir fahren nicht.“", "de").front().speaker,
            "Der Kapitän");
  EXPECT_EQ(quotes("« Le quai a tenu », a-t-il expliqué.", "fr").front().speaker, "a-t-il");
  EXPECT_EQ(quotes("« Le quai a tenu », a reconnu l’adjoint au maire.", "fr").front().speaker,
            "l’adjoint au maire");
  EXPECT_EQ(quotes("Le bac reprendra lundi, a indiqué la préfecture.", "fr").front(),
            (Seen{"Le bac reprendra lundi", "indirect", "la préfecture", "la préfecture"}));
}

// Japanese: a source marked by によると speaks and reports the clause after it; the subject of
// a sentence before a cue-less quote is the phrase after its last stop ("工場長の河合氏は").
TEST(QuoteFinder, JapaneseSourcesAndSubjects) {
  EXPECT_EQ(quotes("漁協によると、今年の漁獲量は半分に減った。", "ja"),
            (Seens{{"今年の漁獲量は半分に減った", "indirect", "漁協", "漁協"}}));
  const auto presented =
      quotes("船長の村瀬健氏は記者に次のように語った。「港は来月再開する」", "ja");
  ASSERT_FALSE(presented.empty());
  EXPECT_EQ(presented.back().speaker, "村瀬健氏");
}

TEST(QuoteFinder, MarkStylesAndApostrophes) {
  EXPECT_EQ(quotes("Sie sagte: „Wir schaffen das.“ Dann ging sie.", "de").front().text,
            "Wir schaffen das.");
  // A naming verb also reports what it names: "es »eine Zumutung«", then the name itself.
  EXPECT_EQ(quotes("Er nannte es »eine Zumutung«.", "de").back().text, "eine Zumutung");
  // Swiss German writes «…»: a guillemet's sides tell whether it opens or closes.
  EXPECT_EQ(quotes("«Das ist falsch», sagte Müller.", "de"),
            (Seens{{"Das ist falsch", "direct", "Müller", "müller"}}));
  EXPECT_EQ(quotes("Der Minister sagte: «Wir schaffen das.» Dann ging er.", "de").front().text,
            "Wir schaffen das.");
  EXPECT_EQ(quotes("Il a déclaré : « Nous continuerons. »", "fr").front().text,
            "Nous continuerons.");
  EXPECT_EQ(quotes("他说：“我们会继续努力。”", "zh").front().text, "我们会继续努力。");
  EXPECT_EQ(quotes("彼は「必ず行きます」と言った。", "ja").front().text, "必ず行きます");
  EXPECT_EQ(quotes("''That was not fair,'' he complained.").front().text, "That was not fair,");
  // Apostrophes are not quotes: don't, students' votes, the '90s.
  EXPECT_TRUE(quotes("The students' votes don't count since the '90s.").empty());
  EXPECT_EQ(quotes("She called it 'a mistake' and left.").back().text, "a mistake");
}

TEST(QuoteFinder, NestedAndMultiParagraphQuotes) {
  EXPECT_EQ(quotes("“He told me ‘never again’ and meant it,” she said.").size(), 2u);
  Options options;
  options.detect_structure = false;
  const Document doc = Analyzer(options).analyze(
      "“The first part of a long statement.\n\n“The second part, which ends here,” the mayor said.");
  ASSERT_EQ(doc.quotes().size(), 1u);
  EXPECT_EQ(doc.text(doc.quotes()[0].marks).substr(0, 12), "“The first");
  EXPECT_TRUE(doc.unpaired_quote_marks().empty());
  // Its parts are its words paragraph by paragraph, without the break and the reopening mark.
  ASSERT_EQ(doc.quotes()[0].parts.size(), 2u);
  EXPECT_EQ(doc.text(doc.quotes()[0].parts[0]), "The first part of a long statement.");
  EXPECT_EQ(doc.text(doc.quotes()[0].parts[1]), "The second part, which ends here,");
  // BBC style: `She said: "A.` and a paragraph reopening it, closed only at its end.
  const Document bbc =
      Analyzer(options).analyze("She said: \"We will go.\n\n\"And we will stay to the end.\"");
  ASSERT_EQ(bbc.quotes().size(), 1u);
  EXPECT_EQ(bbc.quotes()[0].parts.size(), 2u);
  EXPECT_EQ(bbc.text(bbc.quotes()[0].speaker), "She");
}

// Found by the fuzzer: a comma right before a speech verb made an inverted speaker span.
TEST(QuoteFinder, SpeakerSpansAreNeverInverted) {
  Options options;
  options.utf8_policy = Utf8Policy::kReplace;
  options.detect_structure = false;
  const std::string input("T\"lho*\"th\"a\"lls\0\n'b\xB4\"he tell, tell,Nob\"i\"lls\0\n", 46);
  const Document doc = Analyzer(options).analyze(input);
  ASSERT_FALSE(doc.quotes().empty());
  for (const auto& quote : doc.quotes()) {
    EXPECT_LE(quote.speaker.begin, quote.speaker.end);
    EXPECT_LE(quote.cue.begin, quote.cue.end);
    EXPECT_LE(quote.span.begin, quote.span.end);
  }
}

// Found by fuzz_quotes (fuzz/corpus/quotes/regression-empty-nickname.bin): an empty quote between
// the parts of a name was read back from its end (the test command runs this under ASan).
// A verb before a colon and an opening mark introduces the quote after it, not the one before;
// a Chinese verb cut into pieces ("补充|说") is the cue whole, and its first piece no speaker.
TEST(QuoteFinder, AVerbBeforeAColonIntroducesTheNextQuote) {
  const Document zh =
      analyzed("市长王海说：“我们不会放弃。”他补充说：“这个项目对城市很重要。”", "zh");
  ASSERT_EQ(zh.quotes().size(), 2u);
  EXPECT_EQ(zh.text(zh.quotes()[0].speaker), "市长王海");
  EXPECT_EQ(zh.text(zh.quotes()[0].cue), "说");
  EXPECT_EQ(zh.text(zh.quotes()[1].speaker), "他");
  EXPECT_EQ(zh.text(zh.quotes()[1].cue), "补充说");
  EXPECT_EQ(zh.text(zh.quotes()[1].speaker_name), "王海");
  EXPECT_EQ(quotes("Mayor Ana Wells said: \"We will not give up.\" She added: \"The pool "
                   "matters to the city.\""),
            (Seens{{"We will not give up.", "direct", "Mayor Ana Wells", "wells"},
                   {"The pool matters to the city.", "direct", "She", "wells"}}));
}

// Chinese: the dictionary keeps a pronoun and the preposition after it as one word ("他在"):
// the pronoun speaks, and resolves; an appositive in parentheses after a name is passed over.
TEST(QuoteFinder, ChineseSpeakersBeforeAPrepositionOrAParenthesis) {
  const Document pronoun = analyzed(
      "北风物流公司创始人孙志强周二宣布辞职。他在致员工的公开信中写道：“公司需要更年轻的人来掌舵。”",
      "zh");
  ASSERT_EQ(pronoun.quotes().size(), 1u);
  EXPECT_EQ(pronoun.text(pronoun.quotes()[0].speaker), "他");
  EXPECT_EQ(pronoun.text(pronoun.quotes()[0].speaker_name), "孙志强");
  const Document appositive =
      analyzed("“我们不会被迫仓促合并。”陈远航（交通运输部铁路司副司长）在会后对记者说。", "zh");
  ASSERT_EQ(appositive.quotes().size(), 1u);
  EXPECT_EQ(appositive.text(appositive.quotes()[0].speaker), "陈远航");
  // "我的朋友" is "my friend": a pronoun before 的 is no speaker of its own.
  const Document possessive = analyzed("我的朋友在会上说：“合作很顺利。”", "zh");
  ASSERT_EQ(possessive.quotes().size(), 1u);
  EXPECT_EQ(possessive.text(possessive.quotes()[0].speaker), "我的朋友");
  const Document his = analyzed("他的助手说：“合作很顺利。”", "zh");  // "他的" is one word
  ASSERT_EQ(his.quotes().size(), 1u);
  EXPECT_EQ(his.text(his.quotes()[0].speaker), "他的助手");
}

TEST(QuoteFinder, EmptyQuoteInsideANameIsRead) {
  const std::string text = "\" he said a déclaré„\"\"\"\"Anna Ruiz」„\"\"It's\"";
  for (const char* lang : {"ja", "en", "de"}) {
    for (const Seen& seen : quotes(text, lang)) EXPECT_LE(seen.text.size(), text.size());
  }
}

TEST(QuoteFinder, UnbalancedMarksStayInTheirParagraph) {
  Options options;
  options.detect_structure = false;
  const Analyzer analyzer(options);
  const Document doc =
      analyzer.analyze("He said “this never closes.\n\nA later paragraph with “a quote” in it.");
  ASSERT_EQ(doc.quotes().size(), 1u);
  EXPECT_EQ(doc.text(doc.quotes()[0].span), "a quote");
  EXPECT_EQ(doc.unpaired_quote_marks().size(), 1u);
  // Pathological: many unmatched marks, many pairs in one sentence, one giant quote.
  const Document marks = analyzer.analyze(std::string(100000, '"'));
  EXPECT_LE(marks.quotes().size(), 50000u);
  std::string pairs;
  for (int i = 0; i < 20000; ++i) pairs += "\"a\" said ";
  EXPECT_EQ(analyzer.analyze(pairs).quotes().size() >= 20000u, true);
  const Document giant = analyzer.analyze("“" + std::string(1000000, 'x') + "”");
  ASSERT_EQ(giant.quotes().size(), 1u);
  EXPECT_EQ(giant.quotes()[0].span.size(), 1000000u);
}

}  // namespace
}  // namespace presslens
