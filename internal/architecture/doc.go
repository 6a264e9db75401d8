// Package architecture holds no code: its tests keep the layout of STYLE.md true as the
// code grows. Imports flow one way, cmd → server → {domain packages, web} → workforce;
// internal/server speaks HTTP only (no SQL, no spreadsheet library); planning is pure
// and store and planning never import each other.
package architecture
