// A speaker's quotation interrupted by its attribution is one quotation: “A,” he said, “B.”
#pragma once

#include <vector>

#include "presslens/document.hpp"
#include "presslens/quotes.hpp"

namespace presslens::detail {

// How many words may interrupt a quotation and still leave it one: "he said", or a long
// appositive ("said Skip Rutherford, a longtime Clinton loyalist and dean of the ... School of
// Public Service, who has known the Clintons for decades.").
constexpr std::uint32_t kInterruptionWords = 40;

// Joins each direct quote to the next one of the same speaker in the same paragraph when only
// their attribution (or nothing) stands between them: the first takes the second's words as a
// further part and its closing mark; quotes nested inside either, and reported speech between
// them, are kept as they are.
// `quotes` is in text order.
void join_continued_quotes(const Document& document, std::vector<Quote>& quotes);

// A quotation that runs over several paragraphs (the next paragraph reopening it: `She said:
// "A.` / `"B."`) is one quote whose parts are its words paragraph by paragraph, without the
// line breaks and the reopening marks between them.
void split_at_paragraphs(const Document& document, std::vector<Quote>& quotes);

}  // namespace presslens::detail
