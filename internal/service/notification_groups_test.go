package service_test

import (
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

func TestNotificationGroupsFilterAndMarkRead(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Actrice", "fr-CA")
	w.user("Lecteur", "fr-CA")
	a := w.community("Habitation", maillage.VisibilityPublic, "Actrice", "Lecteur")
	b := w.community("Alimentation", maillage.VisibilityPublic, "Actrice", "Lecteur")
	secret := w.community("Cercle fermé", maillage.VisibilityPrivate, "Actrice")
	post := func(c *maillage.Community, title string) {
		th := w.thread(c, "Actrice", title)
		w.emit(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: w.users["Actrice"].ID, SubjectType: maillage.SubjectThread,
			SubjectID: th.ID, CommunityID: c.ID, AllMembers: true})
		w.drain()
	}
	post(a, "Un")
	post(a, "Deux")
	post(b, "Trois")
	post(secret, "Caché")
	v := w.viewer("Lecteur")

	sum, err := w.s.NotificationSummary(w.ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, g := range sum {
		if g.Group != maillage.GroupDiscussions {
			t.Errorf("group %q for a thread", g.Group)
		}
		counts[g.CommunityName] = g.Unread
	}
	if len(sum) != 2 || counts["Habitation"] != 2 || counts["Alimentation"] != 1 || sum[0].CommunityName != "Alimentation" {
		t.Errorf("summary (most recent first, the private community absent): %+v", sum)
	}
	list, total, err := w.s.FindNotifications(w.ctx, v, service.NotificationQuery{Group: maillage.GroupDiscussions, CommunityID: a.ID, Page: service.Page{Limit: 10}})
	if err != nil || total != 2 || len(list) != 2 {
		t.Fatalf("filtered by community: %d %+v (%v)", total, list, err)
	}
	// A community the reader may not see filters down to nothing.
	if _, total, err := w.s.FindNotifications(w.ctx, v, service.NotificationQuery{CommunityID: secret.ID, Page: service.Page{Limit: 10}}); err != nil || total != 0 {
		t.Errorf("filtered by a hidden community: %d (%v)", total, err)
	}
	if _, total, _ := w.s.FindNotifications(w.ctx, v, service.NotificationQuery{Group: maillage.GroupMessages, Page: service.Page{Limit: 10}}); total != 0 {
		t.Errorf("messages: %d", total)
	}
	if _, _, err := w.s.FindNotifications(w.ctx, v, service.NotificationQuery{Group: "bidon"}); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Errorf("unknown group: %v", err)
	}
	// Marking one community's discussions read leaves the other's.
	n, err := w.s.MarkNotificationsRead(w.ctx, v, service.NotificationQuery{Group: maillage.GroupDiscussions, CommunityID: a.ID})
	if err != nil || n != 2 {
		t.Fatalf("mark these read: %d (%v)", n, err)
	}
	if n, _ := w.s.UnreadNotifications(w.ctx, v); n != 1 {
		t.Errorf("unread after marking one community: %d", n)
	}
	if n, _ := w.s.UnreadNotifications(w.ctx, w.viewer("Actrice")); n != 0 {
		t.Errorf("the author got her own notifications: %d", n)
	}
	if _, err := w.s.MarkNotificationsRead(w.ctx, maillage.Anonymous(), service.NotificationQuery{}); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Errorf("anonymous: %v", err)
	}
}

// TestInvitationEmailSaysWhatItAsks: the email of an invitation says
// what answering means and why it came, in the invitee's language,
// rather than "you follow this community".
func TestInvitationEmailSaysWhatItAsks(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Animatrice", "fr-CA")
	w.user("Invitée", "fr-CA")
	c := w.community("CdP Estrie", maillage.VisibilityPrivate, "Animatrice")
	if _, err := w.s.AddMember(w.ctx, w.viewer("Animatrice"), c.ID, w.users["Invitée"].ID, maillage.RoleMember); err != nil {
		t.Fatal(err)
	}
	w.drain()
	var found bool
	for _, e := range w.emails() {
		if e.To != w.users["Invitée"].Email {
			continue
		}
		found = true
		for _, want := range []string{"CdP Estrie", "acceptez-la ou déclinez-la", "Animatrice vous a invité·e", "Voir l’invitation"} {
			if !strings.Contains(e.Text, want) || !strings.Contains(e.HTML, want) {
				t.Errorf("invitation email lacks %q:\n%s", want, e.Text)
			}
		}
		if strings.Contains(e.Text, "suivez l’activité") {
			t.Errorf("invitation email says the invitee follows the community:\n%s", e.Text)
		}
	}
	if !found {
		t.Fatal("no invitation email")
	}
}
