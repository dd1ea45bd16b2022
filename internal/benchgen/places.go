package benchgen

import "github.com/maillage/maillage/internal/maillage"

// town is a real town where generated people live and organisations have
// their address; coordinates are its centre.
type town struct {
	name     string
	region   string
	lat, lon float64
}

// towns covers the seventeen administrative regions, and a little of
// outside Québec ("hq").
var towns = []town{
	{"Rimouski", "01", 48.449, -68.523}, {"Rivière-du-Loup", "01", 47.835, -69.536}, {"Matane", "01", 48.846, -67.533},
	{"Saguenay", "02", 48.428, -71.068}, {"Alma", "02", 48.550, -71.650}, {"Dolbeau-Mistassini", "02", 48.878, -72.231},
	{"Québec", "03", 46.813, -71.208}, {"Baie-Saint-Paul", "03", 47.441, -70.498}, {"Donnacona", "03", 46.680, -71.730},
	{"Trois-Rivières", "04", 46.343, -72.543}, {"Shawinigan", "04", 46.567, -72.750}, {"La Tuque", "04", 47.434, -72.783},
	{"Sherbrooke", "05", 45.404, -71.893}, {"Magog", "05", 45.266, -72.148}, {"Coaticook", "05", 45.134, -71.805},
	{"Montréal", "06", 45.502, -73.567},
	{"Gatineau", "07", 45.477, -75.701}, {"Maniwaki", "07", 46.375, -75.966},
	{"Rouyn-Noranda", "08", 48.237, -79.023}, {"Val-d’Or", "08", 48.097, -77.783}, {"Amos", "08", 48.566, -78.116},
	{"Sept-Îles", "09", 50.217, -66.381}, {"Baie-Comeau", "09", 49.222, -68.150},
	{"Chibougamau", "10", 49.914, -74.380}, {"Chisasibi", "10", 53.784, -78.907},
	{"Gaspé", "11", 48.832, -64.487}, {"Carleton-sur-Mer", "11", 48.104, -66.128}, {"Les Îles-de-la-Madeleine", "11", 47.383, -61.867},
	{"Lévis", "12", 46.803, -71.178}, {"Saint-Georges", "12", 46.118, -70.670}, {"Thetford Mines", "12", 46.093, -71.305},
	{"Laval", "13", 45.607, -73.712},
	{"Joliette", "14", 46.022, -73.440}, {"Terrebonne", "14", 45.700, -73.647}, {"Repentigny", "14", 45.742, -73.450},
	{"Saint-Jérôme", "15", 45.780, -74.004}, {"Mont-Laurier", "15", 46.552, -75.499}, {"Sainte-Agathe-des-Monts", "15", 46.050, -74.283},
	{"Longueuil", "16", 45.531, -73.518}, {"Saint-Hyacinthe", "16", 45.631, -72.957}, {"Granby", "16", 45.400, -72.733},
	{"Salaberry-de-Valleyfield", "16", 45.250, -74.130},
	{"Drummondville", "17", 45.883, -72.483}, {"Victoriaville", "17", 46.050, -71.967}, {"Nicolet", "17", 46.224, -72.616},
	{"Ottawa", maillage.RegionOutside, 45.421, -75.697}, {"Moncton", maillage.RegionOutside, 46.088, -64.778},
}

// regionWeights are roughly each region's share of Québec's population
// (percent); "hq" is the few people from outside Québec.
var regionWeights = map[string]float64{
	"01": 2.3, "02": 3.2, "03": 8.9, "04": 3.2, "05": 3.9, "06": 24, "07": 4.7, "08": 1.7, "09": 1.0, "10": 0.5,
	"11": 1.1, "12": 5.1, "13": 5.1, "14": 6.0, "15": 7.2, "16": 17.5, "17": 2.9, maillage.RegionOutside: 1.5,
}

// townWeights spreads each region's weight over its towns.
func townWeights() []float64 {
	per := map[string]int{}
	for _, t := range towns {
		per[t.region]++
	}
	w := make([]float64, len(towns))
	for i, t := range towns {
		w[i] = regionWeights[t.region] / float64(per[t.region])
	}
	return w
}

// regionName is the French name of a region code.
func regionName(code string) string { return maillage.RegionName(code, "fr-CA") }

// townOf writes « de Rimouski », « d’Alma », « des Îles-de-la-Madeleine ».
func townOf(name string) string {
	switch {
	case name == "Les Îles-de-la-Madeleine":
		return "des Îles-de-la-Madeleine"
	case startsWithVowel(name):
		return "d’" + name
	}
	return "de " + name
}

// regionOf writes « du Bas-Saint-Laurent », « de l’Estrie », « de la Mauricie ».
func regionOf(code string) string {
	name := regionName(code)
	switch code {
	case "01", "02", "10", "17":
		return "du " + name
	case "03", "04", "09", "11", "12", "16":
		return "de la " + name
	case "05", "07", "08":
		return "de l’" + name
	case "14":
		return "de " + name
	case "15":
		return "des " + name
	}
	return "de " + name
}

var streets = []string{"rue Principale", "rue Saint-Jean", "boulevard Saint-Laurent", "rue Notre-Dame", "avenue du Parc",
	"rue King", "rue Racine", "rue des Érables", "chemin du Lac", "rue Sainte-Catherine", "boulevard des Forges",
	"rue de l’Église", "avenue Royale", "rue du Couvent", "rue Wellington", "boulevard René-Lévesque", "rue Saint-Joseph",
	"rue des Pins", "rue Laurier", "rue Papineau"}
