package api

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestOrganizations(t *testing.T) {
	e := newEnv(t)
	org := e.org
	bob := e.users["bob"]
	var created string
	runScenarios(t, e, []scenario{
		{Name: "create", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Réseau des cuisines","description":"Un réseau","region":"03","website":"https://cuisines.example.test",
				"tags":["économie sociale","Alimentation"],"type":"network","latitude":46.81,"longitude":-71.21}`,
			Status: 201, Contains: []string{`"name":"Réseau des cuisines"`, `"alimentation"`, `"économie sociale"`,
				`"latitude":46.81`, `"type":"network"`, `"can_edit":true`},
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				created, _ = decodeBody(t, w)["id"].(string)
				if created == "" || !strings.HasSuffix(w.Header().Get("Location"), "/organizations/"+created) {
					t.Errorf("id %q, Location %q", created, w.Header().Get("Location"))
				}
			}},
		{Name: "create minimal", Method: "POST", URL: "/api/v1/organizations", As: "bob", Body: `{"name":"Atelier vélo"}`,
			Status: 201, Contains: []string{`"type":"other"`, `"tags":[]`, `"latitude":null`}},
		{Name: "duplicate name", Method: "POST", URL: "/api/v1/organizations", As: "bob", Body: `{"name":"coop du quartier"}`,
			Status: 409, ErrCode: "conflict", Contains: []string{"Coop du Quartier", `"existing_id":"` + org.ID + `"`}},
		{Name: "duplicate name in English", Method: "POST", URL: "/api/v1/organizations?lang=en", As: "bob",
			Body: `{"name":"Coop du Quartier"}`, Status: 409, Contains: []string{"already", "Coop du Quartier"}},
		{Name: "homonym confirmed", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Coop du Quartier","region":"01","distinct_name":true}`, Status: 201},
		{Name: "duplicate website", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Autre nom","website":"https://coop.example.test/","distinct_name":true}`, Status: 409,
			Contains: []string{`"existing_id":"` + org.ID + `"`}},
		{Name: "create anonymous", Method: "POST", URL: "/api/v1/organizations", Body: `{"name":"X"}`, Status: 401},
		{Name: "create missing name", Method: "POST", URL: "/api/v1/organizations", As: "bob", Body: `{"description":"d"}`,
			Status: 400, ErrField: "name"},
		{Name: "create too long", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"` + strings.Repeat("a", 201) + `"}`, Status: 400, ErrField: "name"},
		{Name: "create latitude as text", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Y","latitude":"46.8","longitude":-71}`, Status: 400, ErrField: "latitude", Contains: []string{"must be a number"}},
		{Name: "create latitude out of range", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Y","latitude":146.8,"longitude":-71}`, Status: 400, ErrField: "latitude"},
		{Name: "create tags not a list", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Y","tags":"a"}`, Status: 400, ErrField: "tags"},
		{Name: "create bad website", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Y","website":"javascript:alert(1)"}`, Status: 400, ErrField: "website"},
		{Name: "create bad type", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Y","type":"cult"}`, Status: 400, ErrField: "type"},
		{Name: "create unknown field", Method: "POST", URL: "/api/v1/organizations", As: "bob",
			Body: `{"name":"Y","created_by":"x"}`, Status: 400, ErrField: "created_by"},

		{Name: "get", Method: "GET", URL: "/api/v1/organizations/" + org.ID, Status: 200,
			Contains: []string{`"id":"` + org.ID + `"`, `"name":"Coop du Quartier"`, `"tags":["économie sociale"]`,
				`"tag_slugs":["`, `"can_edit":false`}},
		{Name: "get unknown", Method: "GET", URL: "/api/v1/organizations/" + absentID, Status: 404, ErrCode: "not_found"},
		{Name: "list", Method: "GET", URL: "/api/v1/organizations", Status: 200, Contains: []string{`"total":4`}},
		{Name: "list by type", Method: "GET", URL: "/api/v1/organizations?type=network", Status: 200, Contains: []string{`"total":1`}},
		{Name: "list by tag", Method: "GET", URL: "/api/v1/organizations?tag=alimentation", Status: 200, Contains: []string{`"total":1`}},
		{Name: "list by region", Method: "GET", URL: "/api/v1/organizations?region=06", Status: 200, Contains: []string{`"total":1`}},
		{Name: "list unknown tag", Method: "GET", URL: "/api/v1/organizations?tag=inexistant", Status: 200,
			Contains: []string{`"total":0`, `"items":[]`}},
		{Name: "list bad type", Method: "GET", URL: "/api/v1/organizations?type=x", Status: 400, ErrField: "type"},

		{Name: "patch by creator keeps other fields", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "alice",
			Body: `{"description":"Coopérative de quartier","latitude":45.5,"longitude":-73.6}`, Status: 200,
			Contains: []string{`"name":"Coop du Quartier"`, `"description":"Coopérative de quartier"`, `"latitude":45.5`,
				`"tags":["économie sociale"]`, `"website":"https://coop.example.test"`}},
		{Name: "patch clears coordinates", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "alice",
			Body: `{"latitude":null,"longitude":null}`, Status: 200, Contains: []string{`"latitude":null`}},
		{Name: "patch from a stale version", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "alice",
			Body: `{"description":"écrasé","version":1}`, Status: 409, ErrCode: "conflict"},
		{Name: "patch from the current version", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "alice",
			Body: `{"version":3}`, Status: 200, Contains: []string{`"version":4`, `"description":"Coopérative de quartier"`}},
		{Name: "patch coordinate wrong type", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "alice",
			Body: `{"latitude":"nord"}`, Status: 400, ErrField: "latitude"},
		{Name: "patch by other", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "carol",
			Body: `{"description":"vandalisme"}`, Status: 403, ErrCode: "forbidden"},
		{Name: "patch anonymous", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, Body: `{"description":"x"}`, Status: 401},
		{Name: "patch unknown", Method: "PATCH", URL: "/api/v1/organizations/" + absentID, As: "alice", Body: `{"name":"x"}`,
			Status: 404},

		{Name: "affiliate oneself", Method: "PUT", URL: "/api/v1/organizations/" + org.ID + "/members/" + bob.ID, As: "bob",
			Body: `{"role":"bénévole"}`, Status: 204},
		{Name: "member shown", Method: "GET", URL: "/api/v1/organizations/" + org.ID, Status: 200,
			Contains: []string{`"role":"bénévole"`, `"user_id":"` + bob.ID + `"`}},
		{Name: "affiliate oneself as admin", Method: "PUT", URL: "/api/v1/organizations/" + org.ID + "/members/" + e.users["carol"].ID,
			As: "carol", Body: `{"role":"x","admin":true}`, Status: 403},
		{Name: "affiliate someone else", Method: "PUT", URL: "/api/v1/organizations/" + org.ID + "/members/" + bob.ID, As: "carol",
			Body: `{"role":"x"}`, Status: 403},
		{Name: "editor grants admin", Method: "PUT", URL: "/api/v1/organizations/" + org.ID + "/members/" + bob.ID, As: "alice",
			Body: `{"role":"trésorier","admin":true}`, Status: 204},
		{Name: "affiliation admin is editor", Method: "PATCH", URL: "/api/v1/organizations/" + org.ID, As: "bob",
			Body: `{"address":"1 rue Principale"}`, Status: 200},
		{Name: "affiliation role too long", Method: "PUT", URL: "/api/v1/organizations/" + org.ID + "/members/" + bob.ID, As: "bob",
			Body: `{"role":"` + strings.Repeat("r", 121) + `"}`, Status: 400, ErrField: "role"},
		{Name: "affiliation unknown person", Method: "PUT", URL: "/api/v1/organizations/" + org.ID + "/members/" + absentID, As: "alice",
			Body: `{}`, Status: 404},
		{Name: "remove affiliation by other", Method: "DELETE", URL: "/api/v1/organizations/" + org.ID + "/members/" + bob.ID,
			As: "carol", Status: 403},
		{Name: "remove affiliation", Method: "DELETE", URL: "/api/v1/organizations/" + org.ID + "/members/" + bob.ID,
			As: "bob", Status: 204},

		{Name: "delete by other", Method: "DELETE", URL: "/api/v1/organizations/" + org.ID, As: "carol", Status: 403},
		{Name: "delete anonymous", Method: "DELETE", URL: "/api/v1/organizations/" + org.ID, Status: 401},
		{Name: "delete", Method: "DELETE", URL: "/api/v1/organizations/" + org.ID, As: "alice", Status: 204},
		{Name: "deleted", Method: "GET", URL: "/api/v1/organizations/" + org.ID, Status: 404},
		{Name: "delete again", Method: "DELETE", URL: "/api/v1/organizations/" + org.ID, As: "alice", Status: 404},
	})
}
