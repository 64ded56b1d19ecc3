#include "core/compact_numbers.hpp"

#include <algorithm>
#include <limits>
#include <type_traits>
#include <utility>

namespace clinaudit {
namespace {

// Appends `from`'s values to `to`, a wider form, with a missing value as `to`'s own.
template <typename To, typename From>
void widen_into(std::vector<To>& to, const std::vector<From>& from, bool has_missing) {
  if (!has_missing) {
    to.insert(to.end(), from.begin(), from.end());
    return;
  }
  constexpr From kFromMark = std::numeric_limits<From>::min();
  for (const From value : from) {
    if (value != kFromMark) {
      to.push_back(static_cast<To>(value));
    } else if constexpr (std::is_floating_point_v<To>) {
      to.push_back(std::numeric_limits<To>::quiet_NaN());
    } else {
      to.push_back(std::numeric_limits<To>::min());
    }
  }
}

}  // namespace

CompactNumbers::CompactNumbers(std::vector<double> values) {
  if (!std::all_of(values.begin(), values.end(), [](double value) { return fits(Form::shorts, value); })) {
    form_ = Form::doubles;
    size_ = values.size();
    has_missing_ = std::any_of(values.begin(), values.end(), [](double value) { return std::isnan(value); });
    doubles_ = std::move(values);
    return;
  }
  reserve(values.size());
  for (const double value : values) push_back(value);
}

void CompactNumbers::store(std::size_t i, double value) {
  const bool missing = std::isnan(value);
  has_missing_ = has_missing_ || missing;
  switch (form_) {
    case Form::bytes: bytes_[i] = missing ? kMissingByte : static_cast<std::int8_t>(value); return;
    case Form::shorts: shorts_[i] = missing ? kMissingShort : static_cast<std::int16_t>(value); return;
    case Form::doubles: doubles_[i] = value; return;
  }
}

void CompactNumbers::push_back_otherwise(double value) {
  const Form needed = form_for(value);
  if (needed > form_) widen(needed);
  switch (form_) {
    case Form::bytes: bytes_.emplace_back(); break;
    case Form::shorts: shorts_.emplace_back(); break;
    case Form::doubles: doubles_.emplace_back(); break;
  }
  store(size_++, value);
}

void CompactNumbers::set(std::size_t i, double value) {
  const Form needed = form_for(value);
  if (needed > form_) widen(needed);
  store(i, value);
}

void CompactNumbers::pop_back() {
  switch (form_) {
    case Form::bytes: bytes_.pop_back(); break;
    case Form::shorts: shorts_.pop_back(); break;
    case Form::doubles: doubles_.pop_back(); break;
  }
  --size_;
}

void CompactNumbers::reserve(std::size_t count) {
  switch (form_) {
    case Form::bytes: bytes_.reserve(count); return;
    case Form::shorts: shorts_.reserve(count); return;
    case Form::doubles: doubles_.reserve(count); return;
  }
}

void CompactNumbers::clear() {
  form_ = Form::bytes;
  has_missing_ = false;
  size_ = 0;
  bytes_.clear();
  shorts_.clear();
  doubles_.clear();
}

// The values so far in the wider form `to`, with room for as many values as the present form had.
void CompactNumbers::widen(Form to) {
  const std::size_t room = std::max(size_, form_ == Form::bytes ? bytes_.capacity() : shorts_.capacity());
  if (to == Form::shorts) {
    shorts_.clear();
    shorts_.reserve(room);
    widen_into(shorts_, bytes_, has_missing_);
  } else {
    doubles_.clear();
    doubles_.reserve(room);
    if (form_ == Form::bytes) {
      widen_into(doubles_, bytes_, has_missing_);
    } else {
      widen_into(doubles_, shorts_, has_missing_);
    }
  }
  // The narrower form's memory is released: for a whole file's column it is megabytes.
  if (form_ == Form::bytes) {
    std::vector<std::int8_t>().swap(bytes_);
  } else {
    std::vector<std::int16_t>().swap(shorts_);
  }
  form_ = to;
}

void CompactNumbers::append(const CompactNumbers& other) {
  if (other.form_ > form_) widen(other.form_);
  switch (form_) {
    case Form::bytes: bytes_.insert(bytes_.end(), other.bytes_.begin(), other.bytes_.end()); break;
    case Form::shorts:
      if (other.form_ == Form::bytes) {
        widen_into(shorts_, other.bytes_, other.has_missing_);
      } else {
        shorts_.insert(shorts_.end(), other.shorts_.begin(), other.shorts_.end());
      }
      break;
    case Form::doubles:
      if (other.form_ == Form::bytes) {
        widen_into(doubles_, other.bytes_, other.has_missing_);
      } else if (other.form_ == Form::shorts) {
        widen_into(doubles_, other.shorts_, other.has_missing_);
      } else {
        doubles_.insert(doubles_.end(), other.doubles_.begin(), other.doubles_.end());
      }
      break;
  }
  size_ += other.size_;
  has_missing_ = has_missing_ || other.has_missing_;
}

std::vector<double> CompactNumbers::to_doubles() const {
  std::vector<double> values(size_);
  copy_to(0, size_, values.data());
  return values;
}

bool operator==(const CompactNumbers& a, const CompactNumbers& b) {
  if (a.size_ != b.size_) return false;
  for (std::size_t i = 0; i < a.size_; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace clinaudit
