package api

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestCommunities(t *testing.T) {
	e := newEnv(t)
	pub, priv, secret := e.pub, e.priv, e.secret
	var created string
	runScenarios(t, e, []scenario{
		{Name: "create", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body:   `{"name":"Jardins partagés","description":"On sème","visibility":"public","tags":["agriculture urbaine"]}`,
			Status: 201, Contains: []string{`"name":"Jardins partagés"`, `"visibility":"public"`, `"tags":["agriculture urbaine"]`,
				`"role":"manager"`, `"member_count":1`, `"listed":true`},
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				created, _ = decodeBody(t, w)["id"].(string)
				if created == "" {
					t.Error("no id")
				}
			}},
		{Name: "create private", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body: `{"name":"Groupe privé","visibility":"private","tags":[]}`, Status: 201,
			Contains: []string{`"visibility":"private"`, `"listed":false`}},
		{Name: "create anonymous", Method: "POST", URL: "/api/v1/communities", Body: `{"name":"x","visibility":"public"}`, Status: 401},
		{Name: "create bad visibility", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body: `{"name":"x","visibility":"secret"}`, Status: 400, ErrField: "visibility"},
		{Name: "create no visibility", Method: "POST", URL: "/api/v1/communities", As: "carol", Body: `{"name":"x"}`,
			Status: 400, ErrField: "visibility"},
		{Name: "create listed wrong type", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body: `{"name":"x","visibility":"private","listed":"yes"}`, Status: 400, ErrField: "listed"},
		{Name: "create description too long", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body: `{"name":"x","visibility":"public","description":"` + strings.Repeat("d", 8001) + `"}`, Status: 400, ErrField: "description"},
		{Name: "create too many tags", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body:   `{"name":"x","visibility":"public","tags":[` + strings.TrimSuffix(strings.Repeat(`"t",`, 31), ",") + `]}`,
			Status: 400, ErrField: "tags"},
		{Name: "create tag too long", Method: "POST", URL: "/api/v1/communities", As: "carol",
			Body: `{"name":"x","visibility":"public","tags":["` + strings.Repeat("t", 61) + `"]}`, Status: 400, ErrField: "tags"},

		{Name: "get public anonymous", Method: "GET", URL: "/api/v1/communities/" + pub.ID, Status: 200,
			Contains: []string{`"id":"` + pub.ID + `"`, `"name":"Cuisine collective"`, `"visibility":"public"`, `"tags":[`,
				`"économie sociale"`, `"role":null`}},
		{Name: "get public as manager", Method: "GET", URL: "/api/v1/communities/" + pub.ID, As: "alice", Status: 200,
			Contains: []string{`"role":"manager"`}},
		{Name: "get listed private anonymous", Method: "GET", URL: "/api/v1/communities/" + priv.ID, Status: 200,
			Contains: []string{`"visibility":"private"`}},
		{Name: "get secret as member", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "bob", Status: 200,
			Contains: []string{`"role":"member"`}},
		{Name: "get secret as outsider", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "carol", Status: 404},
		{Name: "get unknown", Method: "GET", URL: "/api/v1/communities/" + absentID, Status: 404, ErrCode: "not_found"},

		{Name: "list anonymous", Method: "GET", URL: "/api/v1/communities", Status: 200, Contains: []string{`"total":3`}},
		{Name: "list mine", Method: "GET", URL: "/api/v1/communities?member=me", As: "bob", Status: 200,
			Contains: []string{`"total":2`, "Comité secret"}},
		{Name: "list mine anonymous", Method: "GET", URL: "/api/v1/communities?member=me", Status: 401},
		{Name: "list member other", Method: "GET", URL: "/api/v1/communities?member=" + e.users["bob"].ID, As: "carol", Status: 400,
			ErrField: "member"},
		{Name: "list query", Method: "GET", URL: "/api/v1/communities?q=cuisine", Status: 200, Contains: []string{`"total":1`}},
		{Name: "list public only", Method: "GET", URL: "/api/v1/communities?visibility=public", Status: 200, Contains: []string{`"total":2`}},
		{Name: "list private only", Method: "GET", URL: "/api/v1/communities?visibility=private", As: "bob", Status: 200,
			Contains: []string{`"total":2`, "Comité secret"}},
		{Name: "list bad visibility", Method: "GET", URL: "/api/v1/communities?visibility=secret", Status: 400, ErrField: "visibility"},
		{Name: "list bad limit", Method: "GET", URL: "/api/v1/communities?limit=1000", Status: 400, ErrField: "limit"},

		{Name: "patch by manager", Method: "PATCH", URL: "/api/v1/communities/" + pub.ID, As: "alice",
			Body: `{"description":"Nouvelle description"}`, Status: 200,
			Contains: []string{`"name":"Cuisine collective"`, `"description":"Nouvelle description"`, `"économie sociale"`}},
		{Name: "patch by member", Method: "PATCH", URL: "/api/v1/communities/" + priv.ID, As: "bob", Body: `{"name":"x"}`,
			Status: 403, ErrCode: "forbidden"},
		{Name: "patch visible by outsider", Method: "PATCH", URL: "/api/v1/communities/" + pub.ID, As: "carol", Body: `{"name":"x"}`,
			Status: 403},
		{Name: "patch secret by outsider", Method: "PATCH", URL: "/api/v1/communities/" + secret.ID, As: "carol", Body: `{"name":"x"}`,
			Status: 404},
		{Name: "patch anonymous", Method: "PATCH", URL: "/api/v1/communities/" + pub.ID, Body: `{"name":"x"}`, Status: 401},
		{Name: "patch wrong type", Method: "PATCH", URL: "/api/v1/communities/" + pub.ID, As: "alice", Body: `{"tags":[1,2]}`,
			Status: 400, ErrField: "tags"},
		{Name: "patch unknown", Method: "PATCH", URL: "/api/v1/communities/" + absentID, As: "alice", Body: `{"name":"x"}`, Status: 404},
	})
}

