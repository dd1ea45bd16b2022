// Package auth holds the cryptographic building blocks of sign-in: password
// hashing with argon2id, secret tokens (password reset, invitations, API
// keys) stored only as hashes, and opaque sortable ids.
package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/alexedwards/argon2id"
)

// Params are the argon2id cost settings. Changing them only affects new
// hashes: each stored hash records the settings it was made with.
type Params struct {
	// Memory in KiB used by one hash.
	Memory uint32
	// Iterations over that memory.
	Iterations uint32
	// Parallelism is the number of lanes (threads) per hash.
	Parallelism uint8
	// SaltLength and KeyLength are in bytes.
	SaltLength uint32
	KeyLength  uint32
}

// DefaultParams follows the OWASP password storage recommendation for
// argon2id: 19 MiB, 2 iterations, 1 lane.
func DefaultParams() Params {
	return Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

// TestParams are cheap settings for tests. Never use them in production.
func TestParams() Params {
	return Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

// Validate reports settings argon2id cannot use or that are too weak to
// mean anything. Check params read from configuration with it before
// calling NewHasher.
func (p Params) Validate() error {
	switch {
	case p.Parallelism < 1:
		return errors.New("parallelism must be at least 1")
	case p.Memory < 8*uint32(p.Parallelism):
		return errors.New("memory must be at least 8 KiB per lane")
	case p.Iterations < 1:
		return errors.New("iterations must be at least 1")
	case p.SaltLength < 8:
		return errors.New("salt must be at least 8 bytes")
	case p.KeyLength < 16:
		return errors.New("key must be at least 16 bytes")
	}
	return nil
}

// Hasher hashes and verifies passwords. Each argon2id run holds Memory KiB,
// so a burst of sign-ins could exhaust the machine: at most maxConcurrent
// runs happen at once and the others wait their turn, or give up when their
// context ends. It is safe for concurrent use.
type Hasher struct {
	params argon2id.Params
	sem    chan struct{}
	// dummy is a hash of a random password with the same params, verified
	// when the account does not exist so that sign-in takes as long either way.
	dummy string
}

// NewHasher returns a Hasher with the given costs, running at most
// maxConcurrent hashes at a time. It computes one hash up front (the dummy
// for DummyVerify). Invalid params or a maxConcurrent below 1 are a
// programming error and panic, like regexp.MustCompile: validate
// configured params with Params.Validate first.
func NewHasher(params Params, maxConcurrent int) *Hasher {
	if err := params.Validate(); err != nil {
		panic(fmt.Sprintf("auth: invalid argon2id params: %v", err))
	}
	if maxConcurrent < 1 {
		panic(fmt.Sprintf("auth: maxConcurrent must be at least 1, got %d", maxConcurrent))
	}
	h := &Hasher{
		params: argon2id.Params{
			Memory:      params.Memory,
			Iterations:  params.Iterations,
			Parallelism: params.Parallelism,
			SaltLength:  params.SaltLength,
			KeyLength:   params.KeyLength,
		},
		sem: make(chan struct{}, maxConcurrent),
	}
	var secret [16]byte
	_, _ = rand.Read(secret[:]) // never fails since Go 1.24
	dummy, err := argon2id.CreateHash(hex.EncodeToString(secret[:]), &h.params)
	if err != nil {
		// Only a failing random source gets here, and crypto/rand crashes
		// the program before returning such an error.
		panic(fmt.Sprintf("auth: hash dummy password: %v", err))
	}
	h.dummy = dummy
	return h
}

// acquire takes a hashing slot, or fails when ctx ends first.
func (h *Hasher) acquire(ctx context.Context) error {
	// A done context wins even when a slot is free: select would otherwise
	// pick at random between the two ready cases.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("auth: waiting to hash: %w", err)
	}
	select {
	case h.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("auth: waiting to hash: %w", ctx.Err())
	}
}

func (h *Hasher) release() { <-h.sem }

// Hash returns the encoded argon2id hash of password, in the PHC string
// format ("$argon2id$v=19$m=19456,t=2,p=1$salt$key").
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	encoded, err := argon2id.CreateHash(password, &h.params)
	if err != nil {
		return "", fmt.Errorf("auth: hash password: %w", err)
	}
	return encoded, nil
}

// Verify reports whether password matches encoded, comparing in constant
// time. A malformed hash is an error, not a mismatch.
func (h *Hasher) Verify(ctx context.Context, password, encoded string) (bool, error) {
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	ok, err := argon2id.ComparePasswordAndHash(password, encoded)
	if err != nil {
		return false, fmt.Errorf("auth: verify password: %w", err)
	}
	return ok, nil
}

// DummyVerify does the work of a failed Verify. Call it when the account
// does not exist, so the response time does not reveal which email
// addresses have an account. The only error is ctx ending while waiting.
func (h *Hasher) DummyVerify(ctx context.Context) error {
	_, err := h.Verify(ctx, "not the password", h.dummy)
	return err
}

// NeedsRehash reports whether encoded was made with other settings than the
// Hasher's (or cannot be read), so the password should be hashed again after
// the next successful sign-in.
func (h *Hasher) NeedsRehash(encoded string) bool {
	p, salt, key, err := argon2id.DecodeHash(encoded)
	if err != nil {
		return true
	}
	return p.Memory != h.params.Memory || p.Iterations != h.params.Iterations ||
		p.Parallelism != h.params.Parallelism ||
		uint32(len(salt)) != h.params.SaltLength || uint32(len(key)) != h.params.KeyLength
}
