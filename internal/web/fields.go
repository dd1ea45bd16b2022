package web

import (
	"fmt"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// fieldView is everything the "field" partial needs to draw one labelled
// control with its hint and error, wired for screen readers.
type fieldView struct {
	Kind         string // input (default), textarea, select, tags
	ID, Name     string
	Type         string
	Label, Hint  string
	Value        string
	Error        string
	Max          int
	Rows         int
	Required     bool
	Autocomplete string
	Placeholder  string
	Empty        string // label of the empty choice of a select
	Options      []option
	// Texts drawn from the localizer, so the partial needs no other data.
	RequiredMark string
	SuggestLabel string
}

// option is one choice of a select.
type option struct {
	Value, Label string
}

// newField is {{field .Form .L "name" "label" "id" "required" true ...}}.
// Keys: label, hint (message IDs), type, kind, max, rows, required,
// autocomplete, placeholder (message ID), empty (message ID), options.
func newField(f *form, l *i18n.Localizer, name string, kv ...any) (fieldView, error) {
	opts, err := dict(kv...)
	if err != nil {
		return fieldView{}, err
	}
	fv := fieldView{Kind: "input", Type: "text", ID: fieldID(name), Name: name}
	if f != nil {
		fv.Value, fv.Error = f.Get(name), f.Error(name)
	}
	for k, v := range opts {
		var ok bool
		switch k {
		case "label":
			var id string
			id, ok = v.(string)
			fv.Label = l.T(id)
		case "hint":
			var id string
			id, ok = v.(string)
			fv.Hint = l.T(id)
		case "placeholder":
			var id string
			id, ok = v.(string)
			fv.Placeholder = l.T(id)
		case "empty":
			var id string
			id, ok = v.(string)
			fv.Empty = l.T(id)
		case "type":
			fv.Type, ok = v.(string)
		case "kind":
			fv.Kind, ok = v.(string)
		case "autocomplete":
			fv.Autocomplete, ok = v.(string)
		case "max":
			fv.Max, ok = v.(int)
		case "rows":
			fv.Rows, ok = v.(int)
		case "required":
			fv.Required, ok = v.(bool)
		case "options":
			fv.Options, ok = v.([]option)
		case "value":
			// A value forced by the page (a hidden default) wins over none.
			if fv.Value == "" {
				fv.Value, ok = v.(string)
			} else {
				_, ok = v.(string)
			}
		}
		if !ok {
			return fieldView{}, fmt.Errorf("field %s: bad option %s=%v", name, k, v)
		}
	}
	if fv.Required {
		fv.RequiredMark = l.T("web.form.required")
	}
	if fv.Kind == "tags" {
		fv.SuggestLabel = l.T("web.tags.suggestions")
	}
	return fv, nil
}

// HintID and ErrorID name the elements aria-describedby points to.
func (f fieldView) HintID() string  { return f.ID + "-hint" }
func (f fieldView) ErrorID() string { return f.ID + "-error" }

// SuggestID is the list of tag suggestions under a tags field.
func (f fieldView) SuggestID() string { return f.ID + "-suggestions" }

// DescribedBy lists the hint and error ids present.
func (f fieldView) DescribedBy() string {
	s := ""
	if f.Hint != "" {
		s = f.HintID()
	}
	if f.Error != "" {
		if s != "" {
			s += " "
		}
		s += f.ErrorID()
	}
	return s
}

func regionOptions(l *i18n.Localizer) []option {
	var out []option
	for _, r := range maillage.Regions() {
		out = append(out, option{Value: r.Code, Label: maillage.RegionName(r.Code, l.Lang())})
	}
	return out
}

func orgTypeOptions(l *i18n.Localizer) []option {
	var out []option
	for _, t := range maillage.OrganizationTypes() {
		out = append(out, option{Value: t, Label: orgTypeLabel(l, t)})
	}
	return out
}

func languageOptions(l *i18n.Localizer) []option {
	return []option{{Value: i18n.FrenchCA, Label: "Français"}, {Value: i18n.English, Label: "English"}}
}

func linkKindOptions(l *i18n.Localizer) []option {
	var out []option
	for _, k := range maillage.LinkKinds() {
		out = append(out, option{Value: k, Label: linkKindLabel(l, k)})
	}
	return out
}

func roleOptions(l *i18n.Localizer) []option {
	return []option{
		{Value: string(maillage.RoleMember), Label: l.T("web.role.member")},
		{Value: string(maillage.RoleManager), Label: l.T("web.role.manager")},
	}
}

func orgTypeLabel(l *i18n.Localizer, t string) string {
	return l.T("organization.type." + unreserved(t))
}

func linkKindLabel(l *i18n.Localizer, k string) string {
	return l.T("web.link." + unreserved(k))
}
