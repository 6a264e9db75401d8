package importer

import (
	"strconv"
	"strings"
)

// Limit names a limit of a file, as the security log records it.
type Limit string

// The limits a file can pass (see the constants in limits.go).
const (
	LimitUploadSize    Limit = "upload_size"
	LimitUnpackedSize  Limit = "unpacked_size"
	LimitLineLength    Limit = "line_length"
	LimitColumns       Limit = "columns"
	LimitRows          Limit = "rows"
	LimitCellLength    Limit = "cell_length"
	LimitBlankLines    Limit = "blank_lines"
	LimitPractices     Limit = "practices"
	LimitWorkbookParts Limit = "workbook_parts"
	LimitPlanLines     Limit = "plan_lines"
)

// LimitError is a file refused for passing one of its limits: the reader stopped there,
// having held no more than the limit.
type LimitError struct {
	File    string
	Subject string // what passed the limit: "line 2", "the sheet", "the part xl/…"; "the file" when empty
	Limit   Limit
	Max     int64
	Got     int64 // what the file holds or declares, when known; else 0 (more than Max)
}

// Observed is what the file was seen to hold, as the security log records it: the
// number when known ("16384"), else "more than" the limit ("more than 65536"): reading
// stopped there.
func (e *LimitError) Observed() string {
	if e.Got > e.Max {
		return strconv.FormatInt(e.Got, 10)
	}
	return "more than " + strconv.FormatInt(e.Max, 10)
}

// TooLarge reports whether the limit is on the file's size (HTTP 413, Content Too
// Large) rather than on its shape (422).
func (e *LimitError) TooLarge() bool {
	return e.Limit == LimitUploadSize || e.Limit == LimitUnpackedSize
}

// Error says which limit, and by how much when the file says: "line 2 is longer than
// 65,536 characters (the limit)".
func (e *LimitError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(clip(e.File) + ": ")
	}
	subject := e.Subject
	if subject == "" {
		subject = "the file"
	}
	b.WriteString(subject + " " + e.reason())
	return b.String()
}

func (e *LimitError) reason() string {
	switch e.Limit {
	case LimitUploadSize:
		return "is " + e.over("larger than", sizeText)
	case LimitUnpackedSize:
		return "unpacks to " + e.over("more than", sizeText)
	case LimitLineLength:
		return "is " + e.over("longer than", units("character"))
	case LimitColumns:
		return "has " + e.over("more than", units("column"))
	case LimitRows:
		return "has " + e.over("more than", units("row"))
	case LimitCellLength:
		return "holds " + e.over("more than", units("character"))
	case LimitBlankLines:
		return "has " + e.over("more than", units("blank line"))
	case LimitPractices:
		return "names " + e.over("more than", units("practice"))
	case LimitWorkbookParts:
		return "has " + e.over("more than", units("part"))
	case LimitPlanLines:
		return "has " + e.over("more than", units("line")) + ": one per role, quarter and funding stream"
	}
	return "is " + e.over("more than", units(""))
}

// over is the amount past the limit: "3.8 GB, 3.7 GB more than the limit of 16 MB",
// or "more than 16 MB (the limit)" when reading stopped at it.
func (e *LimitError) over(comparison string, unit func(int64) string) string {
	if e.Got > e.Max {
		by := thousands(e.Got - e.Max)
		if e.TooLarge() {
			by = unit(e.Got - e.Max)
		}
		return unit(e.Got) + ", " + by + " more than the limit of " + unit(e.Max)
	}
	return comparison + " " + unit(e.Max) + " (the limit)"
}

// units counts things: "65,536 characters".
func units(noun string) func(int64) string {
	return func(n int64) string {
		s := thousands(n)
		switch {
		case noun == "":
			return s
		case n == 1:
			return s + " " + noun
		}
		return s + " " + noun + "s"
	}
}

// sizeText is a size in bytes as people read it: "256 MB", "3.75 GB", "64 KB".
func sizeText(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GB"}, {1 << 20, "MB"}, {1 << 10, "KB"}} {
		if n >= u.size {
			v := strconv.FormatFloat(float64(n)/float64(u.size), 'f', 2, 64)
			v = strings.TrimSuffix(strings.TrimRight(v, "0"), ".")
			return v + " " + u.name
		}
	}
	return units("byte")(n)
}
