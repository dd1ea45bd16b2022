package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/discovery"
	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// tagKeyActors is how many key actors lead a tag's page.
const tagKeyActors = 5

// keyActorView is a ranked actor with its reasons in the page's language.
type keyActorView struct {
	discovery.Actor
	Rank    int
	Href    string
	Reasons []string
}

// keyActorsData is the key actors page, and the section leading a tag's
// page.
type keyActorsData struct {
	Tag         *maillage.Tag
	Label       string
	Order       string
	Orders      []string
	Descendants bool
	Actors      []keyActorView
	// Query carries the descendants choice into the order links.
	Query string
}

func actorHref(p discovery.Person) string {
	switch p.Type {
	case "user":
		return "/people/" + p.ID
	case "organization":
		return "/organizations/" + p.ID
	case "actor":
		return "/actors/" + p.ID
	}
	return ""
}

// keyActors ranks a theme's actors for the page's viewer.
func (s *server) keyActors(r *http.Request, tag string, desc bool, order graph.Order, limit int) (*keyActorsData, error) {
	st := state(r)
	res, err := s.disc.KeyActors(r.Context(), st.Viewer, discovery.KeyActorsInput{Tag: tag, Descendants: desc, Order: order, Limit: limit})
	if err != nil {
		return nil, err
	}
	label := res.Tag.DisplayLabel(st.L.Lang())
	d := &keyActorsData{Tag: res.Tag, Label: label, Order: res.Order.String(), Descendants: desc,
		Orders: []string{"combined", "relations", "publications", "nominations"}}
	if desc {
		d.Query = "&descendants=1"
	}
	for i, a := range res.Actors {
		d.Actors = append(d.Actors, keyActorView{Actor: a, Rank: i + 1, Href: actorHref(a.Person),
			Reasons: discovery.Reasons(a, label, st.L)})
	}
	return d, nil
}

// keyActorsPage is a theme's whole ranking, with the order switch, the
// selection to write to, and the exports (?format=csv|vcf).
func (s *server) keyActorsPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query()
	d, err := s.keyActors(r, r.PathValue("slug"), q.Get("descendants") == "1", graph.ParseOrder(q.Get("order")), discovery.MaxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Tag.Slug != r.PathValue("slug") {
		http.Redirect(w, r, "/tags/"+url.PathEscape(d.Tag.Slug)+"/key-actors?"+r.URL.RawQuery, http.StatusMovedPermanently)
		return
	}
	switch q.Get("format") {
	case "csv":
		s.keyActorsCSV(w, d, st.L)
		return
	case "vcf":
		s.keyActorsVCard(w, d)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "key_actors",
		Title: st.L.T("discovery.key_actors_title") + " — " + d.Label, Data: d})
}

// keyActorsCSV exports the ranking as the viewer sees it.
func (s *server) keyActorsCSV(w http.ResponseWriter, d *keyActorsData, l *i18n.Localizer) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write([]string{"rank", "type", "id", "name", "score", "publications", "relations", "nominations",
		"communities", "discussions", "url", "reasons"})
	for _, a := range d.Actors {
		_ = cw.Write([]string{fmt.Sprint(a.Rank), a.Type, a.ID, csvSafe(a.Name), fmt.Sprint(a.Score),
			fmt.Sprint(a.Publications), fmt.Sprint(a.Relations), fmt.Sprint(a.Nominations), fmt.Sprint(a.Communities),
			fmt.Sprint(a.Discussions), a.Href, csvSafe(strings.Join(a.Reasons, " ; "))})
	}
	cw.Flush()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+d.Tag.Slug+`-key-actors.csv"`)
	_, _ = w.Write(buf.Bytes())
}

// csvSafe keeps a spreadsheet from reading a name as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// keyActorsVCard exports the ranked people and organisations as vCard
// 4.0 cards holding what everyone on the page may see: a name, a kind
// and the address of their page. Nobody's email or phone leaves
// through an export.
func (s *server) keyActorsVCard(w http.ResponseWriter, d *keyActorsData) {
	var b strings.Builder
	esc := strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`, "\r", "")
	for _, a := range d.Actors {
		kind := "individual"
		if a.Type != "user" {
			kind = "org"
			if a.Type == "actor" {
				kind = "individual"
			}
		}
		b.WriteString("BEGIN:VCARD\r\nVERSION:4.0\r\n")
		b.WriteString("KIND:" + kind + "\r\n")
		b.WriteString("FN:" + esc.Replace(a.Name) + "\r\n")
		if kind == "org" {
			b.WriteString("ORG:" + esc.Replace(a.Name) + "\r\n")
		}
		b.WriteString("URL:" + s.baseURL + a.Href + "\r\n")
		b.WriteString("CATEGORIES:" + esc.Replace(d.Label) + "\r\n")
		b.WriteString("UID:urn:maillage:" + a.Type + ":" + a.ID + "\r\n")
		b.WriteString("END:VCARD\r\n")
	}
	w.Header().Set("Content-Type", "text/vcard; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+d.Tag.Slug+`-key-actors.vcf"`)
	_, _ = w.Write([]byte(b.String()))
}

// secondDegreeData is a person's or organisation's second degree.
type secondDegreeData struct {
	From     discovery.Person
	FromHref string
	Tag      *maillage.Tag
	TagValue string
	People   []suggestionView
}

type suggestionView struct {
	discovery.Suggestion
	Href  string
	Paths []pathView
}

type pathView struct {
	Name, Href, Relation string
}

func (s *server) personSecondDegree(w http.ResponseWriter, r *http.Request) {
	s.secondDegreePage(w, r, graph.KindUser)
}

func (s *server) organizationSecondDegree(w http.ResponseWriter, r *http.Request) {
	s.secondDegreePage(w, r, graph.KindOrganization)
}

func (s *server) secondDegreePage(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	st := state(r)
	id := r.PathValue("id")
	from := discovery.Person{Type: kind.String(), ID: id}
	// The page names whom it starts from: their name as the viewer may
	// see it, or 404 like an absent one.
	switch kind {
	case graph.KindUser:
		u, err := s.svc.Profile(r.Context(), st.Viewer, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		from.Name = u.Name
	default:
		o, err := s.svc.Organization(r.Context(), st.Viewer, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		from.Name = o.Name
	}
	tag := strings.TrimSpace(r.URL.Query().Get("tag"))
	list, t, err := s.disc.SecondDegree(r.Context(), st.Viewer, discovery.SecondDegreeInput{
		From: []graph.NodeRef{{Kind: kind, ID: id}}, Tag: tag, Limit: 30})
	if maillage.IsNotFound(err) && tag != "" {
		// An unknown theme: say so on the page rather than a 404 for a
		// person who exists.
		e := maillage.Errorf(maillage.CodeInvalid, "discovery.page.unknown_tag")
		e.Data = map[string]any{"Tag": tag}
		err = e
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := secondDegreeData{From: from, FromHref: actorHref(from), Tag: t, TagValue: tag}
	for _, sg := range list {
		v := suggestionView{Suggestion: sg, Href: actorHref(sg.Person)}
		for _, via := range sg.Via {
			v.Paths = append(v.Paths, pathView{Name: via.Name, Href: actorHref(via.Person), Relation: discovery.Relation(via, st.L)})
		}
		d.People = append(d.People, v)
	}
	s.render(w, r, http.StatusOK, view{Template: "second_degree",
		Title: st.L.T("discovery.second_title") + " — " + from.Name, Nav: "people", Data: d})
}
