package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// LinkPreviews returns the stored previews of these URLs, by URL. URLs
// never fetched are absent from the map.
func (db *DB) LinkPreviews(ctx context.Context, urls []string) (map[string]maillage.LinkPreview, error) {
	out := map[string]maillage.LinkPreview{}
	if len(urls) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT url, status, title, description, image_url, site_name, fetched_at FROM link_previews
		WHERE url IN (`+postPlaceholders(&a, urls)+`)`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p maillage.LinkPreview
		var st string
		if err := rows.Scan(&p.URL, &st, &p.Title, &p.Description, &p.ImageURL, &p.SiteName, &p.FetchedAt); err != nil {
			return nil, mapError(err)
		}
		p.Status, p.FetchedAt = maillage.LinkPreviewStatus(st), p.FetchedAt.UTC()
		out[p.URL] = p
	}
	return out, mapError(rows.Err())
}

// SaveLinkPreview stores the outcome of a fetch, replacing an older one.
func (db *DB) SaveLinkPreview(ctx context.Context, p *maillage.LinkPreview) error {
	return db.Update(ctx, func(tx *Tx) error {
		p.FetchedAt = tx.now
		_, err := tx.exec(ctx, `INSERT INTO link_previews (url, status, title, description, image_url, site_name, fetched_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (url) DO UPDATE SET status = excluded.status, title = excluded.title, description = excluded.description,
			image_url = excluded.image_url, site_name = excluded.site_name, fetched_at = excluded.fetched_at`,
			p.URL, string(p.Status), p.Title, p.Description, p.ImageURL, p.SiteName, tx.now)
		if err != nil {
			return fmt.Errorf("save link preview: %w", err)
		}
		return nil
	})
}
