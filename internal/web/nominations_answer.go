package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The answer page: up to five rows, each a name (suggested as one types)
// and a reason. A name that matches records the respondent may see is
// confirmed first ("did you mean …?"): the form comes back with a choice
// per row between the records found and a new name.

// nominationRow is one row of the answer form.
type nominationRow struct {
	Index   int
	Number  int
	Name    string
	Kind    string
	Reason  string
	Choice  string
	Matches []maillage.NomineeMatch
	Error   string
}

// nominationAnswerData feeds the answer page.
type nominationAnswerData struct {
	Ask    *service.NominationAsk
	Action string
	// Public is set on a secret link's page: suggestions are what
	// visitors may see, like the answer's checks.
	Public  bool
	Rows    []nominationRow
	Confirm bool
	Done    bool
}

func (s *server) nominationAnswerForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	ask, err := s.svc.NominationRequestAsked(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ask.Requester {
		s.errorPage(w, r, http.StatusForbidden, "nomination.not_asked", nil)
		return
	}
	d := nominationAnswerData{Ask: ask, Action: "/nominations/" + url.PathEscape(id) + "/answer", Rows: rowsOf(ask.Answer)}
	s.renderNominationAnswer(w, r, http.StatusOK, d, nil)
}

func (s *server) nominationTokenForm(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	ask, err := s.svc.NominationByToken(r.Context(), token)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := nominationAnswerData{Ask: ask, Action: "/nominate/" + url.PathEscape(token), Public: true, Rows: rowsOf(ask.Answer)}
	s.renderNominationAnswer(w, r, http.StatusOK, d, nil)
}

// rowsOf fills the form's rows with an earlier answer, then blanks.
func rowsOf(lines []maillage.Nomination) []nominationRow {
	rows := make([]nominationRow, maillage.MaxNominees)
	for i := range rows {
		rows[i] = nominationRow{Index: i, Number: i + 1, Kind: "person"}
		if i < len(lines) {
			rows[i].Name, rows[i].Reason = lines[i].Name, lines[i].Reason
			// A name given earlier is matched again when the answer is
			// sent anew: a card made of it is the requester's, not the
			// respondent's to name by its ID.
			if lines[i].Nominee.Type != maillage.NomineeActor {
				rows[i].Choice = string(lines[i].Nominee.Type) + ":" + lines[i].Nominee.ID
			}
		}
	}
	return rows
}

// rowsFrom reads the rows as submitted.
func rowsFrom(r *http.Request) []nominationRow {
	rows := make([]nominationRow, maillage.MaxNominees)
	for i := range rows {
		k := fmt.Sprint(i)
		rows[i] = nominationRow{Index: i, Number: i + 1, Name: trimmed(r, "name_"+k), Kind: r.PostForm.Get("kind_" + k),
			Reason: r.PostForm.Get("reason_" + k), Choice: r.PostForm.Get("choice_" + k)}
		if rows[i].Kind == "" {
			rows[i].Kind = "person"
		}
	}
	return rows
}

