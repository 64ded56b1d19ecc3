#include "http/connection.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace clinaudit::http {

namespace {

constexpr std::size_t kReadBufferBytes = std::size_t{16} * 1024;

// Waits until `socket` is ready for `events`; false on a timeout or an error.
bool wait_for(int socket, short events, int timeout_ms) {
  pollfd watched{socket, events, 0};
  for (;;) {
    const int ready = ::poll(&watched, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0;
  }
}

// NOLINTBEGIN(cppcoreguidelines-pro-type-reinterpret-cast): the socket API takes a sockaddr
void numeric_address(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = {};
  char service[NI_MAXSERV] = {};
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    // getnameinfo wrote a number; a port it could not give stays 0.
    if (std::from_chars(service, service + std::strlen(service), port).ec != std::errc{}) port = 0;
  }
}
// NOLINTEND(cppcoreguidelines-pro-type-reinterpret-cast)

}  // namespace

void Connection::start_request(Clock::time_point deadline, std::size_t max_header_bytes) {
  deadline_ = deadline;
  timed_out_ = false;
  headers_too_large_ = false;
  in_headers_ = true;
  header_bytes_left_ = max_header_bytes;
  sent_ = 0;
}

void Connection::start_body(Clock::time_point deadline) {
  deadline_ = deadline;
  in_headers_ = false;
}

std::size_t Connection::allowance(std::size_t wanted) {
  if (!in_headers_) return wanted;
  const std::size_t allowed = std::min(wanted, header_bytes_left_);
  header_bytes_left_ -= allowed;
  headers_too_large_ = allowed == 0;
  return allowed;
}

SocketConnection::SocketConnection(int socket, std::chrono::milliseconds read_timeout,
                                   std::chrono::milliseconds write_timeout)
    : socket_(socket), read_timeout_(read_timeout), write_timeout_(write_timeout), buffer_(kReadBufferBytes) {}

SocketConnection::~SocketConnection() {
  if (socket_ >= 0) ::close(socket_);
}

int SocketConnection::read_wait_ms() const {
  auto wait = read_timeout_;
  if (deadline_ != Clock::time_point::max()) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline_ - Clock::now());
    wait = std::min(wait, std::max(left, std::chrono::milliseconds(0)));
  }
  return static_cast<int>(wait.count());
}

bool SocketConnection::is_readable() const { return begin_ < end_ || wait_for(socket_, POLLIN, read_wait_ms()); }

bool SocketConnection::is_writable() const {
  return wait_for(socket_, POLLOUT, static_cast<int>(write_timeout_.count()));
}

ssize_t SocketConnection::read(char* ptr, size_t size) {
  if (begin_ == end_) {
    if (Clock::now() >= deadline_ || !wait_for(socket_, POLLIN, read_wait_ms())) {
      timed_out_ = Clock::now() >= deadline_;
      return -1;
    }
    const ssize_t got = ::recv(socket_, buffer_.data(), buffer_.size(), 0);
    if (got <= 0) return got;
    begin_ = 0;
    end_ = static_cast<std::size_t>(got);
  }
  const std::size_t n = allowance(std::min(size, end_ - begin_));
  if (n == 0 && size > 0) return -1;
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t SocketConnection::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  const ssize_t put = ::send(socket_, ptr, size, MSG_NOSIGNAL);
  if (put > 0) sent_ += static_cast<std::size_t>(put);
  return put;
}

void SocketConnection::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the socket API takes a sockaddr
  if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    numeric_address(address, length, ip, port);
  }
}

void SocketConnection::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the socket API takes a sockaddr
  if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    numeric_address(address, length, ip, port);
  }
}

bool SocketConnection::wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& give_up) {
  if (begin_ < end_) return true;  // the client sent the next request with the last one
  const auto until = Clock::now() + idle;
  constexpr std::chrono::milliseconds kSlice{100};
  while (!give_up()) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) return false;
    if (wait_for(socket_, POLLIN, static_cast<int>(std::min(left, kSlice).count()))) return true;
  }
  return false;
}

void SocketConnection::close(bool unread_input) {
  ::shutdown(socket_, SHUT_WR);
  if (unread_input) {
    // Bounded in time and bytes: a client that keeps sending is not served for long.
    constexpr std::size_t kMaxDrainBytes = std::size_t{4} * 1024 * 1024;
    const auto until = Clock::now() + std::chrono::seconds(1);
    std::size_t drained = 0;
    while (drained < kMaxDrainBytes) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now());
      if (left.count() <= 0 || !wait_for(socket_, POLLIN, static_cast<int>(left.count()))) break;
      const ssize_t got = ::recv(socket_, buffer_.data(), buffer_.size(), 0);
      if (got <= 0) break;
      drained += static_cast<std::size_t>(got);
    }
  }
  ::close(socket_);
  socket_ = -1;
}

ssize_t MemoryConnection::read(char* ptr, size_t size) {
  if (input_.empty()) return 0;
  const std::size_t n = allowance(std::min(size, input_.size()));
  if (n == 0 && size > 0) return -1;
  std::memcpy(ptr, input_.data(), n);
  input_.remove_prefix(n);
  return static_cast<ssize_t>(n);
}

ssize_t MemoryConnection::write(const char* ptr, size_t size) {
  output_.append(ptr, size);
  sent_ += size;
  return static_cast<ssize_t>(size);
}

void MemoryConnection::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = "127.0.0.1";
  port = 0;
}

void MemoryConnection::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = "127.0.0.1";
  port = 0;
}

bool MemoryConnection::wait_for_request(std::chrono::milliseconds /*idle*/, const std::function<bool()>& /*give_up*/) {
  return !input_.empty();
}

}  // namespace clinaudit::http
