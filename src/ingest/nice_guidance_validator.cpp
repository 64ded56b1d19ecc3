// The import kind of a trust's NICE guidance register (docs/csv-import.md, "nice-guidance"):
// one row per recommendation, the rows of one reference grouped into one piece of guidance.
#include <map>
#include <set>

#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/row_reader.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t {
  kReference,
  kTitle,
  kPublished,
  kApplicability,
  kNote,
  kLead,
  kDivision,
  kReviewDue,
  kLabel,
  kText
};

// The applicability as people write it: "Applicable", "not applicable", "To be assessed", or
// yes and no under a column headed "Applicable?".
std::optional<domain::Applicability> applicability_of(std::string_view text) {
  const std::string word = normalise_name(text);
  if (word == "applicable" || word == "applies" || word == "yes" || word == "y") {
    return domain::Applicability::applicable;
  }
  if (word == "not_applicable" || word == "does_not_apply" || word == "no" || word == "n") {
    return domain::Applicability::not_applicable;
  }
  if (word == "to_be_assessed" || word == "not_yet_assessed" || word == "not_assessed" || word == "tba") {
    return domain::Applicability::to_be_assessed;
  }
  return std::nullopt;
}

// "NG136", "ng136" or "NG 136": NICE's reference with the spaces people put in it dropped.
std::optional<std::pair<domain::GuidanceType, int>> reference_of(std::string_view text) {
  std::string compact;
  for (const char c : text) {
    if (c != ' ') compact += c;
  }
  return domain::parse_guidance_reference(compact);
}

// The user a lead's name means: the one whose e-mail it is, else the only one of that name.
const domain::User* lead_user(const std::vector<domain::User>& leads, std::string_view name) {
  const std::string wanted = normalise_name(name);
  const domain::User* by_name = nullptr;
  int named = 0;
  for (const auto& user : leads) {
    if (normalise_name(user.email) == wanted) return &user;
    if (!user.display_name.empty() && normalise_name(user.display_name) == wanted) {
      by_name = &user;
      ++named;
    }
  }
  return named == 1 ? by_name : nullptr;
}

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

// The division named in the current row, reported (with the divisions there are) when the
// trust has no such current division.
std::optional<TrustUnitId> division_of(RowReader& rows, const std::vector<domain::TrustUnit>& divisions) {
  const auto text = rows.text(kDivision);
  if (!text) return std::nullopt;
  std::vector<std::string> current;
  for (const auto& unit : divisions) {
    if (unit.is_specialty()) continue;
    if (normalise_name(unit.name) == normalise_name(*text)) {
      if (!unit.retired) return unit.id;
      rows.problem(kDivision, "is a retired division; guidance goes to a current one");
      return std::nullopt;
    }
    if (!unit.retired) current.push_back(unit.name);
  }
  rows.problem(kDivision, current.empty()
                              ? "is not a division of your organisation, which has none yet (add them "
                                "on Divisions and specialties, from the local audit register)"
                              : "is not a division of your organisation (expected " + listed(current) + ")");
  return std::nullopt;
}

// The guidance's own columns as one row gives them, to compare a later row with its first.
struct GuidanceCells {
  std::string title;
  Date published_on;
  domain::Applicability applicability = domain::Applicability::to_be_assessed;
  std::string note;
  std::string lead;
  std::optional<TrustUnitId> division;
  std::optional<Date> review_due;
};

// One piece of guidance being read: its record, its first row's cells and its labels.
struct Grouped {
  std::size_t record = 0;
  std::int64_t first_row = 0;
  GuidanceCells cells;
  std::map<std::string, std::int64_t> labels;  // label -> the row that gave it
};

void compare_with_first(RowReader& rows, const Grouped& group, const GuidanceCells& cells) {
  const std::string first = " on this guidance's first row (row " + std::to_string(group.first_row) + ")";
  const auto& was = group.cells;
  if (cells.title != was.title) rows.problem(kTitle, "differs from the title" + first);
  if (cells.published_on != was.published_on) {
    rows.problem(kPublished, "differs from the date" + first + ", " + was.published_on.to_string());
  }
  if (cells.applicability != was.applicability) {
    rows.problem(kApplicability, "differs from the applicability" + first + ", " +
                                     std::string(domain::display_name(was.applicability)));
  }
  if (cells.note != was.note) rows.problem(kNote, "differs from the note" + first);
  if (cells.lead != was.lead) rows.problem(kLead, "differs from the lead" + first);
  if (cells.division != was.division) rows.problem(kDivision, "differs from the division" + first);
  if (cells.review_due != was.review_due) rows.problem(kReviewDue, "differs from the review date" + first);
}

}  // namespace

