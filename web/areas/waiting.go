package areas

import "time"

// Waiting is what waits for the signed-in user on the home page: plans to sign off
// (clinical directors), to review (ICB leads) and returned to them (PCN managers).
type Waiting struct {
	Items []WaitingItem
	// Dashboards link a clinical director to the dashboard of each PCN they direct.
	Dashboards []DashboardLink
}

// DashboardLink is one PCN's dashboard.
type DashboardLink struct {
	PCNCode, PCNName, Href string
}

// WaitingItem is one plan waiting for the user.
type WaitingItem struct {
	// What is the task: "Sign off", "Review" or "Returned to you".
	What    string
	PCNCode string
	PCNName string
	Version string // "version 3"
	Since   time.Time
	Href    string
}
