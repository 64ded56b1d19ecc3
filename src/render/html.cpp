#include "render/html.hpp"

#include "render/svg_writer.hpp"

namespace clinaudit::render {

Html Html::escaped(std::string_view text) { return Html(xml_escape(text)); }

void Html::append_escaped(std::string_view text) { text_ += xml_escape(text); }

Html Html::without_style_elements() const {
  constexpr std::string_view kOpen = "<style>";
  constexpr std::string_view kClose = "</style>";
  std::string out = text_;
  for (auto start = out.find(kOpen); start != std::string::npos; start = out.find(kOpen, start)) {
    const auto end = out.find(kClose, start);
    if (end == std::string::npos) break;
    out.erase(start, end + kClose.size() - start);
  }
  return Html(std::move(out));
}

namespace detail {

Html format_html(CheckedFormat format, fmt::format_args args) {
  return Html(fmt::vformat(fmt::string_view(format.view().data(), format.view().size()), args));
}

}  // namespace detail

}  // namespace clinaudit::render
