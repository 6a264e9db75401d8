package account

// CheckConfirm puts in f.Errors what is wrong with the confirmation of the new
// password: missing, or not the same.
func (f *PasswordForm) CheckConfirm(password, confirm string) {
	switch {
	case confirm == "" && password != "":
		f.Errors["confirm"] = "Confirm your new password"
	case confirm != password:
		f.Errors["confirm"] = "The new passwords do not match: enter the same password twice"
	}
}
