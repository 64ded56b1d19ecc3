#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/quality_account.hpp"
#include "render/html.hpp"
#include "report/text_document.hpp"

namespace clinaudit::report {

// The Quality Account clinical audit section: only the words the Quality Account carries —
// the statements of the NHS (Quality Accounts) Regulations 2010, Schedule, Part 2, the three
// lists, the reviews and intended actions — with an empty list worded as a statement ("No
// local clinical audit reports were reviewed by the provider in 2025/26."). Nothing about
// the deadline or the records' gaps: those are quality_account_notes. Deterministic.
TextDocument quality_account_text(const domain::QualityAccountStatement& statement);

// The section as Markdown, ready to paste into the provider's document.
std::string quality_account_markdown(const domain::QualityAccountStatement& statement);

// The section as an HTML fragment (a <section>), for the page and the board pack.
render::Html quality_account_html(const domain::QualityAccountStatement& statement);

// The section as a Word document (.docx bytes), as Quality Accounts are assembled in Word.
// Errors: internal when the document cannot be zipped.
Result<std::string> quality_account_docx(const domain::QualityAccountStatement& statement);

// What the audit manager must know before publishing, which is not the Quality Account's
// text: the organisation and period, the 30 June deadline counted from `today` ("Due by
// 2026-06-30: 10 days remaining."), and each gap in the records. One line each, the gaps
// after a line that says they are not counted.
std::vector<std::string> quality_account_notes(const domain::QualityAccountStatement& statement, Date today);

// The same notes as HTML, for the page around the section and the board pack.
render::Html quality_account_notes_html(const domain::QualityAccountStatement& statement, Date today);

}  // namespace clinaudit::report
