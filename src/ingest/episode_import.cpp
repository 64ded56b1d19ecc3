#include "ingest/episode_import.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "ingest/episode_validator.hpp"

namespace clinaudit::ingest {
namespace {

// A validated chunk on its way to the writer, with what the validator knew after it.
struct ValidatedChunk {
  domain::EpisodeColumns rows;
  bool clean = true;  // no problem found up to and including this chunk
  std::int64_t rows_read = 0;
  std::int64_t bytes_read = 0;
};

// Validates the file on a thread of its own while the caller's thread writes the chunks before:
// the file is checked and the database written at the same time, on two cores. At most
// kInFlight chunks wait between the two, so memory stays a few chunks whatever the file size.
// The report is the validator's alone until finish().
class ValidationAhead {
 public:
  static constexpr std::size_t kInFlight = 2;

  ValidationAhead(EpisodeValidator& validator, const ValidationReport& report)
      : validator_(validator), report_(report), thread_([this] { run(); }) {}
  ValidationAhead(const ValidationAhead&) = delete;
  ValidationAhead& operator=(const ValidationAhead&) = delete;
  ~ValidationAhead() { finish(); }

  // The next chunk in file order; false at the end of the file.
  bool next(ValidatedChunk& chunk) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) return false;
    std::swap(chunk, ready_.front());
    spare_.push_back(std::move(ready_.front()));
    ready_.pop_front();
    changed_.notify_all();
    return true;
  }

  // Stops validating (when writing failed) and waits for the thread; afterwards the report may be read.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    ValidatedChunk chunk;
    while (true) {
      const bool more = validator_.next_chunk(chunk.rows);
      chunk.clean = report_.clean();
      chunk.rows_read = validator_.rows_read();
      chunk.bytes_read = validator_.bytes_read();
      std::unique_lock lock(mutex_);
      if (!more || stopping_) break;
      ready_.push_back(std::move(chunk));
      changed_.notify_all();
      changed_.wait(lock, [&] { return ready_.size() < kInFlight || stopping_; });
      if (stopping_) break;
      if (spare_.empty()) {
        chunk = ValidatedChunk{};
      } else {
        chunk = std::move(spare_.front());
        spare_.pop_front();
      }
    }
    std::lock_guard lock(mutex_);
    done_ = true;
    changed_.notify_all();
  }

  EpisodeValidator& validator_;
  const ValidationReport& report_;  // written by the validator, on the thread
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ValidatedChunk> ready_;  // validated, not yet taken by the writer
  std::deque<ValidatedChunk> spare_;  // taken and written: their memory is reused
  bool done_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace

Result<EpisodeImportOutcome> import_episodes(std::istream& input, AuditId audit, const domain::Dataset& dataset,
                                             const References& references, const OpenEpisodeWriter& open_writer,
                                             const EpisodeImportOptions& options) {
  EpisodeImportOutcome outcome{ValidationReport(options.max_problems), {}, 0, 0, {}};
  EpisodeValidator validator(input, audit, dataset, references, outcome.report, options.chunk_rows);
  outcome.columns = validator.columns();

  std::unique_ptr<domain::EpisodeWriter> writer;
  if (!options.dry_run && outcome.report.clean()) {
    CLINAUDIT_TRY(auto opened, open_writer(outcome.columns));
    writer = std::move(opened);
  }
  std::set<FinancialYear> years;
  if (!writer) {
    // Validation only (a dry run, or the header already failed): one thread is enough.
    domain::EpisodeColumns chunk;
    while (validator.next_chunk(chunk)) {
      for (const Date day : chunk.admission_date) years.insert(FinancialYear::containing(day));
      if (options.progress) options.progress(validator.rows_read(), validator.bytes_read());
    }
  } else {
    ValidationAhead ahead(validator, outcome.report);
    ValidatedChunk chunk;
    while (ahead.next(chunk)) {
      for (const Date day : chunk.rows.admission_date) years.insert(FinancialYear::containing(day));
      if (writer && chunk.clean) {
        if (auto appended = writer->append(chunk.rows); !appended) {
          ahead.finish();
          return appended.error();
        }
      } else if (writer) {
        writer.reset();  // a problem was found: roll back now and stop writing
      }
      if (options.progress) options.progress(chunk.rows_read, chunk.bytes_read);
    }
    ahead.finish();
  }
  outcome.rows_read = validator.rows_read();
  outcome.years.assign(years.begin(), years.end());
  if (writer && outcome.report.clean()) {
    CLINAUDIT_TRY(auto committed, writer->commit());
    outcome.rows_written = committed;
  }
  return outcome;
}

}  // namespace clinaudit::ingest