Validated<domain::NiceGuidance> validate_nice_guidance(std::istream& input, const NiceRegisterSetting& trust,
                                                       const ValidationOptions& options) {
  Validated<domain::NiceGuidance> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"reference", true, "nice_reference guidance_reference reference_number"},
                  {"title", true, "guidance_title"},
                  {"published_on", true, "published publication_date date_published"},
                  {"applicability", false, "applicable applies"},
                  {"applicability_note", false, "note applicability_notes"},
                  {"lead", false, "lead_name guidance_lead"},
                  {"division", false, "division_name directorate"},
                  {"review_due", false, "review_date next_review"},
                  {"recommendation", false, "recommendation_number recommendation_label label"},
                  {"recommendation_text", false, "text"}},
                 out.report);
  std::set<std::string> registered;
  for (const auto& guidance : trust.existing) registered.insert(guidance.reference());
  std::map<std::string, Grouped> in_file;  // reference -> the guidance read so far
  std::set<std::string> refused;           // references already in the register, reported once
  while (rows.next()) {
    const auto reference_text = rows.text(kReference);
    const auto reference = reference_text ? reference_of(*reference_text) : std::nullopt;
    if (reference_text && !reference) {
      rows.problem(kReference,
                   "is not a NICE reference (expected its letters and number, such as NG136, CG95, QS15, TA123 or "
                   "IPG642)");
    }
    GuidanceCells cells;
    cells.title = std::string(rows.text(kTitle).value_or(""));
    const auto published = rows.date(kPublished);
    bool readable = reference && !cells.title.empty() && published;
    if (const auto text = rows.text(kApplicability)) {
      if (const auto parsed = applicability_of(*text)) {
        cells.applicability = *parsed;
      } else {
        rows.problem(kApplicability, "is not an applicability (expected applicable, not applicable or to be assessed)");
        readable = false;
      }
    }
    cells.note = std::string(rows.text(kNote).value_or(""));
    if (cells.applicability == domain::Applicability::not_applicable && cells.note.empty()) {
      rows.problem(kNote,
                   "is empty, but the guidance is not applicable: say why it does not apply to the trust's "
                   "services");
    }
    cells.lead = std::string(rows.text(kLead).value_or(""));
    cells.division = division_of(rows, trust.divisions);
    if (rows.has(kDivision) && !rows.cell(kDivision).empty() && !cells.division) readable = false;
    cells.review_due = rows.date(kReviewDue);
    if (rows.has(kReviewDue) && !rows.cell(kReviewDue).empty() && !cells.review_due) readable = false;
    if (published && cells.review_due && *cells.review_due < *published) {
      rows.problem(kReviewDue, "is before the guidance was published (" + published->to_string() + ")");
    }
    const std::string label(rows.text(kLabel).value_or(""));
    const std::string text(rows.text(kText).value_or(""));
    if (!label.empty() && text.empty()) {
      rows.problem(kText, "is empty but " + std::string(rows.name(kLabel)) + " is given: give both or neither");
    }
    if (label.empty() && !text.empty()) {
      rows.problem(kLabel, "is empty but " + std::string(rows.name(kText)) + " is given: give both or neither");
    }
    if (!readable) continue;

    const std::string key = domain::guidance_reference(reference->first, reference->second);
    if (registered.contains(key)) {
      if (refused.insert(key).second) {
        rows.problem(kReference, "is already in the register; edit it on its page");
      }
      continue;
    }
    auto found = in_file.find(key);
    if (found == in_file.end()) {
      domain::NiceGuidance guidance;
      guidance.organisation_id = trust.organisation;
      guidance.type = reference->first;
      guidance.number = reference->second;
      guidance.title = cells.title;
      guidance.published_on = *published;
      guidance.applicability = cells.applicability;
      guidance.applicability_note = cells.note;
      guidance.lead_name = cells.lead;
      if (const auto* user = cells.lead.empty() ? nullptr : lead_user(trust.leads, cells.lead)) {
        guidance.lead = user->id;
        guidance.lead_name = user->display_name.empty() ? user->email : user->display_name;
      }
      guidance.division = cells.division;
      guidance.review_due = cells.review_due;
      cells.published_on = *published;
      found = in_file.emplace(key, Grouped{out.records.size(), rows.row(), cells, {}}).first;
      out.records.push_back(std::move(guidance));
    } else {
      cells.published_on = *published;
      compare_with_first(rows, found->second, cells);
    }
    if (label.empty() || text.empty()) continue;
    auto& group = found->second;
    if (const auto [given, fresh] = group.labels.emplace(label, rows.row()); !fresh) {
      rows.problem(kLabel, "repeats recommendation " + label + " of " + key + ", already given on row " +
                               std::to_string(given->second));
      continue;
    }
    out.records[group.record].recommendations.push_back(domain::NiceRecommendation{{}, label, text});
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
