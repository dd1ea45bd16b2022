package store

import "context"

// rowScanner is what *sql.Row and *sql.Rows share.
type rowScanner interface{ Scan(...any) error }

// listPage is the shape of every directory list: count the rows matching
// cond, then return one page of them in order, scanned by scan. The count
// and the page use the same condition and arguments, so a total can never
// disagree with what the viewer may see.
func listPage[T any](ctx context.Context, db *DB, a args, from, cond, columns, order string, lim, offset int,
	scan func(rowScanner) (*T, error)) ([]T, int, error) {
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM `+from+` WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	l, o := a.add(limit(lim)), a.add(offset)
	rows, err := db.query(ctx, `SELECT `+columns+` FROM `+from+` WHERE `+cond+` ORDER BY `+order+` LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, mapError(err)
	}
	return out, total, nil
}
