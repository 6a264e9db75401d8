// Package importer reads the files people give ARRS Planner: NHS England's PCN
// Workforce individual-level CSV (NWRS), weighted populations, and plan lines as CSV or
// an Excel workbook (the plan page's upload and `arrs import plans`). Every reader has
// limits (limits.go) and is all or nothing: the first bad row stops the read with a
// *RowError naming its line and column, and nothing is returned to be written. Writing
// files is report's.
package importer
