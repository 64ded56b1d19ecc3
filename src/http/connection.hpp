#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::http {

// One client connection as the HTTP parser reads and writes it, with a deadline for reading
// the request in progress: a client who sends a byte now and then is cut off when the
// deadline passes, however short the pauses.
class Connection : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // A new request starts: its request line and headers must arrive by `deadline` and take at
  // most `max_header_bytes`.
  void start_request(Clock::time_point deadline, std::size_t max_header_bytes);
  // The headers are in; the body must arrive by `deadline`.
  void start_body(Clock::time_point deadline);
  // A read failed because the deadline had passed.
  bool timed_out() const { return timed_out_; }
  // A read failed because the headers went over their limit.
  bool headers_too_large() const { return headers_too_large_; }
  // Bytes of the current request's answer sent so far.
  std::size_t sent() const { return sent_; }

  // Waits up to `idle` for the next request; false when the client has gone, the time is up
  // or `give_up` says so (checked now and then while waiting).
  virtual bool wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& give_up) = 0;

 protected:
  // How many of `wanted` bytes a read may hand over: 0 once the headers are over their limit.
  std::size_t allowance(std::size_t wanted);

  Clock::time_point deadline_ = Clock::time_point::max();
  bool timed_out_ = false;
  bool headers_too_large_ = false;
  bool in_headers_ = false;
  std::size_t header_bytes_left_ = 0;
  std::size_t sent_ = 0;
};

// A TCP connection. Reads through a buffer, since the parser asks for one byte at a time.
class SocketConnection final : public Connection {
 public:
  SocketConnection(int socket, std::chrono::milliseconds read_timeout, std::chrono::milliseconds write_timeout);
  ~SocketConnection() override;
  SocketConnection(const SocketConnection&) = delete;
  SocketConnection& operator=(const SocketConnection&) = delete;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return socket_; }
  bool wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& give_up) override;

  // Closes the connection. With `unread_input` (a refused or cut-off request) it first reads
  // and drops what the client is still sending, for a moment, so that the client sees the
  // answer instead of a connection reset.
  void close(bool unread_input);

 private:
  // How long a read may wait: the read timeout, or less when the deadline comes first.
  int read_wait_ms() const;

  int socket_;
  std::chrono::milliseconds read_timeout_;
  std::chrono::milliseconds write_timeout_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

// Bytes received as a whole, answered into a string: the same request path without a
// socket (fuzzing, tests).
class MemoryConnection final : public Connection {
 public:
  explicit MemoryConnection(std::string_view input) : input_(input) {}

  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return -1; }
  bool wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& give_up) override;

  const std::string& output() const { return output_; }

 private:
  std::string_view input_;
  std::string output_;
};

}  // namespace clinaudit::http
