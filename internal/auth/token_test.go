package auth

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
	"testing"
)

func TestNewToken(t *testing.T) {
	plain, hash, err := NewToken("mlg_reset_")
	if err != nil {
		t.Fatal(err)
	}
	body, ok := strings.CutPrefix(plain, "mlg_reset_")
	if !ok {
		t.Fatalf("token %q lacks its prefix", plain)
	}
	if len(body) != 52 {
		t.Errorf("encoded part has %d characters, want 52", len(body))
	}
	if body != strings.ToLower(body) || strings.Contains(body, "=") {
		t.Errorf("encoded part %q is not lowercase unpadded base32", body)
	}
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(body))
	if err != nil || len(raw) != 32 {
		t.Errorf("decodes to %d bytes (err %v), want 32", len(raw), err)
	}
	sum := sha256.Sum256([]byte(plain))
	if hash != hex.EncodeToString(sum[:]) {
		t.Errorf("hash %q is not the hex SHA-256 of the plain token", hash)
	}
	if HashToken(plain) != hash {
		t.Error("HashToken disagrees with NewToken")
	}
}

func TestNewTokenUnique(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		plain, hash, err := NewToken("")
		if err != nil {
			t.Fatal(err)
		}
		if seen[plain] || seen[hash] {
			t.Fatal("duplicate token")
		}
		seen[plain], seen[hash] = true, true
	}
}

func TestHashTokenKnownValue(t *testing.T) {
	// sha256("abc"), from FIPS 180-2.
	if got := HashToken("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("got %q", got)
	}
	if HashToken("mlg_a") == HashToken("mlg_b") {
		t.Error("different tokens hash alike")
	}
}
