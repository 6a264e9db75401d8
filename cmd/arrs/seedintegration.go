package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// demoPCN is the demo's PCN: U60057 Shrewsbury.
const demoPCN = "U60057"

var seedActor = store.Actor{Name: "cli:arrs seed demo"}

// seedDemoIntegration gives the demo PCN integration records for about half of its
// ARRS staff in post at the latest census, and one closed pulse round, so that the
// integration and pulse pages have something to show. Each part is seeded once: a PCN
// with any integration record, or any round, is left as it is.
func (a *app) seedDemoIntegration(ctx context.Context, db *store.DB, now time.Time) error {
	census, err := db.LatestCensus(ctx)
	if err != nil {
		return err
	}
	inPost, err := db.StaffRecordsInPost(ctx, demoPCN, census)
	if err != nil {
		return err
	}
	var staff []workforce.StaffRecord
	for _, s := range inPost {
		if s.RoleCode != "" {
			staff = append(staff, s)
		}
	}
	today := workforce.Today(now)
	if err := a.seedDemoRecords(ctx, db, staff, today); err != nil {
		return err
	}
	return a.seedDemoPulse(ctx, db, staff, today)
}

// seedDemoRecords records every other ARRS member of staff: most complete, the first
// based at three practices, one whose appraisal is overdue, one without records
// access, and every fourth without a service named. The practices are the PCN's
// members today; with none loaded, no practice is named.
func (a *app) seedDemoRecords(ctx context.Context, db *store.DB, staff []workforce.StaffRecord, today time.Time) error {
	have, err := db.IntegrationRecordsOfPCNs(ctx, []string{demoPCN})
	if err != nil || len(have) > 0 {
		if err == nil {
			fmt.Fprintln(a.stdout, "demo integration: U60057 already has integration records")
		}
		return err
	}
	members, err := db.PracticesOfPCN(ctx, demoPCN, today)
	if err != nil {
		return err
	}
	practices := make([]string, len(members))
	for i, m := range members {
		practices[i] = m.Code
	}
	n := 0
	for i := 0; i < len(staff); i += 2 {
		rec := demoRecord(staff[i], n, practices, today)
		if _, err := db.SaveIntegrationRecord(ctx, rec, today, seedActor); err != nil {
			return err
		}
		n++
	}
	fmt.Fprintf(a.stdout, "demo integration: records for %d of U60057's %d ARRS staff (%d member practices)\n", n, len(staff), len(practices))
	return nil
}

// demoRecord is the n-th demo record, for a member of staff in post.
func demoRecord(s workforce.StaffRecord, n int, practices []string, today time.Time) workforce.IntegrationRecord {
	start := s.Start
	rec := workforce.IntegrationRecord{
		StaffID: s.ID, PCNCode: s.PCNCode,
		InductionOn:     start.AddDate(0, 0, 14),
		RecordsAccessOn: start.AddDate(0, 0, 7),
		AdminSupport:    "PCN operations team",
		ServiceCode:     demoService(s.RoleCode),
	}
	if len(practices) > 0 {
		based := 1 + n%2
		if n == 0 {
			based = 3 // spread across three practices: a warning
		}
		for k := range min(based, len(practices)) {
			rec.Practices = append(rec.Practices, practices[(n+k)%len(practices)])
		}
	}
	// Appraised within the last ten months when in post a year; a newer starter's
	// first appraisal is due a year after starting.
	if !start.AddDate(1, 0, 0).After(today) {
		rec.LastAppraisalOn = today.AddDate(0, -(2 + n%8), 0)
	}
	switch n {
	case 1: // the appraisal due three weeks ago has not happened: overdue
		rec.LastAppraisalOn, rec.NextAppraisalDue = time.Time{}, today.AddDate(0, 0, -21)
	case 2: // no records access recorded
		rec.RecordsAccessOn = time.Time{}
	}
	for _, d := range []*time.Time{&rec.InductionOn, &rec.RecordsAccessOn} {
		if d.After(today) {
			*d = time.Time{} // not done yet
		}
	}
	if n%4 == 3 {
		rec.ServiceCode = "" // no service named
	}
	if stages := workforce.RoadmapStagesOf(s.RoleCode); stages != nil {
		rec.RoadmapStage = stages[(n+2)%len(stages)].Code
	} else if n%3 != 1 {
		rec.DevelopmentStep = "Agreed at the last appraisal: shadowing the practice's lead for the service"
	}
	return rec
}

