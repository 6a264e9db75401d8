package pulse

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// CommentField is the name of the form's comment box; the items' fields are named by
// their keys (workforce.PulseItems).
const CommentField = "comment"

// Form is the view model of the public form (/pulse/{token}): the PCN's name, the
// round's questions, what was posted and the messages.
type Form struct {
	Layout   layout.PageParams
	PCNName  string
	Group    workforce.RoleGroup
	ClosesOn time.Time
	// Action is where the form posts (its own address).
	Action    string
	Questions []string
	Scores    []string
	Comment   string
	Errors    map[string]string
}

// NewAnswerForm is an empty form of a round for a link's group.
func NewAnswerForm(l layout.PageParams, pcnName string, round workforce.PulseRound, group workforce.RoleGroup, action string) Form {
	return Form{Layout: l, PCNName: pcnName, Group: group, ClosesOn: round.ClosesOn, Action: action,
		Questions: questions(round.Questions), Scores: make([]string, len(workforce.PulseItems)), Errors: map[string]string{}}
}

// Read reads a posted answer into the form (kept to show again) and checks it: each
// item answered 1 to 5, the comment within its limit. The answer is valid when the
// form has no errors afterwards.
func (f *Form) Read(v url.Values) workforce.PulseAnswer {
	var a workforce.PulseAnswer
	f.Comment = v.Get(CommentField)
	for i, it := range workforce.PulseItems {
		raw := v.Get(it.Key)
		f.Scores[i] = raw
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > len(workforce.PulseScale) {
			f.Errors[it.Key] = "Select how much you agree: " + strings.TrimSuffix(f.Questions[i], ".")
			f.Scores[i] = ""
			continue
		}
		a.Scores[i] = n
	}
	input.TooLong(v, f.Errors, input.Limit{Name: CommentField, Label: "Your comment", Max: workforce.MaxPulseCommentLength})
	a.Comment = strings.TrimSpace(f.Comment)
	f.Layout.HasErrors = len(f.Errors) > 0
	return a
}

func (f Form) errorSummary() ui.ErrorSummaryParams {
	order := make([]string, 0, len(workforce.PulseItems)+1)
	for _, it := range workforce.PulseItems {
		order = append(order, it.Key)
	}
	return input.ErrorSummary(f.Errors, "", append(order, CommentField), nil)
}

// radios is item i's fieldset: its legend the round's wording, the five points of
// the scale.
func (f Form) radios(i int) ui.ChoicesParams {
	key := workforce.PulseItems[i].Key
	items := make([]ui.ChoiceItem, len(workforce.PulseScale))
	for j, label := range workforce.PulseScale {
		items[j] = ui.ChoiceItem{Value: strconv.Itoa(j + 1), Text: label}
	}
	return ui.ChoicesParams{IDPrefix: key, Name: key, Error: f.Errors[key], Items: items, Values: []string{f.Scores[i]},
		Legend: ui.LegendParams{Text: f.Questions[i], Size: ui.SizeS}}
}

// commentError is the comment's message.
func (f Form) commentError() string { return f.Errors[CommentField] }

// maxComment is the comment's limit as text.
func maxComment() string { return strconv.Itoa(workforce.MaxPulseCommentLength) }

// Thanks is the page shown once an answer is saved.
type Thanks struct {
	Layout   layout.PageParams
	PCNName  string
	ClosesOn time.Time
}

// Problem is the page of a link that cannot be answered.
type Problem struct {
	Layout layout.PageParams
	Text   []string
}

// UnusableLink is the page of a link that cannot take an answer: one the planner does
// not know (or not in the form of one), one already used, or one whose round has
// closed. It is the same page for all three, so that it tells no one holding a link
// whether it was used.
func UnusableLink(l layout.PageParams) Problem {
	l.Title = "This link cannot be used"
	return Problem{Layout: l, Text: []string{
		"The link is not valid, it has already been used, or its survey has closed. Each link takes one answer, which cannot be changed afterwards.",
		"If you copied the address, check it against the one you were given, character for character. If you have not answered yet, ask whoever gave you the link; they cannot tell which link was yours.",
	}}
}
