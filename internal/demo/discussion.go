package demo

import (
	"context"
	"fmt"
	"slices"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// threadSpec is one demo thread. People are named by their full name;
// @{Full name} in a body becomes a mention.
type threadSpec struct {
	community string
	author    string
	title     string
	body      string
	// share names a note the author shares into the discussion instead of
	// writing a thread: the title and body are then the note's.
	share     string
	pinned    bool
	reactions []reaction
	replies   []replySpec
}

// replySpec is one reply. Its author is a demo person, or, when member is
// set, the generated member with that number (1-based).
type replySpec struct {
	author string
	member int
	body   string
	// parent is the number (1-based) of the reply this one answers; 0
	// answers the thread.
	parent    int
	reactions []reaction
}

type reaction struct {
	who  string
	kind maillage.Reaction
}

const (
	thumbsUp = maillage.ReactionThumbsUp
	heart    = maillage.ReactionHeart
	tada     = maillage.ReactionTada
	idea     = maillage.ReactionIdea
	thanks   = maillage.ReactionThanks
	thinking = maillage.ReactionThinking
)

// discussion posts the threads, replies and reactions, in order.
func (l *loader) discussion(ctx context.Context, sum *Summary) error {
	for _, t := range threads {
		if err := l.thread(ctx, sum, t); err != nil {
			return fmt.Errorf("thread %q: %w", t.title+t.share, err)
		}
	}
	return nil
}

func (l *loader) thread(ctx context.Context, sum *Summary, t threadSpec) error {
	communityID := l.communityIDs[t.community]
	if err := l.ensureMembers(ctx, sum, t); err != nil {
		return err
	}
	v, err := l.viewer(ctx, l.users[t.author])
	if err != nil {
		return err
	}
	var th *maillage.Thread
	if t.share != "" {
		th, err = l.s.ShareNote(ctx, v, communityID, l.notes[t.share])
	} else {
		th, err = l.s.CreateThread(ctx, v, communityID, maillage.ThreadInput{Title: t.title, Body: l.expandMentions(t.body)})
	}
	if err != nil {
		return err
	}
	if t.pinned {
		if _, err := l.s.ModerateThread(ctx, v, th.ID, store.FlagPinned, true); err != nil {
			return fmt.Errorf("pin: %w", err)
		}
	}
	if err := l.react(ctx, maillage.SubjectThread, th.ID, t.reactions); err != nil {
		return err
	}
	ids := make([]string, 0, len(t.replies))
	for i, r := range t.replies {
		authorID := l.users[r.author]
		if r.member > 0 {
			authorID = l.generated[r.member-1]
		}
		rv, err := l.viewer(ctx, authorID)
		if err != nil {
			return err
		}
		in := maillage.ReplyInput{Body: l.expandMentions(r.body)}
		if r.parent > 0 {
			in.ParentID = ids[r.parent-1]
		}
		reply, err := l.s.CreateReply(ctx, rv, th.ID, in)
		if err != nil {
			return fmt.Errorf("reply %d: %w", i+1, err)
		}
		ids = append(ids, reply.ID)
		sum.Replies++
		if err := l.react(ctx, maillage.SubjectReply, reply.ID, r.reactions); err != nil {
			return err
		}
	}
	return nil
}

// ensureMembers makes the people taking part in a thread of a public
// community its members (they would join to post).
func (l *loader) ensureMembers(ctx context.Context, sum *Summary, t threadSpec) error {
	if t.community != publicCommunityName {
		return nil
	}
	for _, name := range threadPeople(t) {
		if err := l.ensureMember(ctx, sum, t.community, name); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) react(ctx context.Context, subject maillage.SubjectType, id string, rs []reaction) error {
	for _, r := range rs {
		v, err := l.viewer(ctx, l.users[r.who])
		if err != nil {
			return err
		}
		if _, err := l.s.ToggleReaction(ctx, v, subject, id, r.kind); err != nil {
			return fmt.Errorf("reaction of %s: %w", r.who, err)
		}
	}
	return nil
}

// threadPeople lists the demo people who post or react in a thread.
func threadPeople(t threadSpec) []string {
	out := []string{t.author}
	add := func(n string) {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, r := range t.reactions {
		add(r.who)
	}
	for _, r := range t.replies {
		add(r.author)
		for _, x := range r.reactions {
			add(x.who)
		}
	}
	return out
}

// checkThreads verifies the threads name known people and notes, that in
// a private community everyone taking part is a member, and that replies
// answer earlier replies.
func checkThreads(names map[string]bool) []error {
	var errs []error
	members := map[string][]string{}
	for _, c := range communities {
		members[c.name] = append(append([]string{c.creator}, c.managers...), c.members...)
	}
	titles := map[string]bool{}
	for _, n := range allNotes() {
		titles[n.title] = true
	}
	for _, t := range threads {
		where := "thread " + t.title + t.share
		if _, ok := members[t.community]; !ok {
			errs = append(errs, fmt.Errorf("%s: unknown community %q", where, t.community))
		}
		if t.share != "" && !titles[t.share] {
			errs = append(errs, fmt.Errorf("%s: unknown note", where))
		}
		for _, p := range threadPeople(t) {
			if !names[p] {
				errs = append(errs, fmt.Errorf("%s: unknown person %q", where, p))
			} else if t.community != publicCommunityName && !slices.Contains(members[t.community], p) {
				errs = append(errs, fmt.Errorf("%s: %q is not a member", where, p))
			}
		}
		errs = append(errs, checkMentions(where, t.body, names)...)
		for i, r := range t.replies {
			errs = append(errs, checkMentions(where, r.body, names)...)
			if r.parent < 0 || r.parent > i {
				errs = append(errs, fmt.Errorf("%s: reply %d answers reply %d", where, i+1, r.parent))
			}
			if r.member < 0 || r.member > generatedCount || (r.member > 0) == (r.author != "") {
				errs = append(errs, fmt.Errorf("%s: reply %d needs one author", where, i+1))
			}
		}
	}
	return errs
}
