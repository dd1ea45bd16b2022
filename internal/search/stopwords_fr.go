package search

// frenchStopWords are French words too common to help a search, already
// folded (no accents, lowercase) because they are compared with folded
// tokens. They are not indexed, but they still take a position so that a
// phrase keeps its gaps ("économie de la connaissance").
//
// The list is the Snowball French list plus common determiners, pronouns
// and prepositions. It leaves out words that carry meaning in Maillage's
// texts even if they are frequent elsewhere ("été", the summer; "fait",
// "faire"). Single letters left by elisions are included.
const frenchStopWords = `
a ai aie aient aies ait as au aux avaient avais avait avec avez aviez avions avons ayant ayez ayons
c ca ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment
d dans de des du donc dont
elle elles en encore entre es est et etaient etais etait etant etiez etions etre eu eue eues eurent
eus eusse eussent eut eux
fut furent
il ils
j je jusqu
l la laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu lorsque lui
m ma mais me meme memes mes moi mon
n ne ni nos notre nous
on ont ou
par parce pas peu pendant plus pour pourquoi puisqu puisque
qu quand que quel quelle quelles quels qui quoi quoiqu
s sa sans se sera serai seraient serait seras serez serons seront ses si sinon soi soient sois soit
sommes son sont sous suis sur
t ta te tes toi ton tous tout toute toutes tres tu
un une unes uns
vers voici voila vos votre vous
y
`
