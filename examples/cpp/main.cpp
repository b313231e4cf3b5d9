// Analyses one article file and prints its sentences with byte and code-point offsets.
//   presslens_example article.txt [lang]
#include <fstream>
#include <iostream>
#include <presslens/presslens.hpp>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FILE [LANG]\n";
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 1;
  }
  std::stringstream contents;
  contents << file.rdbuf();

  try {
    presslens::Options options;
    if (argc > 2) options.lang = argv[2];
    const presslens::Analyzer analyzer(options);
    const presslens::Document doc = analyzer.analyze(contents.str());

    std::cout << "presslens " << presslens::version() << "\n"
              << "paragraphs: " << doc.paragraphs().size() << "\n"
              << "sentences: " << doc.sentences().size() << "\n";
    for (const presslens::Sentence& sentence : doc.sentences()) {
      std::cout << "[" << sentence.span.begin << "," << sentence.span.end << ") code points ["
                << doc.to_code_points(sentence.span.begin) << ","
                << doc.to_code_points(sentence.span.end) << ") " << doc.text(sentence.span) << "\n";
    }
  } catch (const presslens::Error& error) {
    std::cerr << "presslens: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
