// Package report writes every file ARRS Planner produces: the analysts' reports of
// PLANNING.md (workforce, gaps) as CSV, an aligned text table or JSON, and the files
// the pages offer for download (gap tables, plan versions, claim schedules, an ICB's
// comparison) as CSV or XLSX, so that `arrs report` writes each file a page can.
// CSV rounds FTE to 2 decimals, the table to 1, JSON keeps 6: values are summed
// unrounded and rounded only here, at the edge. Reading files is importer's.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// Format is an output format of the reports and files.
type Format string

// The formats every report supports.
const (
	CSV   Format = "csv"
	Table Format = "table"
	JSON  Format = "json"
)

// ParseFormat accepts the formats a command takes: accepted, or csv, table and json
// when none is given. The refusal lists exactly those.
func ParseFormat(s string, accepted ...Format) (Format, error) {
	if len(accepted) == 0 {
		accepted = []Format{CSV, Table, JSON}
	}
	if slices.Contains(accepted, Format(s)) {
		return Format(s), nil
	}
	return "", fmt.Errorf("--format must be %s, not %q", FormatList(accepted...), s)
}

// FormatList names formats as a message or a flag's help lists them: "csv, table or
// json".
func FormatList(fs ...Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// column is one column of a report: its header, how to render a row's value for CSV
// and the table, and the JSON value.
type column[T any] struct {
	name  string
	text  func(T, int) string // places: 2 for CSV, 1 for the table
	value func(T) any
}

func write[T any](w io.Writer, f Format, cols []column[T], rows []T) error {
	switch f {
	case JSON:
		return writeJSON(w, cols, rows)
	case Table:
		return writeTable(w, cols, rows)
	}
	return writeCSV(w, cols, rows)
}

func writeCSV[T any](w io.Writer, cols []column[T], rows []T) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(cols))
	for _, r := range rows {
		for i, c := range cols {
			rec[i] = c.text(r, 2)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeTable[T any](w io.Writer, cols []column[T], rows []T) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	line := func(cells func(int) string) {
		for i := range cols {
			fmt.Fprint(tw, cells(i), "\t")
		}
		fmt.Fprintln(tw)
	}
	line(func(i int) string { return cols[i].name })
	for _, r := range rows {
		line(func(i int) string { return cols[i].text(r, 1) })
	}
	return tw.Flush()
}

func writeJSON[T any](w io.Writer, cols []column[T], rows []T) error {
	out := make([]map[string]any, 0, len(rows))
	for _, r := range rows {
		m := make(map[string]any, len(cols))
		for _, c := range cols {
			m[c.name] = c.value(r)
		}
		out = append(out, m)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func str[T any](get func(T) string) func(T, int) string {
	return func(r T, _ int) string { return get(r) }
}
