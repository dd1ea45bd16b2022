package demo

// place is a real Québec town (or a district of one) where fictional
// organisations have their address. Coordinates are the town's centre;
// each organisation gets a small fixed offset from it.
type place struct {
	town   string
	region string
	lat    float64
	lon    float64
}

// places, by key. Regions are maillage region codes.
var places = map[string]place{
	"mtl-hochelaga":     {"Montréal", "06", 45.5480, -73.5400},
	"mtl-rosemont":      {"Montréal", "06", 45.5430, -73.5900},
	"mtl-plateau":       {"Montréal", "06", 45.5220, -73.5820},
	"mtl-centre-sud":    {"Montréal", "06", 45.5200, -73.5550},
	"mtl-saint-michel":  {"Montréal", "06", 45.5660, -73.6100},
	"mtl-villeray":      {"Montréal", "06", 45.5450, -73.6200},
	"mtl-pointe":        {"Montréal", "06", 45.4780, -73.5600},
	"mtl-centre":        {"Montréal", "06", 45.5017, -73.5673},
	"quebec-saint-roch": {"Québec", "03", 46.8150, -71.2250},
	"quebec-limoilou":   {"Québec", "03", 46.8300, -71.2200},
	"quebec-sauveur":    {"Québec", "03", 46.8080, -71.2370},
	"rimouski":          {"Rimouski", "01", 48.4490, -68.5230},
	"saguenay":          {"Saguenay", "02", 48.4280, -71.0680},
	"trois-rivieres":    {"Trois-Rivières", "04", 46.3432, -72.5430},
	"shawinigan":        {"Shawinigan", "04", 46.5667, -72.7500},
	"sherbrooke":        {"Sherbrooke", "05", 45.4042, -71.8929},
	"gatineau":          {"Gatineau", "07", 45.4765, -75.7013},
	"rouyn-noranda":     {"Rouyn-Noranda", "08", 48.2366, -79.0231},
	"sept-iles":         {"Sept-Îles", "09", 50.2169, -66.3811},
	"baie-comeau":       {"Baie-Comeau", "09", 49.2217, -68.1500},
	"chibougamau":       {"Chibougamau", "10", 49.9136, -74.3797},
	"gaspe":             {"Gaspé", "11", 48.8317, -64.4869},
	"levis":             {"Lévis", "12", 46.8033, -71.1779},
	"laval":             {"Laval", "13", 45.6066, -73.7124},
	"joliette":          {"Joliette", "14", 46.0218, -73.4404},
	"saint-jerome":      {"Saint-Jérôme", "15", 45.7804, -74.0036},
	"longueuil":         {"Longueuil", "16", 45.5312, -73.5181},
	"saint-hyacinthe":   {"Saint-Hyacinthe", "16", 45.6307, -72.9570},
	"drummondville":     {"Drummondville", "17", 45.8833, -72.4833},
	"victoriaville":     {"Victoriaville", "17", 46.0500, -71.9667},
}