// demoService is the service a role is most often there to deliver.
func demoService(role string) string {
	switch role {
	case "clinical_pharmacist", "pharmacy_technician":
		return "structured_medication_reviews"
	case "first_contact_physiotherapist":
		return "msk_first_contact"
	case "paramedic":
		return "care_homes"
	case "care_coordinator":
		return "anticipatory_care"
	case "social_prescribing_link_worker", "health_wellbeing_coach":
		return "social_prescribing"
	case "advanced_practitioner", "gp", "physician_associate":
		return "same_day_access"
	}
	return "long_term_conditions"
}

// demoAnswers is how many answers the demo round gets from each group: two groups
// shown, and the pharmacy team and other roles under 5 each, merged into one cell.
var demoAnswers = map[workforce.RoleGroup]int{
	workforce.GroupFirstContact: 9, workforce.GroupPersonalisedCare: 7,
	workforce.GroupPharmacy: 4, workforce.GroupOther: 3,
}

// demoComments are the demo round's comments, given to some answers.
var demoComments = []string{
	"A room of my own on the days I am in would make a big difference.",
	"Supervision has been regular and useful.",
	"I still do not have access to the records at one of the practices.",
	"The team has made me feel welcome.",
}

// seedDemoPulse opens a round of the demo PCN ten weeks ago, answers it and closes it
// six weeks ago. The answers are DEMO DATA, made up by a generator with a fixed seed
// (the same answers on every database), not anyone's views.
func (a *app) seedDemoPulse(ctx context.Context, db *store.DB, staff []workforce.StaffRecord, today time.Time) error {
	rounds, err := db.PulseRounds(ctx, demoPCN)
	if err != nil || len(rounds) > 0 {
		if err == nil {
			fmt.Fprintln(a.stdout, "demo pulse: U60057 already has a round")
		}
		return err
	}
	if len(staff) == 0 {
		return nil
	}
	groups := make([]workforce.RoleGroup, len(staff))
	for i, s := range staff {
		groups[i] = workforce.RoleGroupOf(s.RoleCode)
	}
	opened := today.AddDate(0, 0, -70)
	round, links, err := db.OpenPulseRound(ctx, demoPCN, opened, opened.AddDate(0, 0, 35), groups, seedActor)
	if err != nil {
		return err
	}
	gen := rand.New(rand.NewPCG(16, 2026))
	left := map[workforce.RoleGroup]int{}
	for g, n := range demoAnswers {
		left[g] = n
	}
	answered := 0
	for _, g := range workforce.RoleGroups { // the group order, not the links', so the answers are always the same
		for _, l := range links {
			if l.RoleGroup != g || left[g] == 0 {
				continue
			}
			left[g]--
			if err := db.AnswerPulse(ctx, l.Token, demoAnswer(gen, g), opened.AddDate(0, 0, 7)); err != nil {
				return err
			}
			answered++
		}
	}
	if _, err := db.ClosePulseRound(ctx, demoPCN, round.ID, round.Version, opened.AddDate(0, 0, 28), seedActor); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "demo pulse: a closed round of U60057 with %d demo answers from %d links\n", answered, len(links))
	return nil
}

// demoLeaning is each group's usual score per item, which the generator varies by one
// either way.
var demoLeaning = map[workforce.RoleGroup][4]int{
	workforce.GroupFirstContact:     {4, 3, 4, 3},
	workforce.GroupPersonalisedCare: {3, 3, 4, 3},
	workforce.GroupPharmacy:         {4, 4, 4, 4},
	workforce.GroupOther:            {3, 4, 4, 3},
}

// demoAnswer is the generator's next answer for a group.
func demoAnswer(gen *rand.Rand, g workforce.RoleGroup) workforce.PulseAnswer {
	a := workforce.PulseAnswer{RoleGroup: g}
	for i, base := range demoLeaning[g] {
		a.Scores[i] = max(1, min(5, base+gen.IntN(3)-1))
	}
	if gen.IntN(3) == 0 {
		a.Comment = demoComments[gen.IntN(len(demoComments))]
	}
	return a
}
