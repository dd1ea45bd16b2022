package service_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

func TestInvitations(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private") // unlisted
	if _, err := d.s.Community(ctx, d.vOut, d.c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("unlisted community visible: %v", err)
	}
	if err := d.s.Invite(ctx, d.vMem, d.c.ID, d.out.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member invited: %v", err)
	}
	if err := d.s.Invite(ctx, d.vMgr, d.c.ID, d.mem.ID); maillage.AsError(err).MessageID != "discussion.already_member" {
		t.Fatalf("invited a member: %v", err)
	}
	for range 2 {
		if err := d.s.Invite(ctx, d.vMgr, d.c.ID, d.out.ID); err != nil {
			t.Fatal(err)
		}
	}
	evs := eventsOf(d.log.drain(t, d.db, nil), maillage.EventInvitation)
	if len(evs) != 1 || !slices.Equal(evs[0].RecipientIDs, []string{d.out.ID}) || evs[0].SubjectID != d.c.ID {
		t.Fatalf("invitation events: %+v", evs)
	}
	// The invitation shows the community to the invitee alone, and only
	// as an invitation.
	inv, err := d.s.PendingInvitation(ctx, d.vOut, d.c.ID)
	if err != nil || inv.ItemTitle != d.c.Name {
		t.Fatalf("pending invitation: %+v %v", inv, err)
	}
	if _, err := d.s.PendingInvitation(ctx, maillage.Anonymous(), d.c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("visitor sees an invitation: %v", err)
	}
	if _, err := d.s.Community(ctx, d.vOut, d.c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("an invitation opened the community itself: %v", err)
	}
	if mine, err := d.s.MyInvitations(ctx, d.vOut); err != nil || len(mine) != 1 {
		t.Fatalf("my invitations: %+v %v", mine, err)
	}
	if list, err := d.s.CommunityInvitations(ctx, d.vMgr, d.c.ID); err != nil || len(list) != 1 || list[0].UserName != "Dehors" {
		t.Fatalf("community invitations: %+v %v", list, err)
	}
	if err := d.s.AnswerInvitation(ctx, d.vOut, d.c.ID, true); err != nil {
		t.Fatal(err)
	}
	vOut := testutil.ViewerOf(t, d.s, d.out.ID)
	if !vOut.IsMember(d.c.ID) || vOut.IsManager(d.c.ID) {
		t.Fatalf("accepting did not make a member: %+v", vOut.Roles)
	}
	if err := d.s.AnswerInvitation(ctx, vOut, d.c.ID, true); !maillage.IsNotFound(err) {
		t.Fatalf("answered twice: %v", err)
	}

	// Declining keeps the person out.
	other, vOther := testutil.User(t, d.s, "Autre", "autre@exemple.org")
	if err := d.s.Invite(ctx, d.vMgr, d.c.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.s.AnswerInvitation(ctx, vOther, d.c.ID, false); err != nil {
		t.Fatal(err)
	}
	if v := testutil.ViewerOf(t, d.s, other.ID); v.IsMember(d.c.ID) {
		t.Fatal("declining made a member")
	}
	if _, err := d.s.PendingInvitation(ctx, vOther, d.c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("a declined invitation is still shown: %v", err)
	}
}

func TestTransferManagement(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	if _, err := d.s.TransferManagement(ctx, d.vMgr, d.c.ID, d.out.ID); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("handed over to a non-member: %v", err)
	}
	// The last manager may not simply step down.
	if _, err := d.s.AddMember(ctx, d.vMgr, d.c.ID, d.mgr.ID, maillage.RoleMember); maillage.AsError(err).MessageID != "community.last_manager" {
		t.Fatalf("last manager stepped down: %v", err)
	}
	// Managing takes consent: the member is invited to manage, and the
	// manager stays one meanwhile.
	inv, err := d.s.TransferManagement(ctx, d.vMgr, d.c.ID, d.mem.ID)
	if err != nil || inv == nil || inv.Role != "manager" {
		t.Fatalf("transfer to a member: %+v %v", inv, err)
	}
	if v := testutil.ViewerOf(t, d.s, d.mem.ID); v.IsManager(d.c.ID) {
		t.Fatal("made manager without consent")
	}
	if v := testutil.ViewerOf(t, d.s, d.mgr.ID); !v.IsManager(d.c.ID) {
		t.Fatal("the manager stepped down before anyone accepted to take over")
	}
	testutil.Accept(t, d.s, inv)
	if v := testutil.ViewerOf(t, d.s, d.mem.ID); !v.IsManager(d.c.ID) {
		t.Fatal("the new manager is not one")
	}
	// Handing over to someone who manages already: the viewer steps down.
	if inv, err := d.s.TransferManagement(ctx, testutil.ViewerOf(t, d.s, d.mgr.ID), d.c.ID, d.mem.ID); err != nil || inv != nil {
		t.Fatalf("transfer to a manager: %+v %v", inv, err)
	}
	if v := testutil.ViewerOf(t, d.s, d.mgr.ID); v.IsManager(d.c.ID) || !v.IsMember(d.c.ID) {
		t.Fatal("the former manager did not step down to member")
	}
}

// onePixelPNG is a valid 1×1 PNG image.
var onePixelPNG, _ = base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

func TestCommunityCover(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private")
	if err := d.s.SetCommunityCover(ctx, d.vMem, d.c.ID, "a.png", bytes.NewReader(onePixelPNG)); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member set the cover: %v", err)
	}
	err := d.s.SetCommunityCover(ctx, d.vMgr, d.c.ID, "page.png", bytes.NewReader([]byte("<html><script>alert(1)</script></html>")))
	if e := maillage.AsError(err); e.Code != maillage.CodeInvalid || len(e.Fields) != 1 || e.Fields[0].Field != "cover" {
		t.Fatalf("a page accepted as cover: %v", err)
	}
	if err := d.s.SetCommunityCover(ctx, d.vMgr, d.c.ID, "a.png", bytes.NewReader(onePixelPNG)); err != nil {
		t.Fatal(err)
	}
	f, mime, err := d.s.CommunityCover(ctx, d.vMem, d.c.ID)
	if err != nil || mime != "image/png" {
		t.Fatalf("cover: %q %v", mime, err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(got, onePixelPNG) {
		t.Fatal("cover bytes changed")
	}
	// The cover of an unlisted community is as absent as the community.
	if _, _, err := d.s.CommunityCover(ctx, d.vOut, d.c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("outsider got the cover: %v", err)
	}
	if err := d.s.RemoveCommunityCover(ctx, d.vMgr, d.c.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.s.CommunityCover(ctx, d.vMem, d.c.ID); !maillage.IsNotFound(err) {
		t.Fatalf("removed cover still served: %v", err)
	}
}
