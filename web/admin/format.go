package admin

import "strconv"

func itoa(n int) string { return strconv.Itoa(n) }

func passwordLabel(id int64) string {
	if id == 0 {
		return "Password"
	}
	return "New password (leave blank to keep the current one)"
}
