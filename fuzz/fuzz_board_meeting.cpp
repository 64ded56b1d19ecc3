// libFuzzer target for a board meeting as JSON: the body of POST /api/board-meetings and the
// file of `clinaudit board record` (http::read_board_meeting_json), then the domain's check
// (domain::check_board_meeting) against one organisation's records. Any input must give a
// draft or problems, never a crash; every problem names its field and says something; a
// meeting accepted refers only to the organisation's own records.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/board_meeting_check.hpp"
#include "http/board_meeting_json.hpp"

namespace {

using namespace clinaudit;

const domain::BoardReferences& references() {
  static const domain::BoardReferences refs = [] {
    domain::BoardReferences r;
    r.organisation = OrganisationId{1};
    domain::ReportReview review;
    review.id = ReportReviewId{3};
    review.organisation_id = r.organisation;
    review.published_on = Date::parse("2025-10-09").value();
    r.reviews.push_back(review);
    domain::OutlierCase flagged;
    flagged.id = OutlierCaseId{4};
    flagged.organisation_id = r.organisation;
    r.outlier_cases.push_back(flagged);
    domain::Action action;
    action.id = ActionId{5};
    action.organisation_id = r.organisation;
    r.actions.push_back(action);
    domain::User user;
    user.id = UserId{6};
    user.organisation_id = r.organisation;
    user.active = true;
    r.users.push_back(user);
    return r;
  }();
  return refs;
}

void check_problems(const std::vector<domain::FieldProblem>& problems) {
  for (const auto& problem : problems) {
    if (problem.message.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto read = http::read_board_meeting_json(text);
  check_problems(read.problems);
  if (!read.problems.empty()) return 0;
  const auto checked = domain::check_board_meeting(read.draft, references(), Date::parse("2026-01-15").value());
  check_problems(checked.problems);
  if (!checked.problems.empty()) return 0;
  for (const auto& item : checked.record.items) {
    if (item.kind == domain::BoardItemKind::report_review && item.ref_id != 3) __builtin_trap();
    if (item.kind == domain::BoardItemKind::outlier_case && item.ref_id != 4) __builtin_trap();
    if (item.kind == domain::BoardItemKind::action && item.ref_id != 5) __builtin_trap();
  }
  for (const auto& action : checked.record.actions) {
    if (action.organisation_id != references().organisation) __builtin_trap();
    if (action.owner && action.owner->value != 6) __builtin_trap();
  }
  return 0;
}
