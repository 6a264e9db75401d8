package ui

// NoData is what a page shows for a figure the data cannot give (PLANNING.md, "Known
// and unknown"): unknown is not zero, so it is never written as 0. The planning
// template's workbook and print page write the same words (plansheet.NoData).
const NoData = "no data"
