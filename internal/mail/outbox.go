package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// OutboxMailer writes each message as an .eml file in a folder instead of
// sending it, for development and tests. Files open in any mail client.
type OutboxMailer struct {
	dir  string
	from string
}

// NewOutbox returns a mailer writing into dir, created (mode 0750) if
// missing. from is the default sender.
func NewOutbox(dir, from string) (*OutboxMailer, error) {
	if from == "" {
		return nil, errors.New("mail: no default sender address")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("mail: create outbox: %w", err)
	}
	return &OutboxMailer{dir: dir, from: from}, nil
}

// Dir returns the folder the messages are written to.
func (o *OutboxMailer) Dir() string { return o.dir }

// Send writes m to a new file named after the current time plus a random
// suffix, so a listing sorts oldest first and concurrent sends never
// collide. The file appears complete or not at all: it is written under a
// temporary name, then renamed.
func (o *OutboxMailer) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mail: outbox: %w", err)
	}
	msg, err := build(m, o.from)
	if err != nil {
		return err
	}
	var suffix [6]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return fmt.Errorf("mail: outbox: random name: %w", err)
	}
	name := time.Now().UTC().Format("20060102T150405.000000000Z") + "-" + hex.EncodeToString(suffix[:]) + ".eml"

	// The leading dot keeps half-written files out of "*.eml" listings.
	tmp, err := os.CreateTemp(o.dir, ".partial-*")
	if err != nil {
		return fmt.Errorf("mail: outbox: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := msg.WriteTo(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("mail: outbox: write: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("mail: outbox: close: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(o.dir, name)); err != nil {
		return fmt.Errorf("mail: outbox: %w", err)
	}
	return nil
}
