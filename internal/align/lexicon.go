package align

import "strings"

// synonyms maps a stem to the stem that stands for its group. The groups
// are paraphrases common in news reports of the same event: verbs of
// refusal, of investigation, of legal counsel, of speech on social media,
// of killing and dying, of buying, of cutting and raising; the words news
// uses in turn for one thing (a bombing and a blast, a jet and a plane,
// troops and soldiers); a country with its adjective (and the capital that
// stands for its government, where news writes it so); and common
// first-name nicknames. A word with senses outside its group ("talks",
// "cut") is in it only where news mostly means the group's sense.
var synonyms = func() map[string]string {
	groups := [][]string{
		{"reject", "rebuf", "rebuff", "spurn", "refus", "declin", "dismiss", "deni", "nix"},
		{"testifi", "testimoni", "testimony"},
		{"lawyer", "attorney", "counsel", "counsellor"},
		{"investig", "probe", "inquiri", "inquir", "enquiri"},
		{"meddl", "interfer", "interf"},
		{"tweet", "twitter"},
		{"resign", "quit"},
		{"kill", "slay", "slain", "murder", "die", "dead", "death", "di"},
		{"shoot", "shot"},
		{"bomb", "blast", "explos"},
		{"plane", "jet", "jetlin", "aircraft", "airplan"},
		{"troop", "soldier"},
		{"rebel", "insurg", "guerrilla"},
		{"doctor", "physician"},
		{"buy", "bought", "acquir", "acquisit", "purchas"},
		{"ban", "prohibit", "outlaw"},
		{"sue", "lawsuit"},
		{"discuss", "talk", "negoti"},
		{"cut", "lower", "reduc", "slash"},
		{"increas", "rais", "hike", "boost"},
		{"arrest", "detain", "apprehend"},
		{"said", "say", "state", "told", "tell", "remark"},
		{"ask", "request", "seek", "sought"},
		{"adviser", "advis", "advisor"},
		{"us", "u.s", "america", "american", "unit"},
		{"uk", "u.k", "britain", "british"},
		{"congress", "congression"},
		{"russia", "russian", "moscow", "kremlin"},
		{"china", "chines", "beij"},
		{"iran", "iranian"},
		{"israel", "isra"},
		{"ukrain", "ukrainian"},
		{"franc", "french"},
		{"germani", "german"},
		{"mexico", "mexican"},
		{"canada", "canadian"},
		{"japan", "japanes"},
		{"india", "indian"},
		{"syria", "syrian"},
		{"postpon", "delay", "defer"},
		{"merg", "combin", "merger"},
		{"injur", "wound", "hurt"},
		{"charg", "indict"},
		{"quak", "earthquak", "tremor", "temblor"},
		{"cancel", "scrap"},
		{"rescu", "rescuer"},
		{"michael", "mike"}, {"robert", "bob"}, {"william", "bill"}, {"jame", "jim"},
		{"thoma", "tom"}, {"richard", "dick"}, {"elizabeth", "liz", "beth"},
		{"christoph", "chris"}, {"daniel", "dan"}, {"jonathan", "jon"},
		{"nicola", "nick"}, {"joseph", "joe"}, {"charl", "charli"}, {"steven", "steve"},
	}
	m := make(map[string]string)
	for _, g := range groups {
		for _, w := range g[1:] {
			m[w] = g[0]
		}
	}
	return m
}()

// phrases are multi-word paraphrases, written as lower-case words, and the
// group they stand for.
var phrases = []struct {
	words []string
	term  string
}{
	{strings.Fields("not on the table"), "reject"},
	{strings.Fields("off the table"), "reject"},
	{strings.Fields("turned down"), "reject"},
	{strings.Fields("turn down"), "reject"},
	{strings.Fields("turns down"), "reject"},
	{strings.Fields("turning down"), "reject"},
	{strings.Fields("stepped down"), "resign"},
	{strings.Fields("step down"), "resign"},
	{strings.Fields("steps down"), "resign"},
	{strings.Fields("passed away"), "kill"},
	{strings.Fields("gunned down"), "shoot"},
	{strings.Fields("took into custody"), "arrest"},
	{strings.Fields("taken into custody"), "arrest"},
	{strings.Fields("put off"), "postpon"},
	{strings.Fields("puts off"), "postpon"},
	{strings.Fields("putting off"), "postpon"},
	{strings.Fields("called off"), "cancel"},
	{strings.Fields("call off"), "cancel"},
	{strings.Fields("looking into"), "investig"},
	{strings.Fields("look into"), "investig"},
}
