package store

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// meetingRule describes meetings aliased m in communities aliased c to
// maillage.MeetingAccess.Audiences: every state of the meeting's
// visibility and of its community's visibility and listing.
func meetingRule(m, c string) rule {
	r := rule{refs: map[string]sqlRef{"community": {column: m + ".community_id"}}}
	for _, mv := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity} {
		for _, cv := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityPrivate} {
			for _, listed := range []bool{true, false} {
				cond := "(" + m + ".visibility = '" + string(mv) + "' AND " + c + ".visibility = '" + string(cv) + "' AND "
				if !listed {
					cond += "NOT "
				}
				ma := maillage.MeetingAccess{Visibility: mv,
					Community: maillage.CommunityAccess{ID: ref("community"), Visibility: cv, Listed: listed}}
				r.states = append(r.states, ruleState{cond: cond + c + ".listed)", audiences: ma.Audiences()})
			}
		}
	}
	return r
}

// meetingVisibleSQL is maillage.CanViewMeeting for meetings aliased m
// joined to their communities aliased c.
func meetingVisibleSQL(v maillage.Viewer, m, c string, a *args) string {
	return forViewer(v, a).where(meetingRule(m, c))
}

// meetingAccess loads the policy inputs of a meeting.
func (db *DB) meetingAccess(ctx context.Context, id string) (maillage.MeetingAccess, error) {
	var a maillage.MeetingAccess
	var vis, cvis string
	err := db.queryRow(ctx, `SELECT m.visibility, c.id, c.visibility, c.listed FROM meetings m JOIN communities c ON c.id = m.community_id
		WHERE m.id = $1`, id).Scan(&vis, &a.Community.ID, &cvis, &a.Community.Listed)
	a.Visibility, a.Community.Visibility = maillage.Visibility(vis), maillage.Visibility(cvis)
	return a, err
}

// meetingTagVisibleSQL is maillage.CanViewMeeting for meetings aliased m
// alone (tag uses and counts name no community alias).
func meetingTagVisibleSQL(v maillage.Viewer, m string, a *args) string {
	return "EXISTS (SELECT 1 FROM communities tmc WHERE tmc.id = " + m + ".community_id AND " + meetingVisibleSQL(v, m, "tmc", a) + ")"
}
