#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <vector>

namespace clinaudit {

// A column of numbers kept in the narrowest of three forms that holds every value exactly:
// whole numbers from -127 to 127 take one byte each, from -32767 to 32767 two, and any other
// value (a fraction, a larger number, negative zero) makes the whole column doubles. A missing
// value (a NaN) is kept in any form, as the form's lowest value (-128 or -32768), which no
// number then takes, as R keeps NA in an integer vector; it reads back as a quiet NaN.
// A national episode file's covariates are flags, counts and ages: as doubles they were most
// of the memory of a 10-million-episode model, and reading them most of each pass of its fit;
// an audit's episodes read back from storage are the same columns, with their missing values.
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
  // False when no value is missing (a NaN); true when one is, or when a column with a missing
  // value gave some of its values (push_back_from, append).
  bool has_missing() const { return has_missing_; }

  double operator[](std::size_t i) const {
    switch (form_) {
      case Form::bytes: return bytes_[i] == kMissingByte ? kMissing : bytes_[i];
      case Form::shorts: return shorts_[i] == kMissingShort ? kMissing : shorts_[i];
      case Form::doubles: break;
    }
    return doubles_[i];
  }
  double back() const { return (*this)[size_ - 1]; }

  // Inlined where a file's values are read (a call for each of a national file's hundred
  // million values was a tenth of the reading): the usual cases here, the rest (two-byte
  // values and widening) out of line.
  [[gnu::always_inline]] void push_back(double value) {
    if (form_ == Form::bytes ? fits_bytes(value) : form_ == Form::doubles) {
      if (form_ == Form::bytes) {
        bytes_.push_back(static_cast<std::int8_t>(value));
      } else {
        doubles_.push_back(value);
        has_missing_ = has_missing_ || std::isnan(value);
      }
      ++size_;
      return;
    }
    push_back_otherwise(value);
  }

  // Appends value `i` of `other`: copied as it is kept when the two columns have the same form
  // (gathering a column from others of its form without converting each value).
  void push_back_from(const CompactNumbers& other, std::size_t i) {
    if (other.form_ != form_) {
      push_back(other[i]);
      return;
    }
    switch (form_) {
      case Form::bytes: bytes_.push_back(other.bytes_[i]); break;
      case Form::shorts: shorts_.push_back(other.shorts_[i]); break;
      case Form::doubles: doubles_.push_back(other.doubles_[i]); break;
    }
    ++size_;
    has_missing_ = has_missing_ || other.has_missing_;
  }
  // Keeps the values in `form` from now on, when it is wider than the present one.
  void widen_to(Form form) {
    if (form > form_) widen(form);
  }

  // Replaces value `i`, widening the column when `value` needs it.
  void set(std::size_t i, double value);
  void pop_back();

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
    if (form_ == Form::bytes && value >= -127 && value <= 127) {
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
        return has_missing_ ? copy_missing(bytes_.data() + begin, count, out)
                            : copy_plain(bytes_.data() + begin, count, out);
      case Form::shorts:
        return has_missing_ ? copy_missing(shorts_.data() + begin, count, out)
                            : copy_plain(shorts_.data() + begin, count, out);
      case Form::doubles: break;
    }
    copy_plain(doubles_.data() + begin, count, out);
  }

  friend bool operator==(const CompactNumbers& a, const CompactNumbers& b);

 private:
  static bool whole_in(double value, double lowest, double highest) {
    if (!(value >= lowest && value <= highest)) return false;  // also a NaN
    const auto whole = static_cast<std::int32_t>(value);
    return static_cast<double>(whole) == value && (whole != 0 || !std::signbit(value));
  }
  static constexpr std::int8_t kMissingByte = -128;
  static constexpr std::int16_t kMissingShort = -32768;
  static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

  static bool fits_bytes(double value) { return whole_in(value, -127.0, 127.0); }
  static bool fits_shorts(double value) { return whole_in(value, -32767.0, 32767.0); }
  // A value that form `form` holds: a number it fits, or a missing one in a narrow form.
  static bool fits(Form form, double value) {
    switch (form) {
      case Form::bytes: return fits_bytes(value) || std::isnan(value);
      case Form::shorts: return fits_shorts(value) || std::isnan(value);
      case Form::doubles: break;
    }
    return true;
  }
  // The narrowest form that holds `value`.
  static Form form_for(double value) {
    return fits(Form::bytes, value) ? Form::bytes : fits(Form::shorts, value) ? Form::shorts : Form::doubles;
  }
  template <typename T>
  static void copy_plain(const T* from, std::size_t count, double* out) {
    for (std::size_t i = 0; i < count; ++i) out[i] = from[i];
  }
  template <typename T>
  static void copy_missing(const T* from, std::size_t count, double* out) {
    constexpr T kMark = std::numeric_limits<T>::min();
    for (std::size_t i = 0; i < count; ++i) out[i] = from[i] == kMark ? kMissing : from[i];
  }
  // `value` stored in the present form, which holds it.
  void store(std::size_t i, double value);
  void push_back_otherwise(double value);
  void widen(Form to);

  Form form_ = Form::bytes;
  bool has_missing_ = false;
  std::size_t size_ = 0;
  std::vector<std::int8_t> bytes_;
  std::vector<std::int16_t> shorts_;
  std::vector<double> doubles_;
};

}  // namespace clinaudit
