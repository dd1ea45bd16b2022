package service

import (
	"strings"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffOp is what happened to a line between two versions.
type DiffOp string

// Diff operations. DiffSkip stands for unchanged lines left out between
// changes (Skipped says how many).
const (
	DiffEqual  DiffOp = "equal"
	DiffInsert DiffOp = "insert"
	DiffDelete DiffOp = "delete"
	DiffSkip   DiffOp = "skip"
)

// DiffLine is one line of a line diff, with its numbers in the old and the
// new text (0 where the line is absent from one side).
type DiffLine struct {
	Op      DiffOp
	Text    string
	Old     int
	New     int
	Skipped int
}

// diffContext is how many unchanged lines are kept around each change.
const diffContext = 3

// diffTimeout bounds the diff of two long texts; past it the diff is
// coarser but still correct.
const diffTimeout = 2 * time.Second

// lineDiff compares two texts line by line. Unchanged runs longer than
// twice the context are folded into one DiffSkip line.
func lineDiff(oldText, newText string) []DiffLine {
	oldText = strings.ReplaceAll(oldText, "\r\n", "\n")
	newText = strings.ReplaceAll(newText, "\r\n", "\n")
	// A last line without its newline would differ from the same line
	// followed by another.
	if oldText != "" && !strings.HasSuffix(oldText, "\n") {
		oldText += "\n"
	}
	if newText != "" && !strings.HasSuffix(newText, "\n") {
		newText += "\n"
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	a, b, lines := dmp.DiffLinesToRunes(oldText, newText)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	var all []DiffLine
	oldNo, newNo := 0, 0
	for _, d := range diffs {
		for _, line := range splitLines(d.Text) {
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				oldNo++
				newNo++
				all = append(all, DiffLine{Op: DiffEqual, Text: line, Old: oldNo, New: newNo})
			case diffmatchpatch.DiffDelete:
				oldNo++
				all = append(all, DiffLine{Op: DiffDelete, Text: line, Old: oldNo})
			case diffmatchpatch.DiffInsert:
				newNo++
				all = append(all, DiffLine{Op: DiffInsert, Text: line, New: newNo})
			}
		}
	}
	return foldUnchanged(all)
}

// splitLines splits a run of lines, each ending with "\n" except maybe
// the last.
func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return []string{""}
	}
	return strings.Split(s, "\n")
}

// foldUnchanged keeps diffContext unchanged lines around each change and replaces
// longer unchanged runs by a DiffSkip line.
func foldUnchanged(lines []DiffLine) []DiffLine {
	keep := make([]bool, len(lines))
	for i, l := range lines {
		if l.Op == DiffEqual {
			continue
		}
		for j := max(0, i-diffContext); j <= min(len(lines)-1, i+diffContext); j++ {
			keep[j] = true
		}
	}
	var out []DiffLine
	for i := 0; i < len(lines); {
		if keep[i] {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && !keep[j] {
			j++
		}
		out = append(out, DiffLine{Op: DiffSkip, Skipped: j - i, Old: lines[i].Old, New: lines[i].New})
		i = j
	}
	return out
}
