package service

import "github.com/maillage/maillage/internal/fold"

// sameWebsite compares two website URLs the way duplicate detection does.
func sameWebsite(a, b string) bool {
	ka, kb := fold.WebsiteKey(a), fold.WebsiteKey(b)
	return ka != "" && ka == kb
}
