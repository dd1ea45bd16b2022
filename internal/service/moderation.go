package service

import (
	"context"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// ReportPost tells a community's managers that a thread or reply needs
// their attention. Anyone signed in who can see the post may report it;
// reporting the same post again updates the reason without telling the
// managers twice.
func (s *Service) ReportPost(ctx context.Context, v maillage.Viewer, subject maillage.SubjectType, id, reason string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	rep := &maillage.Report{ID: auth.NewID(), ReporterID: v.UserID, Reason: maillage.CleanText(reason)}
	switch subject {
	case maillage.SubjectThread:
		t, err := s.Thread(ctx, v, id)
		if err != nil {
			return err
		}
		rep.CommunityID, rep.ThreadID = t.CommunityID, t.ID
	case maillage.SubjectReply:
		r, t, err := s.Reply(ctx, v, id)
		if err != nil {
			return err
		}
		if r.Deleted() {
			return maillage.ErrNotFound
		}
		rep.CommunityID, rep.ThreadID, rep.ReplyID = t.CommunityID, t.ID, r.ID
	default:
		return maillage.ErrNotFound
	}
	var val maillage.Validator
	val.Required("reason", rep.Reason)
	val.MaxLen("reason", rep.Reason, maillage.MaxReportReasonLen)
	if err := val.Err(); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		isNew, err := tx.CreateReport(ctx, rep)
		if err != nil || !isNew {
			return err
		}
		ev := maillage.Event{
			Kind: maillage.EventReport, ActorID: v.UserID,
			SubjectType: subject, SubjectID: id, CommunityID: rep.CommunityID,
		}
		if subject == maillage.SubjectReply {
			ev.ParentType, ev.ParentID = maillage.SubjectThread, rep.ThreadID
		}
		managers, err := tx.CommunityManagerIDs(ctx, rep.CommunityID)
		if err != nil {
			return err
		}
		ev.RecipientIDs = excludeActor(managers, v.UserID)
		if len(ev.RecipientIDs) == 0 {
			return nil
		}
		return tx.Enqueue(ctx, maillage.JobNotify, ev)
	})
}

// Reports lists a community's reports with a status, for its managers.
func (s *Service) Reports(ctx context.Context, v maillage.Viewer, communityID string, status maillage.ReportStatus) ([]maillage.Report, error) {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return nil, err
	}
	if status != maillage.ReportResolved {
		status = maillage.ReportOpen
	}
	return s.db.Reports(ctx, communityID, status, 100)
}

// OpenReportCount counts a community's open reports, for its managers
// (zero for anyone else).
func (s *Service) OpenReportCount(ctx context.Context, v maillage.Viewer, c *maillage.Community) (int, error) {
	if !maillage.CanManageCommunity(v, c.Access()) {
		return 0, nil
	}
	return s.db.CountOpenReports(ctx, c.ID)
}

// ResolveReport closes a report once a manager has dealt with it.
func (s *Service) ResolveReport(ctx context.Context, v maillage.Viewer, communityID, reportID string) error {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.ResolveReport(ctx, communityID, reportID, v.UserID) })
}
