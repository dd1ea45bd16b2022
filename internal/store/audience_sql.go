package store

import (
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// This file derives the store's SQL filters from the access policy of
// package maillage instead of writing the rules again. A rule there says,
// for an item, which audiences may see it (maillage.ContentAccess.Audiences
// and its kin). Here each item kind is described by the finite states of
// the columns its rule reads (a note's visibility; a community's
// visibility and listing; a post's hidden flag) and by the columns or
// tables that hold the IDs it names. For every state the Go rule is
// called on an item whose IDs are placeholders ("refs"), and the
// audiences it returns are translated to SQL for the one asking: a bound
// viewer (lists and pages) or a recipient column (notification fan-out).
// A new rule, or a change to one, reaches every query without touching
// SQL; TestDerivedFiltersAgree checks both forms on random worlds.

// refPrefix marks the IDs of an item described to the rules; they never
// collide with real IDs, which are printable.
const refPrefix = "\x00ref:"

// ref is the placeholder ID of one named part of an item.
func ref(name string) string { return refPrefix + name }

// sqlRef says where the IDs behind a ref live for one item kind: in a
// column holding one ID (column), or in a table listing the people of a
// row (table, whose key column names the row given by row; extra narrows
// it further, e.g. to a role).
type sqlRef struct {
	column          string
	table, key, row string
	extra           string
}

// ruleState is one state of an item's columns: the SQL condition that
// selects it and the audiences the policy gives an item in that state.
type ruleState struct {
	cond      string
	audiences []maillage.Audience
}

// rule is an item kind described to the compiler.
type rule struct {
	states []ruleState
	refs   map[string]sqlRef
}

// asker is who a derived filter decides for: one viewer whose ID is bound
// as a query parameter, or the user whose ID an SQL expression names.
type asker struct {
	viewer *maillage.Viewer // nil for a recipient column
	column string           // the recipient's user ID, when viewer is nil
	a      *args
	bound  string // the viewer's placeholder, once added
}

// forViewer decides for one viewer, binding their ID in a (only if a
// filter needs it, so no unused parameter reaches PostgreSQL).
func forViewer(v maillage.Viewer, a *args) *asker { return &asker{viewer: &v, a: a} }

// forRecipient decides for the user named by the SQL expression u.
func forRecipient(u string) *asker { return &asker{column: u} }

func (k *asker) user() string {
	if k.viewer == nil {
		return k.column
	}
	if k.bound == "" {
		k.bound = k.a.add(k.viewer.UserID)
	}
	return k.bound
}

// constant reports whether the audience is decided without SQL for this
// asker, and if so its value.
func (k *asker) constant(au maillage.Audience, r rule) (value, known bool) {
	name, isRef := strings.CutPrefix(au.ID, refPrefix)
	if _, has := r.refs[name]; isRef && !has {
		return false, true // a part this item kind does not have (a note has no contributors)
	}
	if k.viewer == nil {
		switch au.Kind {
		case maillage.AudienceEveryone, maillage.AudienceSignedIn:
			return true, true // a recipient is a signed-in person
		}
		return false, false // the rest is read in SQL
	}
	v := *k.viewer
	switch {
	case au.Kind == maillage.AudienceEveryone:
		return true, true
	case !v.SignedIn():
		return false, true // only AudienceEveryone reaches a visitor
	case !isRef:
		return v.Includes(au), true // IDs and flags known in Go
	}
	return false, false
}

// sql translates an audience that constant could not decide.
func (k *asker) sql(au maillage.Audience, r rule) string {
	u := k.user()
	switch au.Kind { // recipients only: viewers are decided in Go
	case maillage.AudienceAdmins:
		return "EXISTS (SELECT 1 FROM users aud_a WHERE aud_a.id = " + u + " AND aud_a.is_admin)"
	case maillage.AudienceCurators:
		return "EXISTS (SELECT 1 FROM users aud_c WHERE aud_c.id = " + u + " AND aud_c.is_curator)"
	}
	name, isRef := strings.CutPrefix(au.ID, refPrefix)
	rf := r.refs[name]
	if !isRef { // an ID known in Go, for a recipient filter (which binds nothing)
		rf = sqlRef{column: literal(au.ID)}
	}
	switch au.Kind {
	case maillage.AudiencePerson:
		if rf.column != "" {
			return "(" + rf.column + " = " + u + ")"
		}
		s := "EXISTS (SELECT 1 FROM " + rf.table + " aud_o WHERE aud_o." + rf.key + " = " + rf.row + " AND aud_o.user_id = " + u
		if rf.extra != "" {
			s += " AND aud_o." + rf.extra
		}
		return s + ")"
	case maillage.AudienceMembers, maillage.AudienceManagers:
		s := "EXISTS (SELECT 1 FROM community_members aud_m WHERE aud_m.community_id = " + rf.column + " AND aud_m.user_id = " + u
		if au.Kind == maillage.AudienceManagers {
			s += " AND aud_m.role = 'manager'"
		}
		return s + ")"
	}
	return "FALSE"
}

// literal quotes an ID known in Go for a recipient filter, which has no
// parameters. IDs are generated by Maillage (letters and digits); anything
// else is refused rather than quoted.
func literal(id string) string {
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return "NULL"
		}
	}
	return "'" + id + "'"
}

// where is the derived filter of an item kind for the asker: true for the
// rows whose state gives an audience the asker belongs to.
func (k *asker) where(r rule) string {
	var alts []string
	always := true
	for _, st := range r.states {
		var terms []maillage.Audience
		decided := false
		for _, au := range st.audiences {
			if value, known := k.constant(au, r); known {
				decided = decided || value
				continue
			}
			terms = append(terms, au)
		}
		switch {
		case decided:
			alts = append(alts, st.cond)
		case len(terms) > 0:
			always = false
			parts := make([]string, len(terms))
			for i, au := range terms {
				parts[i] = k.sql(au, r)
			}
			cond := strings.Join(parts, " OR ")
			if st.cond != "TRUE" {
				cond = st.cond + " AND (" + cond + ")"
			}
			alts = append(alts, "("+cond+")")
		default:
			always = false
		}
	}
	switch {
	case always && len(alts) == len(r.states):
		return "TRUE"
	case len(alts) == 0:
		return "FALSE"
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}
