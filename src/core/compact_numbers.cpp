#include "core/compact_numbers.hpp"

#include <algorithm>
#include <utility>

namespace clinaudit {

CompactNumbers::CompactNumbers(std::vector<double> values) {
  const bool all_shorts = std::all_of(values.begin(), values.end(), fits_shorts);
  if (!all_shorts) {
    form_ = Form::doubles;
    size_ = values.size();
    doubles_ = std::move(values);
    return;
  }
  reserve(values.size());
  for (const double value : values) push_back(value);
}

void CompactNumbers::push_back_otherwise(double value) {
  if (form_ != Form::doubles && fits_shorts(value)) {
    if (form_ == Form::bytes) widen(Form::shorts);
    shorts_.push_back(static_cast<std::int16_t>(value));
  } else {
    if (form_ != Form::doubles) widen(Form::doubles);
    doubles_.push_back(value);
  }
  ++size_;
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
    shorts_.insert(shorts_.end(), bytes_.begin(), bytes_.end());
  } else {
    doubles_.clear();
    doubles_.reserve(room);
    if (form_ == Form::bytes) {
      doubles_.insert(doubles_.end(), bytes_.begin(), bytes_.end());
    } else {
      doubles_.insert(doubles_.end(), shorts_.begin(), shorts_.end());
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
        shorts_.insert(shorts_.end(), other.bytes_.begin(), other.bytes_.end());
      } else {
        shorts_.insert(shorts_.end(), other.shorts_.begin(), other.shorts_.end());
      }
      break;
    case Form::doubles:
      if (other.form_ == Form::bytes) {
        doubles_.insert(doubles_.end(), other.bytes_.begin(), other.bytes_.end());
      } else if (other.form_ == Form::shorts) {
        doubles_.insert(doubles_.end(), other.shorts_.begin(), other.shorts_.end());
      } else {
        doubles_.insert(doubles_.end(), other.doubles_.begin(), other.doubles_.end());
      }
      break;
  }
  size_ += other.size_;
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
