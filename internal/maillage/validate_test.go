package maillage

import (
	"errors"
	"strings"
	"testing"
)

func TestValidEmailAndURL(t *testing.T) {
	for s, want := range map[string]bool{
		"marie@exemple.qc.ca": true, "a@b": false, "Marie <m@x.ca>": false, "m x@x.ca": false, "": false,
	} {
		if ValidEmail(s) != want {
			t.Errorf("ValidEmail(%q) != %v", s, want)
		}
	}
	for s, want := range map[string]bool{
		"https://exemple.org/a?b": true, "javascript:alert(1)": false, "ftp://x.org": false, "https://": false, "exemple.org": false,
	} {
		if ValidURL(s) != want {
			t.Errorf("ValidURL(%q) != %v", s, want)
		}
	}
}

func TestOrganizationInputValidate(t *testing.T) {
	_, _, err := OrganizationInput{Name: strings.Repeat("é", MaxOrgNameLen+1), Website: "nope", Latitude: "91", Longitude: "-73.5", Region: "99"}.Validate()
	var de *Error
	if !errors.As(err, &de) || de.Code != CodeInvalid {
		t.Fatalf("want invalid, got %v", err)
	}
	fields := map[string]string{}
	for _, f := range de.Fields {
		fields[f.Field] = f.MessageID
	}
	want := map[string]string{"name": "field.too_long", "website": "field.invalid_url", "latitude": "field.invalid_coordinate", "region": "field.invalid_choice"}
	for f, id := range want {
		if fields[f] != id {
			t.Errorf("field %s: got %q, want %q", f, fields[f], id)
		}
	}
	lat, lon, err := OrganizationInput{Name: "Coop", Latitude: "46.81", Longitude: "-71.2"}.Validate()
	if err != nil || *lat != 46.81 || *lon != -71.2 {
		t.Fatalf("valid coordinates refused: %v", err)
	}
	if _, _, err := (OrganizationInput{Name: "Coop", Latitude: "46.81"}).Validate(); err == nil {
		t.Error("a latitude without longitude should be refused")
	}
}

func TestSignUpValidate(t *testing.T) {
	if err := (SignUpInput{Email: "a@b.ca", Name: "Aïcha", Password: "assez-long-pour-passer"}).Validate(); err != nil {
		t.Fatalf("valid sign-up refused: %v", err)
	}
	err := SignUpInput{Email: "x", Name: " ", Password: "court"}.Validate()
	if ErrorCode(err) != CodeInvalid || len(AsError(err).Fields) != 3 {
		t.Fatalf("want three field errors, got %v", err)
	}
}

func TestErrorCodeAndAs(t *testing.T) {
	if ErrorCode(nil) != "" || ErrorCode(errors.New("x")) != CodeInternal || ErrorCode(ErrNotFound.Wrap(errors.New("sql"))) != CodeNotFound {
		t.Error("ErrorCode")
	}
	if e := AsError(errors.New("boom")); e.MessageID != "error.internal" {
		t.Error("internal errors get a safe message")
	}
}
