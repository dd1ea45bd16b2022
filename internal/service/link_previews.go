package service

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// JobLinkPreviews is the job kind that fetches the previews of the links
// of a post, off the request: a slow or hostile site must never hold up
// the person posting.
const JobLinkPreviews = "discussion.link_previews"

const (
	// maxPreviewsPerPost: the first links of a post get a card, not all.
	maxPreviewsPerPost = 3
	// previewFreshFor is how long a fetched preview is reused.
	previewFreshFor = 7 * 24 * time.Hour
	// previewRetryAfter is how long a failed fetch is trusted before a
	// new post linking there tries again.
	previewRetryAfter = 24 * time.Hour
)

// linkPreviewJob is the payload of a JobLinkPreviews job.
type linkPreviewJob struct {
	URLs []string `json:"urls"`
}

// previewURLs keeps the first web addresses of a post.
func previewURLs(urls []string) []string {
	var out []string
	for _, u := range urls {
		if len(out) == maxPreviewsPerPost {
			break
		}
		if maillage.ValidURL(u) {
			out = append(out, u)
		}
	}
	return out
}

// previewsToFetch returns the first URLs of a post that have no fresh
// preview yet.
func (s *Service) previewsToFetch(ctx context.Context, urls []string) ([]string, error) {
	urls = previewURLs(urls)
	stored, err := s.db.LinkPreviews(ctx, urls)
	if err != nil {
		return nil, err
	}
	now := s.db.Now()
	var out []string
	for _, u := range urls {
		if p, ok := stored[u]; !ok || !previewFresh(p, now) {
			out = append(out, u)
		}
	}
	return out, nil
}

func previewFresh(p maillage.LinkPreview, now time.Time) bool {
	if p.Status == maillage.LinkPreviewFailed {
		return now.Sub(p.FetchedAt) < previewRetryAfter
	}
	return now.Sub(p.FetchedAt) < previewFreshFor
}

// enqueuePreviews asks for the previews of urls, inside the transaction
// that saves the post.
func enqueuePreviews(ctx context.Context, tx *store.Tx, urls []string) error {
	if len(urls) == 0 {
		return nil
	}
	return tx.Enqueue(ctx, JobLinkPreviews, linkPreviewJob{URLs: urls})
}

// HandleLinkPreviews runs a JobLinkPreviews job: it fetches each page with
// the service's preview fetcher (time- and size-bounded, refusing private
// addresses) and stores what it says, or that it failed. A failed fetch is
// an answer, not an error: only a database failure makes the job retry.
func (s *Service) HandleLinkPreviews(ctx context.Context, payload json.RawMessage) error {
	var job linkPreviewJob
	if err := json.Unmarshal(payload, &job); err != nil {
		return fmt.Errorf("link previews: %w", err)
	}
	urls, err := s.previewsToFetch(ctx, job.URLs)
	if err != nil {
		return fmt.Errorf("link previews: %w", err)
	}
	for _, u := range urls {
		p := maillage.LinkPreview{URL: u, Status: maillage.LinkPreviewFailed}
		got, err := s.preview.Fetch(ctx, u)
		if err != nil {
			s.log.Info("link preview failed", "url", u, "err", err)
		} else {
			p.Status = maillage.LinkPreviewOK
			p.Title, p.Description, p.SiteName = previewClip(got.Title, 300), previewClip(got.Description, 600), previewClip(got.SiteName, 120)
			if img, err := url.Parse(got.ImageURL); err == nil && img.Scheme == "https" && img.Host != "" && len(got.ImageURL) <= 2000 {
				p.ImageURL = got.ImageURL
			}
		}
		if err := s.db.SaveLinkPreview(ctx, &p); err != nil {
			return fmt.Errorf("link previews: %w", err)
		}
	}
	return nil
}

// PostPreviews returns, for each body, the cards to show under it: the
// fetched previews of its first links, in order, that say something.
func (s *Service) PostPreviews(ctx context.Context, bodies []string) ([][]maillage.LinkPreview, error) {
	per := make([][]string, len(bodies))
	var all []string
	for i, b := range bodies {
		if b == "" {
			continue
		}
		per[i] = previewURLs(s.postLinks(b).URLs)
		all = append(all, per[i]...)
	}
	stored, err := s.db.LinkPreviews(ctx, all)
	if err != nil {
		return nil, err
	}
	out := make([][]maillage.LinkPreview, len(bodies))
	for i, urls := range per {
		for _, u := range urls {
			if p, ok := stored[u]; ok && p.Status == maillage.LinkPreviewOK && (p.Title != "" || p.Description != "") {
				out[i] = append(out[i], p)
			}
		}
	}
	return out, nil
}

// previewClip shortens text to at most n characters.
func previewClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
