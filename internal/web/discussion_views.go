package web

import (
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// reactionBar is the row of reactions under a post: every offered
// reaction with its count, whether the viewer gave it and who did.
type reactionBar struct {
	ID       string // the element's id, for htmx to replace it
	Action   string // where a toggle is posted
	CanReact bool
	Items    []reactionItem
	// Any is whether at least one reaction was given.
	Any bool
}

type reactionItem struct {
	Key   string
	Emoji string
	Count int
	Mine  bool
	// Names lists who reacted, as the viewer may see them.
	Names string
}

func newReactionBar(kind, id string, counts []maillage.ReactionCount, canReact bool) reactionBar {
	b := reactionBar{ID: "reactions-" + kind + "-" + id, Action: "/" + kind + "s/" + id + "/react", CanReact: canReact}
	byKey := map[maillage.Reaction]maillage.ReactionCount{}
	for _, c := range counts {
		byKey[c.Reaction] = c
	}
	for _, r := range maillage.Reactions() {
		c := byKey[r]
		if c.Count == 0 && !canReact {
			continue
		}
		b.Any = b.Any || c.Count > 0
		b.Items = append(b.Items, reactionItem{Key: string(r), Emoji: r.Emoji(), Count: c.Count, Mine: c.Mine,
			Names: strings.Join(c.Names, ", ")})
	}
	return b
}

// reactionsFragment is the data of the reaction bar drawn alone (htmx).
type reactionsFragment struct {
	L   *i18n.Localizer
	Bar reactionBar
}

// replyView is a reply as the thread page draws it.
type replyView struct {
	service.ReplyView
	Bar     reactionBar
	Answers []replyView
}

func replyViews(rs []service.ReplyView, canReact bool) []replyView {
	out := make([]replyView, len(rs))
	for i, r := range rs {
		out[i] = replyView{ReplyView: r, Bar: newReactionBar("reply", r.ID, r.Reactions, canReact && !r.Deleted()),
			Answers: replyViews(r.Answers, canReact)}
	}
	return out
}

// threadData feeds the thread page.
type threadData struct {
	P       *service.ThreadPage
	Bar     reactionBar
	Replies []replyView
	// ReplyTo is the reply being answered by the form ("" for the thread),
	// chosen with ?reply_to= so answering works without JavaScript.
	ReplyTo *replyView
	Follow  followButton
}

func newThreadData(p *service.ThreadPage, replyTo string) threadData {
	d := threadData{P: p, Bar: newReactionBar("thread", p.Thread.ID, p.Post.Reactions, p.CanReact),
		Replies: replyViews(p.Replies, p.CanReact)}
	for i := range d.Replies {
		top := &d.Replies[i]
		if top.ID == replyTo && !top.Deleted() {
			d.ReplyTo = top
		}
		for j := range top.Answers {
			if top.Answers[j].ID == replyTo {
				d.ReplyTo = &top.Answers[j]
			}
		}
	}
	return d
}

// relabelDiscussionErrors names the fields of the error summary with the
// discussion's own labels (a thread's "title" is not a note's).
func relabelDiscussionErrors(f *form, l *i18n.Localizer) {
	for i, it := range f.Summary {
		f.Summary[i].Label = l.T("web.discussion.field." + it.Field)
	}
}
