#include "domain/survey_results.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

namespace clinaudit::domain {
namespace {

std::vector<std::string> split_choices(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find(';', start);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto first = part.find_first_not_of(' ');
    const auto last = part.find_last_not_of(' ');
    if (first != std::string::npos) out.push_back(part.substr(first, last - first + 1));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

const std::string* answer_to(const SurveyResponse& response, const std::string& code) {
  for (const auto& [question, answer] : response.answers) {
    if (question == code && !answer.empty()) return &answer;
  }
  return nullptr;
}

Result<ShareResult> share(std::string label, std::int64_t count, std::int64_t total, double level) {
  ShareResult result{
      std::move(label), count, total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0, {}};
  if (total == 0) return result;
  CLINAUDIT_TRY(const auto interval,
                stats::wilson_interval(static_cast<double>(count), static_cast<double>(total), level));
  result.interval = interval;
  return result;
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string group_label(const std::vector<std::string>& options, std::size_t from, std::size_t to) {
  std::string label = options[from];
  for (std::size_t i = from + 1; i < to; ++i) label += (i + 1 == to ? " or " : ", ") + lower_first(options[i]);
  return label;
}

// The test of independence of one table, remembered: the exact test of a large table lists
// millions of ways to fill half of it, and the survey page, its CSV, its workbook and the next
// wave's page all ask for the same tables until an answer arrives. The test is a function of the counts alone, so a
// remembered answer is never stale. Bounded: forgotten all at once when full.
std::optional<stats::IndependenceTest> independence_of(const std::vector<std::vector<std::int64_t>>& table) {
  static std::mutex mutex;
  static std::map<std::vector<std::vector<std::int64_t>>, std::optional<stats::IndependenceTest>> known;
  constexpr std::size_t kMostRemembered = 512;
  {
    const std::lock_guard lock(mutex);
    if (const auto found = known.find(table); found != known.end()) return found->second;
  }
  auto test = stats::test_independence(table);
  std::optional<stats::IndependenceTest> answer;
  if (test) answer = *test;  // too few answers is not an error: no test shown
  const std::lock_guard lock(mutex);
  if (known.size() >= kMostRemembered) known.clear();
  known.emplace(table, answer);
  return answer;
}

}  // namespace

Result<SurveyResults> summarise_survey(const Survey& survey, const std::vector<SurveyResponse>& responses,
                                       double level) {
  if (!(level > 0 && level < 1)) return Error{ErrorCode::invalid_input, "confidence level must be in (0, 1)"};
  SurveyResults results;
  results.survey = survey;
  results.respondents = static_cast<std::int64_t>(responses.size());
  std::set<OrganisationType> type_set;
  for (const auto& response : responses) {
    if (response.organisation_type) type_set.insert(*response.organisation_type);
  }
  const std::vector<OrganisationType> types(type_set.begin(), type_set.end());

  for (const auto& question : survey.questions) {
    QuestionResult result;
    result.question = question;
    const bool choice = question.kind == QuestionKind::single_choice || question.kind == QuestionKind::likert ||
                        question.kind == QuestionKind::multiple_choice;
    std::vector<std::int64_t> counts(question.options.size(), 0);
    result.types = types;
    result.counts_by_type.assign(question.options.size(), std::vector<std::int64_t>(types.size(), 0));
    std::vector<double> numbers;
    for (const auto& response : responses) {
      const std::string* answer = answer_to(response, question.code);
      if (answer == nullptr) continue;
      if (question.kind == QuestionKind::free_text) {
        result.texts.push_back(*answer);
        ++result.answered;
        continue;
      }
      if (question.kind == QuestionKind::number) {
        double value = 0;
        const auto [end, ec] = std::from_chars(answer->data(), answer->data() + answer->size(), value);
        if (ec == std::errc() && end == answer->data() + answer->size() && std::isfinite(value)) {
          numbers.push_back(value);
          ++result.answered;
        }
        continue;
      }
      if (!choice) continue;
      const auto chosen =
          question.kind == QuestionKind::multiple_choice ? split_choices(*answer) : std::vector<std::string>{*answer};
      bool counted = false;
      for (const auto& option : chosen) {
        const auto it = std::find(question.options.begin(), question.options.end(), option);
        if (it == question.options.end()) continue;
        const auto index = static_cast<std::size_t>(it - question.options.begin());
        ++counts[index];
        counted = true;
        if (response.organisation_type) {
          const auto type_index = static_cast<std::size_t>(
              std::find(types.begin(), types.end(), *response.organisation_type) - types.begin());
          ++result.counts_by_type[index][type_index];
        }
      }
      if (counted) ++result.answered;
    }
    for (std::size_t i = 0; i < question.options.size(); ++i) {
      CLINAUDIT_TRY(auto option, share(question.options[i], counts[i], result.answered, level));
      result.options.push_back(std::move(option));
    }
    if (question.kind == QuestionKind::likert && question.options.size() >= 4) {
      const std::size_t half = question.options.size() / 2;
      std::int64_t low = 0;
      std::int64_t high = 0;
      for (std::size_t i = 0; i < question.options.size(); ++i) (i < half ? low : high) += counts[i];
      auto lower = share(group_label(question.options, 0, half), low, result.answered, level);
      auto upper = share(group_label(question.options, half, question.options.size()), high, result.answered, level);
      if (!lower || !upper) return Error{ErrorCode::internal, "grouping a Likert scale failed"};
      result.groups = {std::move(*lower), std::move(*upper)};
    }
    if (choice && question.kind != QuestionKind::multiple_choice && types.size() >= 2) {
      result.by_type_test = independence_of(result.counts_by_type);
    }
    if (!numbers.empty()) {
      double sum = 0;
      for (const auto x : numbers) sum += x;
      result.mean = sum / static_cast<double>(numbers.size());
      std::sort(numbers.begin(), numbers.end());
      const std::size_t mid = numbers.size() / 2;
      result.median = numbers.size() % 2 == 1 ? numbers[mid] : (numbers[mid - 1] + numbers[mid]) / 2;
    }
    results.questions.push_back(std::move(result));
  }
  return results;
}

Result<std::vector<WaveChange>> compare_waves(const SurveyResults& earlier, const SurveyResults& later, double level) {
  std::vector<WaveChange> changes;
  for (const auto& before : earlier.questions) {
    for (const auto& after : later.questions) {
      if (after.question.code != before.question.code) continue;
      const auto compare = [&](const std::vector<ShareResult>& a, const std::vector<ShareResult>& b) -> Result<void> {
        for (const auto& x : a) {
          for (const auto& y : b) {
            if (x.label != y.label || before.answered == 0 || after.answered == 0) continue;
            CLINAUDIT_TRY(
                const auto difference,
                stats::newcombe_difference(static_cast<double>(y.count), static_cast<double>(after.answered),
                                           static_cast<double>(x.count), static_cast<double>(before.answered), level));
            changes.push_back(WaveChange{before.question.code, x.label, x, y, difference});
          }
        }
        return {};
      };
      CLINAUDIT_TRY_VOID(compare(before.groups, after.groups));
      CLINAUDIT_TRY_VOID(compare(before.options, after.options));
    }
  }
  return changes;
}

}  // namespace clinaudit::domain
