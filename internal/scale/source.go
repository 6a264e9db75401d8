package scale

import (
	"fmt"
	"path"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
)

// ReadSource reads an embedded NWRS file (refdata.DemoWorkforceFile, the real November
// 2025 census, or refdata.SampleWorkforceFile) as the import would, with the
// reference data's role mapping.
func ReadSource(ref *refdata.Reference, name string) (*importer.Snapshot, error) {
	f, err := refdata.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	snap, err := importer.ReadNWRS(path.Base(name), f, ref.NWRSRoleMap)
	if err != nil {
		return nil, fmt.Errorf("scale: reading %s: %w", name, err)
	}
	return snap, nil
}

// National generates the benchmark's 59 censuses from the real November 2025 file and
// returns them with the file's snapshot.
func National(ref *refdata.Reference) (*History, *importer.Snapshot, error) {
	src, err := ReadSource(ref, refdata.DemoWorkforceFile)
	if err != nil {
		return nil, nil, err
	}
	return Generate(src, ref.Series, DefaultParams), src, nil
}
