// Everything presslens offers, in one include.
#pragma once

#include "presslens/analyzer.hpp"
#include "presslens/claims.hpp"
#include "presslens/corpus.hpp"
#include "presslens/document.hpp"
#include "presslens/error.hpp"
#include "presslens/html.hpp"
#include "presslens/keywords.hpp"
#include "presslens/language.hpp"
#include "presslens/language_id.hpp"
#include "presslens/paragraphs.hpp"
#include "presslens/quotes.hpp"
#include "presslens/sentences.hpp"
#include "presslens/structure.hpp"
#include "presslens/text.hpp"
#include "presslens/tokens.hpp"
#include "presslens/version.hpp"
