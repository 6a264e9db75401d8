package plan

import "strconv"

// fileHref is a file of the version shown: "template.xlsx" or "print" under the
// plan's address, for that version.
func (p Page) fileHref(name string) string {
	return "/pcns/" + p.Code + "/plan/" + name + "?version=" + strconv.FormatInt(p.Version.ID, 10)
}
