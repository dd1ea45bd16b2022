package maillage

import "time"

// AcquaintanceKind says how two people know each other.
type AcquaintanceKind string

// The kinds of acquaintance a person may declare.
const (
	AcquaintanceKnow       AcquaintanceKind = "know"
	AcquaintanceWorkedWith AcquaintanceKind = "worked_with"
)

// Valid reports whether k is a known kind.
func (k AcquaintanceKind) Valid() bool { return k == AcquaintanceKnow || k == AcquaintanceWorkedWith }

// Acquaintance is a link two people declare: one asks, the other
// confirms. Until AcceptedAt it links nobody (the relation graph and every
// list ignore it) and only the two of them know of it.
type Acquaintance struct {
	RequesterID string
	TargetID    string
	Kind        AcquaintanceKind
	CreatedAt   time.Time
	AcceptedAt  *time.Time
}

// Accepted reports whether both people agreed.
func (a Acquaintance) Accepted() bool { return a.AcceptedAt != nil }

// Other is the person of the pair who is not userID.
func (a Acquaintance) Other(userID string) string {
	if a.RequesterID == userID {
		return a.TargetID
	}
	return a.RequesterID
}

// EventAcquaintance tells a person that someone declared knowing them
// and waits for their confirmation.
const EventAcquaintance EventKind = "acquaintance"

// CanDeclareAcquaintance: a signed-in person may declare knowing someone
// else whose profile they may see (the service then asks that person).
func CanDeclareAcquaintance(v Viewer, target ProfileAccess) bool {
	return v.SignedIn() && v.UserID != target.UserID && CanViewProfile(v, target)
}
