#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace clinaudit {

// A column of numbers kept in the narrowest of three forms that holds every value exactly:
// whole numbers from -128 to 127 take one byte each, from -32768 to 32767 two, and any other
// value (a fraction, a larger number, negative zero, a NaN) makes the whole column doubles.
// A national episode file's covariates are flags, counts and ages: as doubles they were most
// of the memory of a 10-million-episode model, and reading them most of each pass of its fit.
// A value reads back as the double it was; the column widens itself when a value needs it.
// Value type.
class CompactNumbers {
 public:
  enum class Form : std::uint8_t { bytes, shorts, doubles };

  CompactNumbers() = default;
  CompactNumbers(std::initializer_list<double> values) {
    for (const double value : values) push_back(value);
  }
  // The narrowest form that holds `values` (kept as they are when that is doubles).
  CompactNumbers(std::vector<double> values);  // NOLINT(google-explicit-constructor): a column is its values

  Form form() const { return form_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  double operator[](std::size_t i) const {
    switch (form_) {
      case Form::bytes: return bytes_[i];
      case Form::shorts: return shorts_[i];
      case Form::doubles: break;
    }
    return doubles_[i];
  }

  // Inlined where a file's values are read (a call for each of a national file's hundred
  // million values was a tenth of the reading): the usual cases here, the rest (two-byte
  // values and widening) out of line.
  [[gnu::always_inline]] void push_back(double value) {
    if (form_ == Form::bytes ? fits_bytes(value) : form_ == Form::doubles) {
      if (form_ == Form::bytes) {
        bytes_.push_back(static_cast<std::int8_t>(value));
      } else {
        doubles_.push_back(value);
      }
      ++size_;
      return;
    }
    push_back_otherwise(value);
  }

  // Room for `count` values in the present form.
  void reserve(std::size_t count);
  // Empties the column (back to the narrowest form), keeping the memory of each form.
  void clear();
  // Adds `other`'s values at the end, widening this column first when `other` is wider.
  void append(const CompactNumbers& other);
  std::vector<double> to_doubles() const;

  // A whole number below 2^53 in magnitude (a double exactly): as push_back(double(value)),
  // without the conversion when it fits a byte.
  [[gnu::always_inline]] void push_back_whole(std::int64_t value) {
    if (form_ == Form::bytes && value >= -128 && value <= 127) {
      bytes_.push_back(static_cast<std::int8_t>(value));
      ++size_;
      return;
    }
    push_back(static_cast<double>(value));
  }

  // Values [begin, begin + count) as doubles, into `out`. Inline, so that a caller compiled for
  // wider vector instructions converts with them.
  void copy_to(std::size_t begin, std::size_t count, double* out) const {
    switch (form_) {
      case Form::bytes:
        for (std::size_t i = 0; i < count; ++i) out[i] = bytes_[begin + i];
        return;
      case Form::shorts:
        for (std::size_t i = 0; i < count; ++i) out[i] = shorts_[begin + i];
        return;
      case Form::doubles: break;
    }
    for (std::size_t i = 0; i < count; ++i) out[i] = doubles_[begin + i];
  }

  friend bool operator==(const CompactNumbers& a, const CompactNumbers& b);

 private:
  static bool whole_in(double value, double lowest, double highest) {
    if (!(value >= lowest && value <= highest)) return false;  // also a NaN
    const auto whole = static_cast<std::int32_t>(value);
    return static_cast<double>(whole) == value && (whole != 0 || !std::signbit(value));
  }
  static bool fits_bytes(double value) { return whole_in(value, -128.0, 127.0); }
  static bool fits_shorts(double value) { return whole_in(value, -32768.0, 32767.0); }
  void push_back_otherwise(double value);
  void widen(Form to);

  Form form_ = Form::bytes;
  std::size_t size_ = 0;
  std::vector<std::int8_t> bytes_;
  std::vector<std::int16_t> shorts_;
  std::vector<double> doubles_;
};

}  // namespace clinaudit
