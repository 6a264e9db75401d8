// Package need works out the need-adjusted population of every practice and PCN and
// what fair comparison is built on it (PLANNING.md, "Need and fair comparison";
// docs/need.md for every choice where PLANNING.md is silent):
//
//   - need(p) = Σ member practices Σ age-sex bands patients × age-sex weight ×
//     deprivation factor, normalised so that Σ need over all PCNs = Σ their registered
//     lists (practices in no PCN are left out of the normalisation);
//   - a PCN's expected ARRS FTE = England's ARRS FTE × need(p) / Σ need, its ratio
//     observed ÷ expected;
//   - funnel limits on the ratio at 95% and 99.8%, Poisson on the expected count with
//     the interpolation of Spiegelhalter (2005), as Fingertips' technical guidance does
//     for indirectly standardised ratios;
//   - England's deciles of a measure (the "type 7" percentile of OpenPrescribing's
//     decile charts);
//   - each PCN's most similar networks by need profile.
//
// It is pure: inputs in, results out; no database, no clock. Need is a float64 in
// patients (unrounded; pages round to whole patients, files to 2 dp).
package need
