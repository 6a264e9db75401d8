package ui

// SkipLinkParams configures the skip link, the first focusable element of each page.
type SkipLinkParams struct {
	Href string // defaults to "#maincontent", the id of the page's <main>
	Text string // defaults to "Skip to main content"
}

// BackLinkParams configures a back link. Without Href it renders a submit button,
// as the NHS component does, for forms whose "back" posts.
type BackLinkParams struct {
	Text    string // defaults to "Back"
	Href    string
	Reverse bool // for dark backgrounds

	// visuallyHidden prefixes the text for screen readers ("Back to"): the breadcrumb
	// sets it; pages never need to.
	visuallyHidden string
}

func (p BackLinkParams) class() string {
	return classes("nhsuk-back-link", when(p.Reverse, "nhsuk-back-link--reverse"))
}

// BreadcrumbItem is one ancestor of the current page. Items without an Href are
// left out.
type BreadcrumbItem struct {
	Text string
	Href string
}

// BreadcrumbParams lists the current page's ancestors, from the top; the page itself
// is not an item. On small screens the NHS CSS shows only a "Back to" link to the
// last item, which the component renders for that purpose.
type BreadcrumbParams struct {
	Items   []BreadcrumbItem
	Reverse bool // for dark backgrounds
}

// linked returns the items with a link; the NHS component skips the others.
func (p BreadcrumbParams) linked() []BreadcrumbItem {
	var items []BreadcrumbItem
	for _, item := range p.Items {
		if item.Href != "" {
			items = append(items, item)
		}
	}
	return items
}

// backLink goes to the last linked item. (The NHS component takes the last item
// even without a link, and then renders a submit button that does nothing outside
// a form.)
func (p BreadcrumbParams) backLink() BackLinkParams {
	items := p.linked()
	last := items[len(items)-1]
	return BackLinkParams{Text: last.Text, Href: last.Href, Reverse: p.Reverse, visuallyHidden: "Back to"}
}

// DetailsParams configures an expandable details section; its content is the children.
type DetailsParams struct {
	Summary string
	Open    bool
	ID      string
}
