// Package importer reads and writes ARRS Planner's file formats: NHS England's PCN
// Workforce individual-level CSV (NWRS), weighted populations and plan lines in, CSV
// and XLSX out. Readers are all or nothing: the first bad row stops the read with a
// *RowError naming its line and column, and nothing is returned to be written.
package importer
