package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type reportJSON struct {
	ID           string  `json:"id"`
	ThreadID     string  `json:"thread_id"`
	ThreadTitle  string  `json:"thread_title"`
	ReplyID      string  `json:"reply_id,omitempty" doc:"set when a reply, not the thread, is reported"`
	ReporterID   string  `json:"reporter_id,omitempty"`
	ReporterName string  `json:"reporter_name,omitempty"`
	Reason       string  `json:"reason"`
	Text         string  `json:"text" doc:"the reported post's Markdown"`
	Status       string  `json:"status" enum:"open,resolved"`
	CreatedAt    string  `json:"created_at" format:"date-time"`
	ResolvedAt   *string `json:"resolved_at" format:"date-time"`
}

type reportList struct {
	Reports []reportJSON `json:"reports" doc:"oldest first"`
}

func (s *server) listReports(w http.ResponseWriter, r *http.Request) error {
	status, err := choice(r, "status", []string{string(maillage.ReportOpen), string(maillage.ReportResolved)})
	if err != nil {
		return err
	}
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	reports, err := s.svc.Reports(r.Context(), v, r.PathValue("id"), maillage.ReportStatus(status))
	if err != nil {
		return err
	}
	items := make([]reportJSON, len(reports))
	for i, rp := range reports {
		items[i] = reportJSON{ID: rp.ID, ThreadID: rp.ThreadID, ThreadTitle: rp.ThreadTitle, ReplyID: rp.ReplyID,
			ReporterID: rp.ReporterID, ReporterName: rp.ReporterName, Reason: rp.Reason, Text: rp.Excerpt,
			Status: string(rp.Status), CreatedAt: stamp(rp.CreatedAt), ResolvedAt: stampPtr(rp.ResolvedAt)}
	}
	s.writeJSON(w, http.StatusOK, reportList{Reports: items})
	return nil
}

func (s *server) resolveReport(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.ResolveReport(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("report_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
