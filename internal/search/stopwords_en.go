package search

// englishStopWords are English words too common to help a search,
// compared with folded tokens like frenchStopWords. "an" and "but" are
// left out on purpose: they are French content words (un an, le but).
const englishStopWords = `
a about above after again against all am and any are aren as at
be because been before being below between both by
can cannot could couldn
d did didn do does doesn doing don down during
each
few for from further
had hadn has hasn have haven having he her here hers herself him himself his how
i if in into is isn it its itself
just
ll
me more most my myself
no nor not now
of off on once only or other our ours ourselves out over own
re
s same she should shouldn so some such
t than that the their theirs them themselves then there these they this those through to too
under until up us
very
was wasn we were weren what when where which while who whom why will with won would wouldn
you your yours yourself yourselves
`
