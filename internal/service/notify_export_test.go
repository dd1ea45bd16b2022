package service

import (
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CanViewSubject exposes the notification policy to the tests that hold
// the SQL mirror to it.
func CanViewSubject(v maillage.Viewer, a *store.SubjectAccess) bool { return canViewSubject(v, a) }

// DigestDue exposes when digests fall due.
func DigestDue(period maillage.NotifyMode, now time.Time) (time.Time, string) {
	return digestDue(period, now)
}
