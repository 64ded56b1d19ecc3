#include "render/share_bar_chart.hpp"

#include "core/number_format.hpp"
#include "render/svg_writer.hpp"

namespace clinaudit::render {
namespace {

constexpr double kWidth = 640;
constexpr double kLabelWidth = 210;
constexpr double kBarArea = 330;
constexpr double kRow = 30;
constexpr double kTop = 34;

std::string percent(double share) { return format_fixed(share * 100.0, 0) + "%"; }

}  // namespace

std::string share_bar_chart(std::string_view title, const std::vector<ShareBar>& bars) {
  const double height = kTop + kRow * static_cast<double>(bars.size()) + 28;
  SvgWriter svg(kWidth, height, title);
  svg.raw(
      "<style>.bar{fill:#005eb8}.whisker{stroke:#212b32;stroke-width:1.5}.axis{stroke:#aeb7bd}"
      ".label,.value,.title,.tick{font-family:Arial,sans-serif;fill:#212b32}.label,.value{font-size:13px}"
      ".title{font-size:15px;font-weight:bold}.tick{font-size:11px;fill:#4c6272}</style>");
  svg.text(0, 18, title, "title");
  const double x0 = kLabelWidth;
  for (int tick = 0; tick <= 100; tick += 25) {
    const double x = x0 + kBarArea * tick / 100.0;
    svg.line(x, kTop - 6, x, height - 24, "axis");
    svg.text(x, height - 8, std::to_string(tick) + "%", "tick", "middle");
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    svg.text(kLabelWidth - 8, y + 16, bar.label, "label", "end");
    const std::string hover = bar.label + ": " + percent(bar.share) + " (" + std::to_string(bar.count) + " of " +
                              std::to_string(bar.total) + "; 95% CI " + percent(bar.interval.lower) + " to " +
                              percent(bar.interval.upper) + ")";
    svg.raw("<g tabindex=\"0\"><title>" + xml_escape(hover) + "</title>");
    svg.rect(x0, y + 4, kBarArea * bar.share, kRow - 10, "bar");
    const double lo = x0 + kBarArea * bar.interval.lower;
    const double hi = x0 + kBarArea * bar.interval.upper;
    const double mid = y + kRow / 2 - 1;
    svg.line(lo, mid, hi, mid, "whisker");
    svg.line(lo, mid - 5, lo, mid + 5, "whisker");
    svg.line(hi, mid - 5, hi, mid + 5, "whisker");
    svg.raw("</g>");
    svg.text(x0 + kBarArea + 8, y + 16,
             percent(bar.share) + "  (" + std::to_string(bar.count) + "/" + std::to_string(bar.total) + ")", "value");
  }
  return svg.finish();
}

}  // namespace clinaudit::render
