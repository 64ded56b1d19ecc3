#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/outlier_letters.hpp"
#include "report/text_document.hpp"

namespace clinaudit::report {

// A letter of the outlier process, filled in from its template: the shipped text of
// data/outlier-letters/<letter>.txt (a "Subject:" line, then the letter, each line of text a
// paragraph) with the case's facts in place of its {names}: {date}, {organisation},
// {chief_executive}, {salutation}, {audit}, {measure}, {period}, {level}, {value}, {limit},
// {limit_words}, {direction}, {stage}, {due} (the current stage's deadline), {reply_by}
// (OutlierLetterFacts::reply_by), {case} and {from}.
struct FilledLetter {
  std::string subject;
  TextDocument document;  // the subject as its heading, then the letter's paragraphs
};

// Errors: internal when a template names something that is not a fact (a shipped template
// that does not fit the code: a test reads every one).
Result<FilledLetter> outlier_letter(domain::OutlierLetter letter, const domain::OutlierLetterFacts& facts);

// The file name of the letter's download: "outlier-case-12-notification.docx".
std::string outlier_letter_file(domain::OutlierLetter letter, const domain::OutlierLetterFacts& facts);

// The letter as a Word document (docx_writer.hpp). Errors: those of outlier_letter and docx_bytes.
Result<std::string> outlier_letter_docx(domain::OutlierLetter letter, const domain::OutlierLetterFacts& facts);

}  // namespace clinaudit::report
