package importer

import "github.com/arrs-planner/arrs/internal/workforce"

// Limits of a file read from a person (an upload, or a file given to the command line).
// Every reader stops at the first limit passed, before it holds more than the limit, so
// that a small hostile file (a gzip or zip bomb, a sheet with one cell at XFD1048576, a
// line of 50 MB) costs no more than a genuine one. Each is several times the largest
// genuine file.
const (
	// MaxUploadBytes bounds a file as sent: NHS England's monthly NWRS CSV, the largest
	// file there is, is about 7 MB plain (under 1 MB gzipped).
	MaxUploadBytes = 32 << 20
	// MaxUnpackedBytes bounds what a gzip file unpacks to: nine NWRS months' worth, and
	// no more than encoding/csv reads in about a second.
	MaxUnpackedBytes = 64 << 20
	// MaxLineBytes bounds one record of a CSV file (a line, or the lines a quoted field
	// with line breaks spans), counted as it is read so that encoding/csv never buffers
	// more: an NWRS line is about 300 bytes. A file of MaxColumns columns of MaxCellChars
	// characters could be longer, but a genuine one is nowhere near: it is the record,
	// not the columns and cells, that bounds what encoding/csv holds.
	MaxLineBytes = 64 << 10
	// MaxColumns bounds the columns of a file or sheet: NWRS has 16, a plan file 7.
	MaxColumns = 256
	// MaxCellChars bounds the text of one cell: the longest NWRS name (a sub-ICB's) is
	// under 100 characters.
	MaxCellChars = 1000
	// MaxBlankLines bounds the blank lines of a CSV file: encoding/csv skips them
	// without a row to count, so that a gzip of 100 KB holding nothing but line breaks
	// cost 5 s to read to MaxUnpackedBytes. A genuine file has none, or one at its end.
	MaxBlankLines = 1000
	// MaxEcho is the most characters of a bad value an error message repeats.
	MaxEcho = 80
)

// Rows of each kind of file, past the header.
const (
	// MaxNWRSRows: a national NWRS month has about 35,000 rows.
	MaxNWRSRows = 200_000
	// MaxPopulationRows: about 1,300 PCNs, with a few effective dates each.
	MaxPopulationRows = 100_000
	// MaxPlanRows: every PCN in England (about 1,300) planning every ARRS role (23) in
	// every quarter and funding stream of a plan (MaxPlanLines).
	MaxPlanRows = 1_300 * 23 * workforce.PlanQuarters * FundingStreams
)

// FundingStreams is the streams a plan line may be funded by (PLANNING.md, "Funding
// streams": arrs, practice_gp, other).
const FundingStreams = 3

// MaxPlanLines is the most lines one PCN's plan may hold: one per role, quarter of the
// plan (workforce.PlanQuarters, as the editor shows them) and funding stream. More is a
// runaway file, not a plan.
func MaxPlanLines(roles int) int { return roles * workforce.PlanQuarters * FundingStreams }

// Limits of an Excel (XLSX) workbook, a zip of XML parts; checked on the zip's directory
// before any part is unpacked. A plan workbook for one PCN is about 10 KB zipped and
// 50 KB unpacked.
const (
	// MaxWorkbookBytes bounds a workbook as sent.
	MaxWorkbookBytes = 8 << 20
	// MaxWorkbookParts bounds the entries of its zip: a workbook has about 10.
	MaxWorkbookParts = 1000
	// MaxWorkbookPartBytes bounds the declared unpacked size of one part (a sheet of
	// MaxSheetRows rows of a plan is about 2 MB). It is also excelize's
	// UnzipXMLSizeLimit, so that no part is ever unpacked to a temporary file.
	MaxWorkbookPartBytes = 4 << 20
	// MaxWorkbookUnpackedBytes bounds the declared unpacked size of all parts: excelize
	// holds them in memory. It is also excelize's UnzipSizeLimit.
	MaxWorkbookUnpackedBytes = 16 << 20
	// MaxWorkbookDecodedBytes bounds the declared unpacked size of the XML parts excelize
	// decodes whole rather than streams (styles, shared strings, the workbook, its
	// relationships: every XML part but the sheets): decoded, XML takes about 17 times
	// its size in memory. Those of a plan workbook saved by Excel come to about 100 KB.
	MaxWorkbookDecodedBytes = 1 << 20
	// MaxWorkbookRatio bounds how much larger the parts may be than the workbook as
	// sent: XML deflates about 10 to 1, a sheet of repeated rows 50 to 1, a bomb 1000 to 1.
	MaxWorkbookRatio = 100
	// MaxSheetRows bounds the rows of the sheet read, counted by row number (a blank
	// row counts): a plan of one PCN has at most MaxPlanLines rows (828 for 23 roles).
	MaxSheetRows = 10_000
)

