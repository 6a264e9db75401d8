// Package importer reads the files people give ARRS Planner: NHS England's PCN
// Workforce individual-level CSV (NWRS), weighted populations, and plan lines as CSV or
// an Excel workbook (the plan page's upload and `arrs import plans`). Every reader has
// limits (limits.go) and is all or nothing: a bad row refuses the file with a
// *RowError naming its line and column, and nothing is returned to be written. The
// first bad row stops most reads; a plan file, which a person corrects by hand, is read
// to its end and every wrong row reported at once (*RowErrors, planerrors.go): only a
// limit passed stops it. Writing files is report's.
package importer
