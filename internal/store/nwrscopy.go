package store

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// starterColumns are the staff columns an import's COPY fills, in the order
// appendStarter writes them.
const starterColumns = `pcn_code, role_code, staff_group, staff_role, detailed_role, source, unique_identifier, source_rows,
	fte, start_date, import_id, band, employer, annual_cost_pence, employment_model, funding_stream, practice_code, approved_role_id`

// copyStarters adds the starters by one COPY in PostgreSQL's text format, written here
// (issue 17): pgx's binary COPY passed each of 18 values of 35,000 rows through its type
// map, which cost the import more than parsing the file. The values are those the
// binary COPY sent: FTE as strconv's shortest 'f' form (what pgx sends a float64 as to
// a numeric column), the census day as ISO, NULL as \N. Starters go in PCN order
// (byPCN). db must be in a transaction, as ImportNWRS's is.
func (db *DB) copyStarters(ctx context.Context, census time.Time, importID int64, starters []workforce.Staff, local map[workforce.SnapshotKey]localDetails) error {
	if len(starters) == 0 {
		return nil
	}
	tx, ok := db.q.(pgx.Tx)
	if !ok {
		return errors.New("adding starters outside a transaction")
	}
	day := census.Format(time.DateOnly)
	buf := make([]byte, 0, 160*len(starters))
	for _, i := range byPCN(starters) {
		buf = appendStarter(buf, &starters[i], day, importID, local)
	}
	_, err := tx.Conn().PgConn().CopyFrom(ctx, bytes.NewReader(buf), "COPY staff ("+starterColumns+") FROM STDIN")
	return err
}

// appendStarter appends one starter as a line of COPY text; a restarted record keeps
// what its PCN recorded (local).
func appendStarter(b []byte, r *workforce.Staff, day string, importID int64, local map[workforce.SnapshotKey]localDetails) []byte {
	d := local[workforce.KeyOf(*r)]
	stream, practice, approved := d.funding(r.RoleCode)
	role := &r.RoleCode
	if r.RoleCode == "" {
		role = nil
	}
	b = copyText(b, r.PCNCode)
	b = copyNullText(append(b, '\t'), role)
	for _, s := range []string{r.StaffGroup, r.StaffRole, r.DetailedRole, r.Source, r.UniqueIdentifier} {
		b = copyText(append(b, '\t'), s)
	}
	b = strconv.AppendInt(append(b, '\t'), int64(r.SourceRows), 10)
	b = strconv.AppendFloat(append(b, '\t'), r.FTE, 'f', -1, 64)
	b = append(append(b, '\t'), day...)
	b = strconv.AppendInt(append(b, '\t'), importID, 10)
	b = copyText(append(b, '\t'), d.band)
	b = copyText(append(b, '\t'), d.employer)
	b = copyNullInt(append(b, '\t'), d.costPence)
	b = copyNullText(append(b, '\t'), d.employmentModel)
	b = copyNullText(append(b, '\t'), stream)
	b = copyNullText(append(b, '\t'), practice)
	b = copyNullInt(append(b, '\t'), approved)
	return append(b, '\n')
}

// copyText appends s escaped for COPY's text format: a backslash, and the tab, line
// feed and carriage return that would end a value or a row.
func copyText(b []byte, s string) []byte {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b = append(b, '\\', '\\')
		case '\t':
			b = append(b, '\\', 't')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}

func copyNullText(b []byte, s *string) []byte {
	if s == nil {
		return append(b, '\\', 'N')
	}
	return copyText(b, *s)
}

func copyNullInt(b []byte, v *int64) []byte {
	if v == nil {
		return append(b, '\\', 'N')
	}
	return strconv.AppendInt(b, *v, 10)
}
