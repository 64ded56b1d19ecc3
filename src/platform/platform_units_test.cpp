// The platform's cryptography and tokens: SHA-256 (OpenSSL), random tokens (the kernel's
// CSPRNG) and password hashing (libargon2).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "platform/password.hpp"
#include "platform/random_token.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::platform {
namespace {

TEST(Sha256, MatchesTheFipsExamples) {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf").
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(RandomToken, Is256BitsOfHexAndDiffersEachTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto token = random_hex(32);
    ASSERT_TRUE(token);
    EXPECT_EQ(token->size(), 64u);
    EXPECT_EQ(token->find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(*token);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(Password, HashesWithArgon2idAndVerifies) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *hash;
  EXPECT_TRUE(verify_password("correct horse battery", *hash));
  EXPECT_FALSE(verify_password("correct horse batterz", *hash));
  EXPECT_FALSE(verify_password("anything", "not a hash"));
  auto again = hash_password("correct horse battery");
  ASSERT_TRUE(again);
  EXPECT_NE(*hash, *again);  // a fresh salt each time
  EXPECT_FALSE(hash_password(""));
}

}  // namespace
}  // namespace clinaudit::platform