func TestCommunityMembership(t *testing.T) {
	e := newEnv(t)
	pub, priv, secret := e.pub, e.priv, e.secret
	alice, bob, carol, dave := e.users["alice"], e.users["bob"], e.users["carol"], e.users["dave"]
	runScenarios(t, e, []scenario{
		{Name: "members public anonymous", Method: "GET", URL: "/api/v1/communities/" + pub.ID + "/members", Status: 200,
			Contains: []string{`"total":1`, `"role":"manager"`, "Alice Tremblay"}},
		{Name: "members private outsider", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/members", As: "carol",
			Status: 403, ErrCode: "forbidden", NotContains: []string{"Bob"}},
		{Name: "members private anonymous", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/members", Status: 403},
		{Name: "members private member", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/members", As: "bob",
			Status: 200, Contains: []string{`"total":2`, "Bob Gagnon"}},
		{Name: "members secret outsider", Method: "GET", URL: "/api/v1/communities/" + secret.ID + "/members", As: "carol",
			Status: 404},
		{Name: "members unknown", Method: "GET", URL: "/api/v1/communities/" + absentID + "/members", Status: 404},

		{Name: "join public", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/join", As: "carol", Status: 204},
		{Name: "joined", Method: "GET", URL: "/api/v1/communities/" + pub.ID, As: "carol", Status: 200,
			Contains: []string{`"role":"member"`, `"member_count":2`}},
		{Name: "join private", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/join", As: "carol", Status: 403},
		{Name: "join secret", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/join", As: "carol", Status: 404},
		{Name: "join anonymous", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/join", Status: 401},
		{Name: "join unknown", Method: "POST", URL: "/api/v1/communities/" + absentID + "/join", As: "carol", Status: 404},

		{Name: "request private", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests", As: "carol",
			Body: `{"message":"Bonjour, je gère un OBNL."}`, Status: 202},
		{Name: "requested shown", Method: "GET", URL: "/api/v1/communities/" + priv.ID, As: "carol", Status: 200,
			Contains: []string{`"join_requested":true`}},
		{Name: "request without body", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests", As: "dave", Status: 202},
		{Name: "request message too long", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests", As: "dave",
			Body: `{"message":"` + strings.Repeat("m", 1001) + `"}`, Status: 400, ErrField: "message"},
		{Name: "request public", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/requests", As: "dave",
			Body: `{}`, Status: 403},
		{Name: "request secret", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/requests", As: "carol",
			Body: `{}`, Status: 404},
		{Name: "request anonymous", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests", Body: `{}`, Status: 401},
		{Name: "requests for managers", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/requests", As: "alice", Status: 200,
			Contains: []string{`"total":2`, "Bonjour, je gère un OBNL.", `"user_id":"` + carol.ID + `"`}},
		{Name: "requests for members", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/requests", As: "bob", Status: 403},
		{Name: "requests secret outsider", Method: "GET", URL: "/api/v1/communities/" + secret.ID + "/requests", As: "carol", Status: 404},
		{Name: "accept by member", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests/" + carol.ID + "/accept", As: "bob",
			Status: 403},
		{Name: "accept", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests/" + carol.ID + "/accept", As: "alice",
			Status: 204},
		{Name: "accepted reads members", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/members", As: "carol", Status: 200},
		{Name: "decline", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests/" + dave.ID + "/decline", As: "alice",
			Status: 204},
		{Name: "decline again", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/requests/" + dave.ID + "/decline", As: "alice",
			Status: 404},
		{Name: "declined is not member", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/members", As: "dave", Status: 403},

		// Adding someone else invites them (202); they are a member once
		// they accept with their own token.
		{Name: "add member", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/members", As: "alice",
			Body: `{"user_id":"` + dave.ID + `","role":"member"}`, Status: 202,
			Contains: []string{`"invitation":{`, `"user_id":"` + dave.ID + `"`, `"role":"member"`, `"status":"pending"`}},
		{Name: "invited does not see secret", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "dave", Status: 404},
		{Name: "invited is not a member", Method: "GET", URL: "/api/v1/communities/" + secret.ID + "/members", As: "alice", Status: 200,
			Contains: []string{`"total":2`}, NotContains: []string{dave.ID}},
		{Name: "invited accepts", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitation/accept", As: "dave", Status: 200},
		{Name: "added sees secret", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "dave", Status: 200,
			Contains: []string{`"role":"member"`}},
		{Name: "add manager", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/members", As: "alice",
			Body: `{"user_id":"` + bob.ID + `","role":"manager"}`, Status: 202, Contains: []string{`"role":"manager"`}},
		{Name: "not a manager before accepting", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "bob", Status: 200,
			Contains: []string{`"role":"member"`}},
		{Name: "manager accepts", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitation/accept", As: "bob", Status: 200,
			Contains: []string{`"role":"manager"`, `"status":"accepted"`}},
		{Name: "now manages", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "bob", Status: 200,
			Contains: []string{`"role":"manager"`}},
		{Name: "lowering a role needs no consent", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/members", As: "alice",
			Body: `{"user_id":"` + bob.ID + `","role":"member"}`, Status: 201},
		{Name: "add by member", Method: "POST", URL: "/api/v1/communities/" + priv.ID + "/members", As: "carol",
			Body: `{"user_id":"` + dave.ID + `"}`, Status: 403},
		{Name: "add to secret by outsider", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/members", As: "carol",
			Body: `{"user_id":"` + carol.ID + `"}`, Status: 404},
		{Name: "add anonymous", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/members",
			Body: `{"user_id":"` + dave.ID + `"}`, Status: 401},
		{Name: "add bad role", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/members", As: "alice",
			Body: `{"user_id":"` + dave.ID + `","role":"owner"}`, Status: 400, ErrField: "role"},
		{Name: "add unknown person", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/members", As: "alice",
			Body: `{"user_id":"` + absentID + `"}`, Status: 404, ErrField: "user_id"},
		{Name: "add no person", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/members", As: "alice",
			Body: `{"role":"member"}`, Status: 400, ErrField: "user_id"},
		{Name: "add user_id wrong type", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/members", As: "alice",
			Body: `{"user_id":12}`, Status: 400, ErrField: "user_id"},
		{Name: "add to unknown community", Method: "POST", URL: "/api/v1/communities/" + absentID + "/members", As: "alice",
			Body: `{"user_id":"` + dave.ID + `"}`, Status: 404},

		{Name: "remove by member", Method: "DELETE", URL: "/api/v1/communities/" + pub.ID + "/members/" + alice.ID, As: "carol",
			Status: 403},
		{Name: "leave", Method: "DELETE", URL: "/api/v1/communities/" + pub.ID + "/members/" + carol.ID, As: "carol", Status: 204},
		{Name: "last manager cannot leave", Method: "DELETE", URL: "/api/v1/communities/" + pub.ID + "/members/" + alice.ID,
			As: "alice", Status: 409, ErrCode: "conflict"},
		{Name: "manager removes", Method: "DELETE", URL: "/api/v1/communities/" + secret.ID + "/members/" + dave.ID, As: "alice",
			Status: 204},
		{Name: "removed no longer sees secret", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "dave", Status: 404},
		{Name: "remove from secret by outsider", Method: "DELETE", URL: "/api/v1/communities/" + secret.ID + "/members/" + bob.ID,
			As: "carol", Status: 404},
		{Name: "remove anonymous", Method: "DELETE", URL: "/api/v1/communities/" + pub.ID + "/members/" + alice.ID, Status: 401},
	})
}
