package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The import of a map of actors takes three pages: the upload with the
// options every card gets, the preview (the column mapping, which people
// may change, the first cards, and what each row would become), and the
// report of the import, row by row.

// actorImportData feeds the three steps.
type actorImportData struct {
	// Token names the staged file between the preview and the import.
	Token  string
	Report *service.ActorImportReport
	Fields []actorImportField
	// Rows is the report row by row, its messages translated.
	Rows         []importRowView
	Kinds        []option
	Visibilities []option
	Communities  []option
}

// importRowView is one row of the report as the page shows it.
type importRowView struct {
	service.ActorImportRow
	Problem  bool
	Messages []string
}

// actorImportField is one card field with the columns it may read.
type actorImportField struct {
	Name, Label string
	Column      string
	Columns     []string
}

func (s *server) actorImportForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	f := newForm(nil)
	f.Values.Set("visibility", string(maillage.ActorMembers))
	f.Values.Set("kind", string(maillage.ActorOrganization))
	s.renderActorImport(w, r, http.StatusOK, f, actorImportData{})
}

func (s *server) renderActorImport(w http.ResponseWriter, r *http.Request, status int, f *form, d actorImportData) {
	st := state(r)
	d.Kinds, d.Visibilities = actorKindOptions(st.L), actorVisibilityOptions(st.L)
	communities, err := s.myCommunityOptions(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Communities = communities
	if d.Report != nil {
		for _, rr := range d.Report.Report {
			v := importRowView{ActorImportRow: rr, Problem: rr.Status != service.ImportCreated && rr.Status != service.ImportWouldCreate}
			for _, fe := range rr.Errors {
				msg := st.L.T(fe.MessageID, fe.Data)
				if fe.Field != "row" && fe.Field != "file" {
					msg = st.L.T("actors.import.field_error", map[string]any{"Field": st.L.T("actors.field." + unreserved(fe.Field)), "Message": msg})
				}
				v.Messages = append(v.Messages, msg)
			}
			d.Rows = append(d.Rows, v)
		}
		for _, name := range service.ActorImportFields() {
			d.Fields = append(d.Fields, actorImportField{Name: name, Label: st.L.T("actors.field." + unreserved(name)),
				Column: d.Report.Mapping[name], Columns: d.Report.Columns})
		}
	}
	relabelActorErrors(f, st.L)
	s.render(w, r, status, view{Template: "actor_import", Title: st.L.T("actors.import.title"), Nav: "actors", Form: f, Data: d})
}

// importOptions reads the options of the upload form, kept as hidden
// fields through the preview.
func importOptions(r *http.Request, dry bool) service.ActorImportOptions {
	o := service.ActorImportOptions{Kind: r.PostForm.Get("kind"), Visibility: r.PostForm.Get("visibility"),
		CommunityID: r.PostForm.Get("community_id"), Source: strings.TrimSpace(r.PostForm.Get("source")),
		Tags: splitTags(r.PostForm.Get("tags")), DryRun: dry}
	if r.PostForm.Has("map_name") {
		o.Mapping = map[string]string{}
		for _, f := range service.ActorImportFields() {
			o.Mapping[f] = r.PostForm.Get("map_" + f)
		}
	}
	return o
}

// uploadActorImport receives the file, stages it and shows the preview.
func (s *server) uploadActorImport(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.fail(w, r, maillage.Errorf(maillage.CodeTooLarge, "actors.import.too_large").
			WithData(map[string]any{"Max": service.MaxActorImportBytes >> 20}).Wrap(err))
		return
	}
	f := newForm(r.PostForm)
	file, hdr, err := r.FormFile("file")
	if err != nil {
		f.addError(st.L, "file", "actors.import.no_file", nil)
		s.renderActorImport(w, r, http.StatusUnprocessableEntity, f, actorImportData{})
		return
	}
	defer file.Close()
	token, err := s.svc.StageActorImport(r.Context(), st.Viewer, file)
	if err != nil {
		s.importError(w, r, f, err, actorImportData{})
		return
	}
	if strings.TrimSpace(f.Get("source")) == "" && hdr != nil {
		f.Values.Set("source", hdr.Filename)
		r.PostForm.Set("source", hdr.Filename)
	}
	f.Values.Set("token", token)
	s.previewActorImport(w, r, f, token)
}

// previewActorImport shows what the import would do (a dry run).
func (s *server) previewActorImport(w http.ResponseWriter, r *http.Request, f *form, token string) {
	st := state(r)
	rep, err := s.svc.ImportStagedActors(r.Context(), st.Viewer, token, importOptions(r, true))
	if err != nil {
		// A mapping refused still shows the columns found, to choose again.
		d := actorImportData{Token: token}
		if rep != nil && len(rep.Columns) > 0 {
			d.Report = rep
		}
		s.importError(w, r, f, err, d)
		return
	}
	s.renderActorImport(w, r, http.StatusOK, f, actorImportData{Token: token, Report: rep})
}

// reviewActorImport runs the preview again with the mapping chosen.
func (s *server) reviewActorImport(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	s.previewActorImport(w, r, newForm(r.PostForm), r.PostForm.Get("token"))
}

// runActorImport imports the staged file and shows the report.
func (s *server) runActorImport(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	f := newForm(r.PostForm)
	token := r.PostForm.Get("token")
	rep, err := s.svc.ImportStagedActors(r.Context(), st.Viewer, token, importOptions(r, false))
	if err != nil {
		s.importError(w, r, f, err, actorImportData{Token: token})
		return
	}
	s.renderActorImport(w, r, http.StatusOK, f, actorImportData{Report: rep})
}

// importError shows the page again with a translated message about the
// file or an option; nothing typed is lost.
func (s *server) importError(w http.ResponseWriter, r *http.Request, f *form, err error, d actorImportData) {
	st := state(r)
	e := maillage.AsError(err)
	switch {
	case len(e.Fields) > 0:
		f.apply(st.L, err)
	case e.Code == maillage.CodeInvalid || e.Code == maillage.CodeTooLarge:
		f.addError(st.L, "file", e.MessageID, e.Data)
	default:
		s.fail(w, r, err)
		return
	}
	status := formStatus(err)
	if e.Code == maillage.CodeTooLarge {
		status = http.StatusRequestEntityTooLarge
	}
	if e.MessageID == "actors.import.expired" {
		d.Token = ""
	}
	s.renderActorImport(w, r, status, f, d)
}
