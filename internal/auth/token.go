package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"strings"
)

// tokenBytes of randomness make tokens unguessable (256 bits).
const tokenBytes = 32

// NewToken returns a fresh secret token and its hash. The plain token goes
// to the user once (in an email link, or shown as an API key); only the
// hash is stored, so a leaked database does not leak usable tokens.
//
// plain is prefix followed by 32 random bytes in lowercase base32 without
// padding (52 characters), safe in URLs and easy to copy. The prefix (such
// as "mlg_reset_") tells what a token is for when one turns up in a log or
// a secret scanner. hash is HashToken(plain).
func NewToken(prefix string) (plain, hash string, err error) {
	var b [tokenBytes]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", fmt.Errorf("auth: random token: %w", err)
	}
	plain = prefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
	return plain, HashToken(plain), nil
}

// HashToken returns the lowercase hex SHA-256 of plain, the form in which
// tokens are stored and looked up. A fast hash is enough here: unlike
// passwords, tokens carry 256 random bits and cannot be brute-forced.
func HashToken(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}
