package store

import "context"

// An ICB's payment lag (migration 000018): the months between a claim being earned and
// the ICB paying it, which the cash flow uses (PLANNING.md, "Cash flow"), kept by the
// ICB's leads at /icbs/{code}/payment-lag; read with PaymentLags.

// SetPaymentLag changes an ICB's payment lag from was, the lag the person saw (else
// ErrConflict), to months, with its audit entry, in one transaction. The column has no
// version of its own: the value seen is the version.
func (db *DB) SetPaymentLag(ctx context.Context, icb string, was, months int, by Actor) (err error) {
	defer wrap(&err, "set payment lag of %s to %d", icb, months)
	return db.InTx(ctx, func(tx *DB) error {
		tag, err := tx.q.Exec(ctx, `UPDATE icbs SET payment_lag_months = $3 WHERE code = $1 AND payment_lag_months = $2`, icb, was, months)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			lags, err := tx.PaymentLags(ctx, []string{icb})
			if err != nil {
				return err
			}
			if _, known := lags[icb]; !known {
				return ErrNotFound
			}
			return ErrConflict
		}
		e := by.Entry("icb.payment_lag", "icb", icb)
		e.ICB = icb
		e.Before, e.After = map[string]any{"payment_lag_months": was}, map[string]any{"payment_lag_months": months}
		return tx.audit(ctx, e)
	})
}
