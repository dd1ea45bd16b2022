package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type followJSON struct {
	TargetType string `json:"target_type" enum:"community,notebook,thread,tag,person"`
	TargetID   string `json:"target_id"`
	Title      string `json:"title" doc:"current title or name"`
	Ref        string `json:"ref,omitempty" doc:"a tag's slug"`
	CreatedAt  string `json:"created_at"`
}

type followCreate struct {
	TargetType string `json:"target_type" required:"true" enum:"community,notebook,thread,tag,person"`
	TargetID   string `json:"target_id" required:"true" doc:"the ID of what to follow (a tag's ID, a person's user ID)"`
	// Descendants is for tags: new items carrying a tag below it are news too.
	Descendants bool `json:"descendants,omitempty" doc:"tags only: follow the tags below it too"`
}

func (s *server) listFollows(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	list, total, err := s.svc.Follows(r.Context(), viewerOf(r), p)
	if err != nil {
		return err
	}
	items := make([]followJSON, 0, len(list))
	for _, f := range list {
		items = append(items, followJSON{TargetType: string(f.TargetType), TargetID: f.TargetID, Title: f.Title, Ref: f.Ref,
			CreatedAt: stamp(f.CreatedAt)})
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) createFollow(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in followCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	var val maillage.Validator
	val.Required("target_type", in.TargetType)
	val.Required("target_id", in.TargetID)
	if err := val.Err(); err != nil {
		return err
	}
	var err error
	if in.TargetType == string(maillage.FollowTag) {
		err = s.svc.FollowTag(r.Context(), v, in.TargetID, in.Descendants)
	} else {
		err = s.svc.Follow(r.Context(), v, maillage.FollowTarget(in.TargetType), in.TargetID)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, followCreate{TargetType: in.TargetType, TargetID: in.TargetID,
		Descendants: in.Descendants && in.TargetType == string(maillage.FollowTag)})
	return nil
}

func (s *server) deleteFollow(w http.ResponseWriter, r *http.Request) error {
	err := s.svc.Unfollow(r.Context(), viewerOf(r), maillage.FollowTarget(r.PathValue("target_type")), r.PathValue("target_id"))
	if err != nil {
		return err
	}
	noContent(w)
	return nil
}
