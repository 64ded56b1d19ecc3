#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"

// The standards a local audit is measured against, and its results for each: the audit
// cycle's "criteria and standards" (HQIP, Best Practice in Clinical Audit, 2020). A
// criterion states what should happen ("Patients with suspected sepsis receive antibiotics
// within one hour"), the percentage of cases that should meet it, and the cases the standard
// does not apply to; the audit's result for it is cases met out of cases applicable.
namespace clinaudit::domain {

struct Criterion {
  CriterionId id;
  AuditId audit_id;
  int position = 0;  // 1, 2, ... in the audit's order; the store sets it
  std::string statement;
  double target_percent = 100;  // in [0, 100]
  std::string exceptions;       // cases excluded from the standard, as the audit team wrote them
  // The audit's result: both present or both absent, 0 <= met <= applicable.
  std::optional<std::int64_t> met;
  std::optional<std::int64_t> applicable;

  bool has_result() const { return met.has_value() && applicable.has_value(); }
};

// The longest statement and exceptions text a criterion keeps.
inline constexpr std::size_t kMaxCriterionText = 2000;

// A statement (not blank, at most kMaxCriterionText characters), exceptions of at most as
// many, a target in [0, 100], and a result that is whole (both counts or neither) with
// 0 <= met <= applicable. Pure. Errors: invalid_input naming the field ("statement: ...",
// "target_percent: ...", "met: ...", "applicable: ...").
Result<void> check(const Criterion& row);

// The key two criteria are matched by between an audit and its re-audit: the statement with
// its runs of spaces made one, its ends trimmed and its letters in lower case, so that
// "Consent  recorded" and "consent recorded " are the same standard. Pure.
std::string criterion_match_key(std::string_view statement);

}  // namespace clinaudit::domain