// Limits of an organisations change folder (NHS England's change summary as
// data/organisations_2026-04 lays it out): the 2026 change has 6 files, 36 ICBs, 28
// sub-ICB change rows, 1,297 PCNs and 6,200 practices. Each file is also bounded by
// the line, column, cell and blank-line limits above.
const (
	// MaxOrgChangeFileBytes bounds the text of each file read (plain, or unpacked from
	// gzip): the largest, practice_icb_, is 0.8 MB for 6,200 practices (133 bytes a
	// row), so MaxOrgChangePractices rows take 2.7 MB.
	MaxOrgChangeFileBytes = 4 << 20
	// MaxOrgChangeFiles bounds the entries of the folder, read or not.
	MaxOrgChangeFiles = 20
	// MaxOrgChangeICBs: England has had at most 42 ICBs.
	MaxOrgChangeICBs = 100
	// MaxOrgChangeSubICBs: there were 106 sub-ICB locations in 2025.
	MaxOrgChangeSubICBs = 1_000
	// MaxOrgChangePCNs: there were about 1,300 PCNs in 2025.
	MaxOrgChangePCNs = 5_000
	// MaxOrgChangePractices: there were about 6,200 practices in 2025.
	MaxOrgChangePractices = 20_000
)

// Limits of NHS England's "Patients Registered at a GP Practice" files and of a
// Fingertips practice indicator. A file's kind is known from its header, and from then
// on its text (plain, or unpacked from gzip) is bounded by its kind's size, a few times
// its genuine file's. The 5-year age file is the exception at twice: reading and
// checking it runs at about 1.5 million rows (90 MB) a second, and a file must be
// refused at its limits in well under a second. While a list-size file is read, a
// row it keeps costs 12 bytes and a practice about 300 (practicepatients.go), so
// that a file refused at its limits has held well under 50 MB.
const (
	// MaxPracticeRows bounds the rows of the mapping and totals files, one row per
	// practice, and the practices a list-size file may name: 6,200 in November 2025
	// (about 8,000 when PCNs began in 2019).
	MaxPracticeRows = 20_000
	// MaxPracticeMapBytes bounds the mapping file, 1.5 MB in November 2025 (240 bytes
	// a row): 4 times that, room for MaxPracticeRows rows.
	MaxPracticeMapBytes = 6 << 20
	// MaxPracticeTotalsBytes bounds the totals file, 0.47 MB in November 2025 (75
	// bytes a row): 4 times that, room for MaxPracticeRows rows.
	MaxPracticeTotalsBytes = 2 << 20
	// MaxPracticeAgeRows bounds the 5-year age file: 43 rows per practice (each sex and
	// band, and their totals) and as many for every PCN, sub-ICB, ICB and region,
	// 329,078 in November 2025; twice that (the 8,000 practices of 2019 took 20% more).
	MaxPracticeAgeRows = 660_000
	// MaxPracticeAgeBytes bounds the 5-year age file, 20.7 MB unpacked in November 2025
	// (63 bytes a row): room for MaxPracticeAgeRows rows of that width.
	MaxPracticeAgeBytes = 44 << 20
	// MaxDeprivationRows bounds a Fingertips practice file: a row per practice and
	// year, 23,080 for the three IMD editions (2010, 2015, 2019) of indicator 93553; an
	// edition comes every four or five years.
	MaxDeprivationRows = 100_000
	// MaxDeprivationBytes bounds a Fingertips practice file, 1.3 MB for 23,080 rows (56
	// bytes a row): room for MaxDeprivationRows rows of that width.
	MaxDeprivationBytes = 6 << 20
)