func (s *server) answerNomination(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	ask, err := s.svc.NominationRequestAsked(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := nominationAnswerData{Ask: ask, Action: "/nominations/" + url.PathEscape(id) + "/answer", Rows: rowsFrom(r)}
	s.submitNominationAnswer(w, r, d, st.Viewer, func(in []service.NomineeInput) error {
		return s.svc.AnswerNomination(r.Context(), st.Viewer, id, in)
	})
}

func (s *server) answerNominationByToken(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	token := r.PathValue("token")
	ask, err := s.svc.NominationByToken(r.Context(), token)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := nominationAnswerData{Ask: ask, Action: "/nominate/" + url.PathEscape(token), Public: true, Rows: rowsFrom(r)}
	s.submitNominationAnswer(w, r, d, maillage.Anonymous(), func(in []service.NomineeInput) error {
		return s.svc.AnswerNominationByToken(r.Context(), token, in)
	})
}

// submitNominationAnswer asks to confirm the names that match records
// the respondent may see (who), then records the answer.
func (s *server) submitNominationAnswer(w http.ResponseWriter, r *http.Request, d nominationAnswerData, who maillage.Viewer,
	answer func([]service.NomineeInput) error) {
	var in []service.NomineeInput
	orphan := false
	for i := range d.Rows {
		row := &d.Rows[i]
		if row.Name == "" {
			row.Choice = ""
			if strings.TrimSpace(row.Reason) != "" {
				// A reason without a name would be lost: ask for the name.
				row.Error, orphan = state(r).L.T("nomination.web.reason_without_name"), true
			}
			continue
		}
		n := service.NomineeInput{Reason: row.Reason}
		typ, nid, _ := strings.Cut(row.Choice, ":")
		switch maillage.NomineeType(typ) {
		case maillage.NomineeUser:
			n.UserID = nid
		case maillage.NomineeOrganization:
			n.OrganizationID = nid
		case maillage.NomineeActor:
			n.ActorID = nid
		default:
			n.Name, n.Kind, n.New = row.Name, row.Kind, row.Choice == "new"
		}
		if row.Choice == "" {
			m, err := s.svc.NomineeMatches(r.Context(), who, row.Name, false, 5)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			if len(m) > 0 {
				row.Matches, d.Confirm = m, true
			}
		}
		in = append(in, n)
	}
	if orphan {
		s.renderNominationAnswer(w, r, http.StatusUnprocessableEntity, d, nil)
		return
	}
	if d.Confirm {
		s.renderNominationAnswer(w, r, http.StatusOK, d, nil)
		return
	}
	err := answer(in)
	if err != nil {
		e := maillage.AsError(err)
		if e.Code != maillage.CodeInvalid && e.Code != maillage.CodeConflict && e.Code != maillage.CodeForbidden {
			s.fail(w, r, err)
			return
		}
		s.renderNominationAnswer(w, r, formStatus(err), d, err)
		return
	}
	d.Done = true
	if d.Public {
		s.renderNominationAnswer(w, r, http.StatusOK, d, nil)
		return
	}
	s.redirect(w, r, "/nominations", "nomination.web.answered")
}

// renderNominationAnswer shows the page; err, if any, is shown on the
// rows it names (nominees.<i>) or above the form.
func (s *server) renderNominationAnswer(w http.ResponseWriter, r *http.Request, status int, d nominationAnswerData, err error) {
	st := state(r)
	f := newForm(nil)
	if err != nil {
		e := maillage.AsError(err)
		// Rows count only the names given: map them back to the form's rows.
		given := []int{}
		for i, row := range d.Rows {
			if row.Name != "" {
				given = append(given, i)
			}
		}
		for _, fe := range e.Fields {
			var line int
			if _, scanErr := fmt.Sscanf(fe.Field, "nominees.%d", &line); scanErr == nil && line < len(given) {
				d.Rows[given[line]].Error = st.L.T(fe.MessageID, fe.Data)
				f.Summary = append(f.Summary, summaryItem{Field: fe.Field, Anchor: fmt.Sprintf("f-name-%d", given[line]),
					Label: st.L.T("nomination.web.row_label", map[string]any{"N": given[line] + 1}), Message: d.Rows[given[line]].Error})
				f.Errors[fe.Field] = d.Rows[given[line]].Error
			} else {
				f.Message = st.L.T(fe.MessageID, fe.Data)
			}
		}
		if len(e.Fields) == 0 {
			f.Message = st.L.T(e.MessageID, e.Data)
		}
	}
	title := st.L.T("nomination.web.answer_title", map[string]any{"Tag": d.Ask.Request.TagLabel})
	s.render(w, r, status, view{Template: "nomination_answer", Title: title, Form: f, Data: d})
}

// nomineeSuggest answers the answer form's suggestions as one types: the
// names of records the viewer may see (a visitor's on a secret link's
// page), as options of a datalist.
func (s *server) nomineeSuggest(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	for i := 0; text == "" && i < maillage.MaxNominees; i++ {
		text = strings.TrimSpace(q.Get(fmt.Sprintf("name_%d", i)))
	}
	who := st.Viewer
	if q.Get("public") == "1" {
		who = maillage.Anonymous()
	}
	var list []maillage.NomineeMatch
	if len([]rune(text)) >= 2 {
		var err error
		if list, err = s.svc.NomineeMatches(r.Context(), who, text, true, 8); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.renderFragment(w, r, "nominee_suggest", struct {
		Matches []maillage.NomineeMatch
	}{list})
}
