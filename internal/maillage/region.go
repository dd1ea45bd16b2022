package maillage

// Region is one of Québec's seventeen administrative regions, or "outside
// Québec". Codes are the official region numbers so data exchanged with
// other Québec systems lines up.
type Region struct {
	Code string
	Fr   string
	En   string
}

// RegionOutside is the code for people and organisations outside Québec.
const RegionOutside = "hq"

// Regions returns the regions in official order, "outside Québec" last.
// It returns a fresh slice so callers may not alter a shared list.
func Regions() []Region {
	return []Region{
		{"01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"},
		{"02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"},
		{"03", "Capitale-Nationale", "Capitale-Nationale"},
		{"04", "Mauricie", "Mauricie"},
		{"05", "Estrie", "Estrie"},
		{"06", "Montréal", "Montréal"},
		{"07", "Outaouais", "Outaouais"},
		{"08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"},
		{"09", "Côte-Nord", "Côte-Nord"},
		{"10", "Nord-du-Québec", "Nord-du-Québec"},
		{"11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"},
		{"12", "Chaudière-Appalaches", "Chaudière-Appalaches"},
		{"13", "Laval", "Laval"},
		{"14", "Lanaudière", "Lanaudière"},
		{"15", "Laurentides", "Laurentides"},
		{"16", "Montérégie", "Montérégie"},
		{"17", "Centre-du-Québec", "Centre-du-Québec"},
		{RegionOutside, "Hors Québec", "Outside Québec"},
	}
}

// RegionCodes lists the valid region codes, for validation.
func RegionCodes() []string {
	rs := Regions()
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code
	}
	return codes
}

// RegionName returns the region's name in lang ("fr-CA" or "en"), or "" for
// an unknown or empty code.
func RegionName(code, lang string) string {
	for _, r := range Regions() {
		if r.Code == code {
			if lang == "en" {
				return r.En
			}
			return r.Fr
		}
	}
	return ""
}
