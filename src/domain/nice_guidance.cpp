#include "domain/nice_guidance.hpp"

#include <cctype>
#include <charconv>

#include "domain/enum_text.hpp"

namespace clinaudit::domain {
namespace {

constexpr EnumTable<GuidanceType, 5> kTypes{{{GuidanceType::ng, "NG"},
                                             {GuidanceType::cg, "CG"},
                                             {GuidanceType::qs, "QS"},
                                             {GuidanceType::ta, "TA"},
                                             {GuidanceType::ipg, "IPG"}}};
constexpr EnumTable<GuidanceType, 5> kTypeWords{{{GuidanceType::ng, "NICE guideline"},
                                                 {GuidanceType::cg, "Clinical guideline"},
                                                 {GuidanceType::qs, "Quality standard"},
                                                 {GuidanceType::ta, "Technology appraisal"},
                                                 {GuidanceType::ipg, "Interventional procedures guidance"}}};
constexpr EnumTable<Applicability, 3> kApplicability{{{Applicability::to_be_assessed, "to_be_assessed"},
                                                      {Applicability::applicable, "applicable"},
                                                      {Applicability::not_applicable, "not_applicable"}}};
constexpr EnumTable<Applicability, 3> kApplicabilityWords{{{Applicability::to_be_assessed, "To be assessed"},
                                                           {Applicability::applicable, "Applicable"},
                                                           {Applicability::not_applicable, "Not applicable"}}};

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view to_string(GuidanceType type) { return enum_text(kTypes, type); }
std::optional<GuidanceType> parse_guidance_type(std::string_view text) { return enum_from_text(kTypes, upper(text)); }
std::string_view display_name(GuidanceType type) { return enum_text(kTypeWords, type); }
std::string_view to_string(Applicability applicability) { return enum_text(kApplicability, applicability); }
std::optional<Applicability> parse_applicability(std::string_view text) { return enum_from_text(kApplicability, text); }
std::string_view display_name(Applicability applicability) { return enum_text(kApplicabilityWords, applicability); }

std::string guidance_reference(GuidanceType type, int number) {
  return std::string(to_string(type)) + std::to_string(number);
}

std::optional<std::pair<GuidanceType, int>> parse_guidance_reference(std::string_view text) {
  std::size_t letters = 0;
  while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters])) != 0) ++letters;
  const auto type = parse_guidance_type(text.substr(0, letters));
  if (!type || letters == text.size()) return std::nullopt;
  int number = 0;
  const auto* first = text.data() + letters;
  const auto* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, number);
  if (error != std::errc() || end != last || number < 1) return std::nullopt;
  return std::pair{*type, number};
}

Result<void> check(const NiceGuidance& row) {
  if (row.number < 1) return invalid_input("NICE guidance needs its number");
  if (row.title.empty()) return invalid_input("NICE guidance " + row.reference() + " needs its title");
  if (row.lead && row.lead_name.empty())
    return invalid_input("NICE guidance " + row.reference() + " needs its lead's name");
  for (const auto& recommendation : row.recommendations) {
    if (recommendation.label.empty() || recommendation.text.empty()) {
      return invalid_input("each recommendation of NICE guidance " + row.reference() +
                           " needs its number and its text");
    }
  }
  return {};
}

Result<void> check(const NiceAssessment& row) {
  if (row.evidence.empty()) return invalid_input("an assessment needs its evidence");
  if (row.assessed_at.empty()) return invalid_input("an assessment needs its time");
  return {};
}

}  // namespace clinaudit::domain
