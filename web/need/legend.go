package need

import "github.com/arrs-planner/arrs/web/ui"

// The funnel's key: a swatch and a name for every kind of mark the drawing holds, in
// rows across its width.

// legendItem is one entry of the key.
type legendItem struct {
	X, Y float64
	Kind string // "dot", "diamond", "ring", "line"
	Name string
	// Lines are the name wrapped to the drawing's width, legendRow apart.
	Lines []string
	// Colour, Dash and Width draw a line's swatch.
	Colour, Dash string
	Width        float64
}

// legend lays out the key in rows across width, Y relative to the key's top; a name
// too long for a row (an ICB's, in the narrow drawing) wraps onto lines of its own.
func (f Funnel) legend(a funnelAxes, width float64) []legendItem {
	items := []legendItem{{Kind: "dot", Name: "A PCN"}}
	if a.highlighted > 0 {
		items = append(items, legendItem{Kind: "diamond", Name: orDefault(f.HighlightLabel, "Highlighted PCNs")})
	}
	if a.outliers > 0 {
		items = append(items, legendItem{Kind: "ring", Name: "Beyond the 99.8% limits"})
	}
	items = append(items,
		legendItem{Kind: "line", Name: "As expected (1)", Colour: colourOne, Width: 2.5},
		legendItem{Kind: "line", Name: "95% limits", Colour: colourText, Dash: dash95, Width: 1.5},
		legendItem{Kind: "line", Name: "99.8% limits", Colour: colourText, Width: 1.5})
	room := width - 8 - legendSwatch - 8 - marginRight
	x, y, rowLines := 8.0, legendRow/2, 1
	for i := range items {
		items[i].Lines = ui.WrapText(items[i].Name, room)
		w := legendSwatch + 8 + textWidth(items[i].Name) + 16
		if x > 8 && (x+w > width || len(items[i].Lines) > 1) {
			x, y, rowLines = 8, y+legendRow*float64(rowLines), 1
		}
		items[i].X, items[i].Y = x, y
		x += w
		rowLines = max(rowLines, len(items[i].Lines))
		if len(items[i].Lines) > 1 {
			x = width // nothing beside a wrapped name
		}
	}
	return items
}

// legendHeight is the height the laid-out key takes.
func legendHeight(items []legendItem) float64 {
	h := 0.0
	for _, it := range items {
		h = max(h, it.Y+legendRow*float64(len(it.Lines)-1)+legendRow/2)
	}
	return h
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
